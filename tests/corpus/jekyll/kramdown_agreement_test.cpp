// kramdown's own test suite (../shared/corpus/kramdown/testcases: NAME.text in, NAME.html
// expected) through the Jekyll reader, compared with the expected HTML read by the HTML reader.
// A case agrees when the top-level block kinds and the text (whitespace collapsed, MathJax
// delimiters left out) are equal.
// Prints the agreement per section and every failing case; run it with
//   build/tests/test_corpus_jekyll --gtest_filter='KramdownSuite.*'
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "converters/html/html.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "core/error.hpp"
#include "core/overloaded.hpp"
#include "core/plain_text.hpp"
#include "tests/support/corpus.hpp"

namespace sheaf::jekyll {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string kinds(const Blocks& blocks) {
  std::string out;
  for (const Block& b : blocks)
    out += std::visit(overloaded{[](const Paragraph&) { return "P "; }, [](const Heading&) { return "H "; },
                                 [](const BulletList&) { return "UL "; }, [](const OrderedList&) { return "OL "; },
                                 [](const BlockQuote&) { return "Q "; }, [](const CodeBlock&) { return "Code "; },
                                 [](const ThematicBreak&) { return "HR "; }, [](const Table&) { return "Table "; },
                                 [](const Figure&) { return "Fig "; }, [](const DefinitionList&) { return "DL "; },
                                 [](const Div&) { return "Div "; }, [](const RawBlock&) { return "Raw "; }},
                      b.node);
  return out;
}

/// The text with whitespace collapsed; MathJax delimiters `\(` `\)` `\[` `\]` (kramdown's math
/// output, which sheaf holds as Math without delimiters) are left out.
std::string collapsed_text(const Blocks& blocks) {
  std::string out;
  bool space = false;
  std::string text = plain_text(blocks);
  for (const char* delimiter : {"\\(", "\\)", "\\[", "\\]"})
    for (std::size_t p = text.find(delimiter); p != std::string::npos; p = text.find(delimiter, p))
      text.erase(p, 2);
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

TEST(KramdownSuite, AgreementPerSection) {
  SHEAF_REQUIRE_CORPUS();
  const auto root = corpus / "kramdown" / "testcases";
  std::map<std::string, std::pair<int, int>> score;  // section → agreed, total
  std::vector<std::string> failures;
  for (const auto& text_path : test::files_under(root, {".text"})) {
    const std::string relative = std::filesystem::relative(text_path, root).generic_string();
    const std::string section = relative.find('/') == std::string::npos ? "other" : relative.substr(0, relative.find('/'));
    auto html_path = text_path;
    html_path.replace_extension(".html");
    auto& [agreed, total] = score[section];
    ++total;
    if (!std::filesystem::exists(html_path)) {
      failures.push_back(relative + " (no expected .html)");
      continue;
    }
    // An empty front matter first, so a case opening with `---` (a rule) is read as body.
    const std::string input = "---\n---\n" + slurp(text_path);
    MemoryContext context;
    try {
      const Document got = read(Input{input, relative, ""}, ReaderOptions{}, context);
      const Blocks want = html::read_fragment(slurp(html_path), html_path.string(), ReaderOptions{}, context);
      const bool same_kinds = kinds(got.blocks) == kinds(want);
      const bool same_text = collapsed_text(got.blocks) == collapsed_text(want);
      if (same_kinds && same_text) ++agreed;
      else failures.push_back(relative + (same_kinds ? "" : " [blocks]") + (same_text ? "" : " [text]"));
    } catch (const Error& e) {
      failures.push_back(relative + " (error: " + e.what() + ")");
    }
  }
  int all_total = 0;
  for (const auto& [section, s] : score) {
    all_total += s.second;
    std::cout << "[ kramdown " << section << " ] " << s.first << "/" << s.second << " agree ("
              << (s.second ? 100 * s.first / s.second : 0) << "%)\n";
  }
  for (const auto& f : failures) std::cout << "[ differs ] " << f << "\n";
  EXPECT_EQ(all_total, static_cast<int>(test::files_under(root, {".text"}).size()));  // none skipped
  EXPECT_GT(score["block"].first, 0);
  EXPECT_GT(score["span"].first, 0);
}

}  // namespace
}  // namespace sheaf::jekyll
