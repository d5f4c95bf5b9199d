// The reference post → text (issue 6, "Done when"): no tags, no entities, every run of text
// present, no line wider than 78 columns (display width) but a lone URL, every link target listed,
// and no space invented between two CJK characters.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "converters/jekyll/jekyll.hpp"
#include "converters/shared/unicode.hpp"
#include "converters/text/text.hpp"
#include "core/context.hpp"
#include "core/meta.hpp"
#include "core/utf8.hpp"
#include "tests/corpus/text/model_text.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/lines.hpp"

namespace sheaf::test_text {
namespace {

struct Rendered {
  Document doc;
  std::string text;
};

Rendered render_post(const std::filesystem::path& path) {
  Rendered r;
  const std::string bytes = read_file_or_throw(path);
  MemoryContext context;
  r.doc = jekyll::read(Input{bytes, path.string(), path.parent_path().string()}, ReaderOptions{}, context);
  std::ostringstream out;
  text::write(r.doc, WriterOptions{}, context, out);
  r.text = out.str();
  return r;
}

bool lone_url(const std::string& line) {
  return line.find(' ') == std::string::npos &&
         (line.find("://") != std::string::npos || line.rfind("www.", 0) == 0);
}

TEST(TextSeed, ReferencePostIsCleanCompleteAndNarrow) {
  SHEAF_REQUIRE_CORPUS();
  const Rendered r = render_post(corpus / "seed" / "2024-06-25-jw-06252024101036.md");
  const std::string& text = r.text;
  ASSERT_FALSE(text.empty());

  EXPECT_FALSE(std::regex_search(text, std::regex("<[A-Za-z!/][^>]*>"))) << "an HTML tag";
  EXPECT_FALSE(std::regex_search(text, std::regex("&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")))
      << "a character reference";
  for (const char* junk : {"icon-zoom", "data-fancybox", "NaN", "lead_image_caption"})
    EXPECT_EQ(text.find(junk), std::string::npos) << junk;

  ModelText model;
  collect(r.doc.blocks, model);
  const std::string squeezed = squeeze_unquoted(text);  // quote prefixes cut runs of text
  std::size_t runs = 0;
  for (const std::string& run : model.runs) {
    const std::string s = squeeze_unquoted(run);
    if (s.empty()) continue;
    ++runs;
    EXPECT_NE(squeezed.find(s), std::string::npos) << "text missing: " << run;
  }
  EXPECT_GE(runs, 22u);  // the seed's 22 blocks of text, at least one run each

  std::size_t lines = 0;
  for (const std::string& line : test::split_lines(text)) {
    ++lines;
    const std::size_t width = unicode::display_width(line);
    if (width > 78) {
      EXPECT_TRUE(lone_url(line)) << width << " columns: " << line;
    }
  }
  EXPECT_GT(lines, 40u);

  // Every link target is listed (the four related links, and the title link as the source line).
  std::size_t listed = 0;
  for (const std::string& url : model.urls) {
    EXPECT_NE(text.find(url), std::string::npos) << "link target missing: " << url;
    listed += text.find("\n" + url + "\n") != std::string::npos || text.find("] " + url + "\n") != std::string::npos;
  }
  EXPECT_GE(listed, 4u);
  EXPECT_TRUE(std::regex_search(text, std::regex("\\n\\[4\\][ \\n]https://"))) << "four link targets listed";

  // No space between two CJK characters unless the model has one there.
  // The model's text with each run of whitespace (U+00A0 included) as one space, as printed.
  std::string raw_text;
  for (const std::string& run : model.runs) raw_text += run + "\n";
  for (const char* key : {"title", "author"})
    if (auto value = meta_string(r.doc.meta, key)) raw_text += *value + "\n";
  const std::string model_text = std::regex_replace(raw_text, std::regex("([ \t\n]|\xC2\xA0)+"), " ");
  for (const std::string& line : test::split_lines(text)) {
    std::vector<std::pair<std::size_t, char32_t>> cps;
    for (std::size_t at = 0; at < line.size();) {
      const std::size_t start = at;
      cps.emplace_back(start, utf8::decode(line, at));
    }
    for (std::size_t i = 1; i + 1 < cps.size(); ++i) {
      if (cps[i].second != U' ' || !unicode::drops_segment_break(cps[i - 1].second) ||
          !unicode::drops_segment_break(cps[i + 1].second))
        continue;
      const std::size_t begin = cps[i - 1].first;
      const std::size_t end = i + 2 < cps.size() ? cps[i + 2].first : line.size();
      const std::string triple = line.substr(begin, end - begin);
      EXPECT_NE(model_text.find(triple), std::string::npos)
          << "space between CJK characters: " << line;
    }
  }
}

}  // namespace
}  // namespace sheaf::test_text
