// Text → golden files for every sample in samples/ (tests/golden/text/samples/).
#include <gtest/gtest.h>

#include <sstream>

#include "converters/html/html.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/text/text.hpp"
#include "tests/support/golden.hpp"

namespace sheaf::test_text {
namespace {

struct Sample {
  const char* path;    // under the source tree
  const char* golden;  // under tests/golden/
  bool html;
};

std::string convert(const Sample& sample) {
  const std::string bytes = sheaf::test::read_source_file(sample.path);
  const std::string name = sample.path;
  const Input input{bytes, name, name.substr(0, name.rfind('/'))};
  MemoryContext context;
  const Document doc = sample.html ? html::read(input, ReaderOptions{}, context)
                                   : jekyll::read(input, ReaderOptions{}, context);
  std::ostringstream out;
  text::write(doc, WriterOptions{}, context, out);
  return out.str();
}

class TextSamples : public ::testing::TestWithParam<Sample> {};

TEST_P(TextSamples, MatchGolden) {
  const Sample& sample = GetParam();
  const std::string text = convert(sample);
  EXPECT_FALSE(text.empty());
  EXPECT_TRUE(sheaf::test::matches_golden(sample.golden, text));
}

INSTANTIATE_TEST_SUITE_P(
    All, TextSamples,
    ::testing::Values(Sample{"samples/html/article.html", "text/samples/article.txt", true},
                      Sample{"samples/jekyll-site/_posts/2024-01-15-hello-world.md",
                             "text/samples/2024-01-15-hello-world.txt", false},
                      Sample{"samples/jekyll-site/_posts/2025-03-14-city-library-reopens.md",
                             "text/samples/2025-03-14-city-library-reopens.txt", false}),
    [](const ::testing::TestParamInfo<Sample>& param) {
      std::string name = std::string(param.param.golden).substr(13);
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(TextSamples, EverySampleHasAGoldenCase) {
  // A new sample must be added to the list above.
  std::size_t count = 0;
  for (const auto& dir : {"samples/html", "samples/jekyll-site/_posts"})
    for (const auto& entry : std::filesystem::directory_iterator(sheaf::test::source_path(dir)))
      count += entry.path().extension() == ".md" || entry.path().extension() == ".html";
  EXPECT_EQ(count, 3u);
}

}  // namespace
}  // namespace sheaf::test_text

namespace sheaf::test_text {
namespace {

std::string jekyll_to_text(const std::string& post) {
  MemoryContext context;
  const Document doc = jekyll::read(Input{post, "post.md", "."}, ReaderOptions{}, context);
  std::ostringstream out;
  text::write(doc, WriterOptions{}, context, out);
  return out.str();
}

TEST(TextEndToEnd, CjkSplitAcrossSourceLinesGetsNoInventedSpace) {
  EXPECT_EQ(jekyll_to_text("---\ntitle: 测试\n---\n这是第一行，\n这是第二行。日本語の\n文章です。\nEnglish\nwords 中文\n"
                           "混排。\n\n<p>HTML里的\n中文段落</p>\n"),
            "测试\n====\n\n这是第一行，这是第二行。日本語の文章です。 English words 中文混排。\n\nHTML里的中文段落\n");
}

}  // namespace
}  // namespace sheaf::test_text
