// Runs tests/spec/html_reader.txt: each example is HTML, a line ".", and the expected model in
// the describe() notation (tests/support/describe.hpp). SHEAF_ACCEPT=1 does not rewrite spec
// files: they are documentation, edited by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "converters/html/html.hpp"
#include "tests/support/describe.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/spec_examples.hpp"

namespace sheaf {
namespace {

/// The examples of the file, their expected model without its last newline.
std::vector<test::SpecExample> load_examples(const std::string& text) {
  std::vector<test::SpecExample> out = test::load_spec_examples(text);
  for (test::SpecExample& ex : out)
    if (!ex.expected.empty() && ex.expected.back() == '\n') ex.expected.pop_back();
  return out;
}

// An example may start with a comment line giving reader options as on the command line:
// `<!-- sheaf: --no-clean br_runs --drop "div.share a" --drop-related -->`. `--page` reads the
// example as a whole page (html::read: <head>, <base href>, main content) instead of a fragment.
ReaderOptions options_of(const std::string& html, bool* page = nullptr) {
  ReaderOptions options;
  const std::string prefix = "<!-- sheaf:";
  if (html.rfind(prefix, 0) != 0) return options;
  const std::string line = html.substr(prefix.size(), html.find("-->") - prefix.size());
  std::vector<std::string> words;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ') { ++i; continue; }
    if (line[i] == '"') {
      const std::size_t close = line.find('"', i + 1);
      words.push_back(line.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      const std::size_t end = std::min(line.find(' ', i), line.size());
      words.push_back(line.substr(i, end - i));
      i = end;
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--drop-related") options.drop_related = true;
    else if (words[i] == "--keep-all") options.no_clean.push_back("all");
    else if (words[i] == "--no-clean" && i + 1 < words.size()) options.no_clean.push_back(words[++i]);
    else if (words[i] == "--drop" && i + 1 < words.size()) options.drop_selectors.push_back(words[++i]);
    else if (words[i] == "--base-url" && i + 1 < words.size()) options.base_url = words[++i];
    else if (words[i] == "--whole-page") options.main_content = false;
    else if (words[i] == "--page" && page) *page = true;
    else ADD_FAILURE() << "unknown option in a spec example: " << words[i];
  }
  return options;
}

TEST(HtmlReaderSpec, AllExamplesGiveTheirModel) {
  const auto examples = load_examples(test::read_source_file("tests/spec/html_reader.txt"));
  ASSERT_GT(examples.size(), 30u);
  for (const test::SpecExample& ex : examples) {
    MemoryContext context;
    bool page = false;
    const ReaderOptions options = options_of(ex.input, &page);
    const Blocks blocks = page ? html::read(Input{ex.input, "example.html", {}}, options, context).blocks
                               : html::read_fragment(ex.input, "example.html", options, context);
    EXPECT_EQ(test::describe(blocks), ex.expected) << "tests/spec/html_reader.txt:" << ex.line << "\n" << ex.input;
  }
}

}  // namespace
}  // namespace sheaf
