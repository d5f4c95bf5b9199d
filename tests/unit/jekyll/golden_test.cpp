// Sample posts (tests/golden/jekyll/*.md, written fresh) → JSON, compared with their goldens.
#include <gtest/gtest.h>

#include <sstream>

#include "converters/jekyll/jekyll.hpp"
#include "converters/json/json.hpp"
#include "tests/support/golden.hpp"

namespace sheaf::jekyll {
namespace {

class JekyllGolden : public ::testing::TestWithParam<const char*> {};

std::string to_json(const Document& doc) {
  MemoryContext context;
  std::ostringstream out;
  json::write(doc, WriterOptions{}, context, out);
  return out.str();
}

TEST_P(JekyllGolden, MatchesAndRoundTripsThroughJson) {
  const std::string name = GetParam();
  const std::string bytes = test::read_source_file("tests/golden/jekyll/" + name + ".md");
  MemoryContext context;
  const Document doc = read(Input{bytes, name + ".md", ""}, ReaderOptions{}, context);
  // No warnings; information (which HTML cleanup rules fired) is not a problem with the post.
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::info) << d.id << ": " << d.message;
  const std::string json_text = to_json(doc);
  EXPECT_TRUE(test::matches_golden("jekyll/" + name + ".json", json_text));

  MemoryContext json_context;
  const Document back = json::read(Input{json_text, name + ".json", ""}, ReaderOptions{}, json_context);
  EXPECT_EQ(back, doc);
  EXPECT_EQ(to_json(back), json_text);
}

INSTANTIATE_TEST_SUITE_P(Samples, JekyllGolden,
                         ::testing::Values("2020-03-01-gfm-tour", "2019-7-4-示例-镜像",
                                           "2021-5-9-kramdown-liquid-tour"),
                         [](const auto& param) { return "sample" + std::to_string(param.index); });

}  // namespace
}  // namespace sheaf::jekyll
