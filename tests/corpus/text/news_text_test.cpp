// Every post of the news corpus (../shared/corpus/jekyll-news) → text: no error, every run of
// text present, and no line wider than 78 columns unless it holds a URL (URLs never break; a URL
// glued to its text by a no-break space overflows with it).
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "converters/jekyll/jekyll.hpp"
#include "converters/shared/unicode.hpp"
#include "converters/text/text.hpp"
#include "core/context.hpp"
#include "tests/corpus/text/model_text.hpp"
#include "tests/support/corpus.hpp"

namespace sheaf::test_text {
namespace {

TEST(TextNewsCorpus, EveryPostRendersCompleteAndNarrow) {
  SHEAF_REQUIRE_CORPUS();
  const auto posts = sheaf::test::files_under(corpus / "jekyll-news", {".md"});
  std::size_t rendered = 0, runs = 0, lines = 0, overflowing = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& path : posts) {
    if (path.filename() == "PROVENANCE.md") continue;
    SCOPED_TRACE(path.string());
    const std::string bytes = read_file_or_throw(path);
    MemoryContext context;
    std::ostringstream out;
    Document doc;
    ASSERT_NO_THROW({
      doc = jekyll::read(Input{bytes, path.string(), path.parent_path().string()}, ReaderOptions{}, context);
      text::write(doc, WriterOptions{}, context, out);
    });
    const std::string text = out.str();
    ++rendered;

    // Runs appear in document order, except notes (printed last): search on from the last hit
    // first, then anywhere.
    ModelText model;
    collect(doc.blocks, model);
    const std::string squeezed = squeeze_unquoted(text);  // quote prefixes cut runs of text
    std::size_t from = 0;
    for (const std::string& run : model.runs) {
      const std::string s = squeeze_unquoted(run);
      if (s.empty()) continue;
      ++runs;
      std::size_t at = squeezed.find(s, from);
      if (at == std::string::npos) at = squeezed.find(s);
      EXPECT_NE(at, std::string::npos) << "text missing: " << run.substr(0, 200);
      if (at != std::string::npos) from = at;
    }

    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      ++lines;
      if (unicode::display_width(line) <= 78) continue;
      ++overflowing;
      EXPECT_TRUE(line.find("://") != std::string::npos || line.find("www.") != std::string::npos)
          << unicode::display_width(line) << " columns: " << line.substr(0, 300);
    }
  }
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[ text     ] " << rendered << " posts, " << runs << " runs of text, " << lines << " lines ("
            << overflowing << " over 78 columns, each holding a URL) in " << seconds << " s\n";
  EXPECT_GE(rendered, 300u);
}

}  // namespace
}  // namespace sheaf::test_text
