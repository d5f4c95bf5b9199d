// The kramdown passes on lines of openers without their closer (issue 9): the indexed lookups
// give what the scans gave, and nesting that once overflowed the stack is read.
#include "converters/jekyll/kramdown_html.hpp"

#include <gtest/gtest.h>

#include <random>

#include "converters/jekyll/kramdown_config.hpp"
#include "converters/jekyll/kramdown_spans.hpp"
#include "converters/jekyll/kramdown_syntax.hpp"
#include "tests/support/repeat.hpp"

namespace sheaf::jekyll {
namespace {

using test::repeat;

TEST(KramdownLinear, SpanIndexGivesTheScansAnswers) {
  // span_markup at every `<` of lines of start and end tags, with and without the line's index.
  static constexpr std::string_view kPieces[] = {"<x>", "</x>", "<x ", "<x/", "<b:c>", "</b:c>", "<xy>",
                                                 "</xy>", "a", " ", "<![CDATA[", "]]>", "<kbd>", "</kbd>"};
  std::mt19937 random(9);
  auto spans = [](std::string_view s) { return std::string(s); };
  for (int n = 0; n < 400; ++n) {
    std::string line;
    for (int k = static_cast<int>(random() % 12); k >= 0; --k) line += kPieces[random() % std::size(kPieces)];
    kramdown_html::SpanIndex index(line);
    for (std::size_t at = 0; at < line.size(); ++at) {
      if (line[at] != '<') continue;
      std::size_t i = at, j = at;
      std::string scanned, indexed;
      const bool a = kramdown_html::span_markup(line, i, scanned, true, spans);
      const bool b = kramdown_html::span_markup(line, j, indexed, true, spans, &index);
      EXPECT_EQ(a, b) << line << " at " << at;
      EXPECT_EQ(i, j) << line << " at " << at;
      EXPECT_EQ(scanned, indexed) << line << " at " << at;
    }
  }
}

TEST(KramdownLinear, EndTagClosesOnlyAfterItsStartTag) {
  kramdown_html::SpanIndex index("a <foo x> b </foo> </bar>");
  EXPECT_TRUE(index.opened_before(14, "foo"));
  EXPECT_FALSE(index.opened_before(5, "foo"));  // the name ends at 6
  EXPECT_FALSE(index.opened_before(20, "bar"));
  EXPECT_FALSE(index.opened_before(20, "fo"));
}

TEST(KramdownLinear, DeeplyNestedRawElementsAreRead) {
  // `<code>` × 20,000, none closed: raw content inside raw content, which overflowed the stack;
  // the first levels keep their tags, deeper ones are text.
  KramdownConfig config;
  config.kramdown_input = true;
  const std::string out = rewrite_kramdown("a " + repeat("<code>", 20'000) + "\n", config);
  EXPECT_TRUE(out.starts_with("a <code><code>")) << out.substr(0, 80);
  EXPECT_NE(out.find("&lt;code&gt;"), std::string::npos);
}

TEST(KramdownLinear, NestedBracketsStillFindTheirReference) {
  // known_label stops normalising a text once it is longer than every label.
  const std::set<std::string> labels{"x"};
  EXPECT_EQ(kramdown_spans("[[[x]]] *a*", labels), "[[[x]]] <em>a</em>");
  EXPECT_EQ(kramdown_spans(repeat("[", 50) + repeat("]", 50), labels), repeat("[", 50) + repeat("]", 50));
}

TEST(KramdownLinear, UnderscoreRunsAfterAWordStayText) {
  // after_word for each `_` of the run, from the remembered run start.
  EXPECT_EQ(kramdown_spans("a____ b_c_"), "a\\_\\_\\_\\_ b\\_c\\_");
  EXPECT_EQ(kramdown_spans("x -__a__"), "x -<strong>a</strong>");
}

}  // namespace
}  // namespace sheaf::jekyll
