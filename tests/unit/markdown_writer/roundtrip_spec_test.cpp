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
#include "tests/support/spec_examples.hpp"
#include "tests/unit/markdown_writer/gfm.hpp"

namespace sheaf::test_md {
namespace {

struct Example {
  int line = 0;
  bool keep_raw_html = false;  ///< `raw-html-keep` on the example line
  bool gfm = false;            ///< `gfm` on the example line: compared as GFM renders it
  std::string markdown;
  std::string expected;
};

std::vector<Example> load_examples(const std::string& text) {
  std::vector<Example> out;
  for (test::SpecExample& ex : test::load_spec_examples(text)) {
    Example e{ex.line, false, false, std::move(ex.input), std::move(ex.expected)};
    for (const std::string& w : ex.words) {
      if (w == "raw-html-keep") e.keep_raw_html = true;
      else if (w == "gfm") e.gfm = true;
      else ADD_FAILURE() << "unknown word on the example line " << ex.line - 1 << ": " << w;
    }
    out.push_back(std::move(e));
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
