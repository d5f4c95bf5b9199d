// Runs tests/spec/html_reader.txt: each example is HTML, a line ".", and the expected model in
// the describe() notation (tests/support/describe.hpp). SHEAF_ACCEPT=1 does not rewrite spec
// files: they are documentation, edited by hand.
#include <gtest/gtest.h>

#include <sstream>

#include "converters/html/html.hpp"
#include "tests/support/describe.hpp"
#include "tests/support/golden.hpp"

namespace sheaf {
namespace {

struct Example {
  int line = 0;
  std::string html;
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
    if (!cur && line == fence) {
      out.push_back(Example{number + 1, {}, {}});
      cur = &out.back();
      in_expected = false;
    } else if (cur && line == end) {
      if (!cur->expected.empty() && cur->expected.back() == '\n') cur->expected.pop_back();
      cur = nullptr;
    } else if (cur && !in_expected && line == ".") {
      in_expected = true;
    } else if (cur) {
      (in_expected ? cur->expected : cur->html) += line + "\n";
    }
  }
  return out;
}

TEST(HtmlReaderSpec, AllExamplesGiveTheirModel) {
  const auto examples = load_examples(test::read_source_file("tests/spec/html_reader.txt"));
  ASSERT_GT(examples.size(), 30u);
  for (const Example& ex : examples) {
    MemoryContext context;
    ReaderOptions options;
    const Blocks blocks = html::read_fragment(ex.html, "example.html", options, context);
    EXPECT_EQ(test::describe(blocks), ex.expected) << "tests/spec/html_reader.txt:" << ex.line << "\n" << ex.html;
  }
}

}  // namespace
}  // namespace sheaf
