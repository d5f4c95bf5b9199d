// Runs tests/spec/markdown_roundtrip.txt: each example is Markdown, a line ".", and the Markdown
// that `sheaf -f markdown -t markdown` writes for it. Besides the text, every example checks what
// scripts/markdown_agreement.py measures over the CommonMark spec: the original and the written
// Markdown render to the same HTML with cmark-gfm, and writing is idempotent. Words after
// `example` on the fence line: `raw-html-keep` reads with --raw-html keep; `gfm` renders with the
// GFM extensions (the default is plain CommonMark, as the agreement script). SHEAF_ACCEPT=1 does
// not rewrite spec files: they are documentation, edited by hand.
#include <gtest/gtest.h>

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <sstream>

#include "converters/markdown/markdown.hpp"
#include "tests/support/golden.hpp"
#include "tests/unit/markdown_writer/gfm.hpp"

namespace sheaf::test_md {
namespace {

struct Example {
  int line = 0;
  bool keep_raw_html = false;
  bool gfm = false;
  std::string markdown;
  std::string expected;
};

std::vector<Example> load_examples(const std::string& text) {
  const std::string fence = "```````````````````````````````` example";
  const std::string end = "````````````````````````````````";
  std::vector<Example> out;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  Example* cur = nullptr;
  bool in_expected = false;
  while (std::getline(in, line)) {
    ++number;
    if (!cur && line.rfind(fence, 0) == 0) {
      out.push_back(Example{number + 1, false, false, {}, {}});
      cur = &out.back();
      std::istringstream words(line.substr(fence.size()));
      for (std::string w; words >> w;) {
        if (w == "raw-html-keep") cur->keep_raw_html = true;
        else if (w == "gfm") cur->gfm = true;
        else ADD_FAILURE() << "unknown word on the example line " << number << ": " << w;
      }
      in_expected = false;
    } else if (cur && line == end) {
      cur = nullptr;
    } else if (cur && !in_expected && line == ".") {
      in_expected = true;
    } else if (cur) {
      // `→` stands for a tab, as in the CommonMark spec.
      std::string l;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 3, "\xE2\x86\x92") == 0) {
          l += '\t';
          i += 2;
        } else {
          l += line[i];
        }
      }
      (in_expected ? cur->expected : cur->markdown) += l + "\n";
    }
  }
  return out;
}

/// cmark-gfm's HTML for `markdown` without extensions (CommonMark), raw HTML kept.
std::string commonmark_html(const std::string& markdown) {
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_UNSAFE), &std::free);
  return html ? std::string(html.get()) : std::string();
}

std::string round_trip(const std::string& markdown, bool keep_raw_html) {
  MemoryContext context;
  ReaderOptions reader;
  if (keep_raw_html) reader.raw_html = RawHtml::keep;
  const Document d = markdown::read(Input{markdown, "example.md", "."}, reader, context);
  WriterOptions writer;
  writer.markdown.front_matter = false;
  std::ostringstream out;
  markdown::write(d, writer, context, out);
  return out.str();
}

TEST(MarkdownRoundTripSpec, AllExamplesRoundTrip) {
  const auto examples = load_examples(test::read_source_file("tests/spec/markdown_roundtrip.txt"));
  ASSERT_GT(examples.size(), 10u);
  for (const Example& ex : examples) {
    const std::string where = "tests/spec/markdown_roundtrip.txt:" + std::to_string(ex.line);
    const std::string written = round_trip(ex.markdown, ex.keep_raw_html);
    EXPECT_EQ(written, ex.expected) << where << "\n" << ex.markdown;
    auto render = [&](const std::string& md) { return ex.gfm ? gfm_html(md) : commonmark_html(md); };
    EXPECT_EQ(render(written), render(ex.markdown)) << where << ": renders differently\n" << written;
    EXPECT_EQ(round_trip(written, ex.keep_raw_html), written) << where << ": not idempotent";
  }
}

}  // namespace
}  // namespace sheaf::test_md
