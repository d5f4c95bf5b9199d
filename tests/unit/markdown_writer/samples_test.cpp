// The project's samples (samples/, written fresh) as Markdown: golden files, cmark-gfm renders
// each as its document, and writing is idempotent through the Jekyll reader (the output has front
// matter, so it is a Jekyll post).
#include <fstream>
#include <sstream>

#include "build.hpp"
#include "converters/html/html.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "tests/support/golden.hpp"

namespace sheaf::test_md {
namespace {

Document read_sample(const std::string& relative) {
  const auto path = test::source_path(relative);
  const std::string bytes = test::read_source_file(relative);
  MemoryContext ctx;
  const Input input{bytes, path.string(), path.parent_path().string()};
  if (path.extension() == ".html") return html::read(input, ReaderOptions{}, ctx);
  return jekyll::read(input, ReaderOptions{}, ctx);
}

Document read_post(const std::string& md, const std::string& name) {
  MemoryContext ctx;
  return jekyll::read(Input{md, name, "."}, ReaderOptions{}, ctx);
}

class MarkdownWriterSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(MarkdownWriterSamples, GoldenRendersAsWrittenAndIsIdempotent) {
  const std::string relative = GetParam();
  const Document d = read_sample(relative);
  const std::string md = write_md(d);
  std::string golden = "markdown_writer/" + relative;
  golden = golden.substr(0, golden.rfind('.')) + ".md";
  EXPECT_TRUE(test::matches_golden(golden, md));
  if (!needs_raw_html(d.blocks)) {
    EXPECT_TRUE(renders_as_written(d));
  }
  const std::string again = write_md(read_post(md, relative));
  if (relative.size() > 3 && relative.compare(relative.size() - 3, 3, ".md") == 0) {
    EXPECT_EQ(again, md);
  } else {
    // An HTML page's metadata (date_rfc3339…) is the HTML reader's; once the Jekyll reader has
    // read the post, writing is a fixpoint.
    EXPECT_EQ(write_md(read_post(again, relative)), again);
  }
}

INSTANTIATE_TEST_SUITE_P(All, MarkdownWriterSamples,
                         ::testing::Values("samples/jekyll-site/_posts/2024-01-15-hello-world.md",
                                           "samples/jekyll-site/_posts/2025-03-14-city-library-reopens.md",
                                           "samples/html/article.html"));

}  // namespace
}  // namespace sheaf::test_md
