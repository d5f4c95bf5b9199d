// Line breaking: ICU's UAX #14 opportunities, the writer's tailoring and greedy filling.
#include "converters/text/wrap.hpp"

#include <gtest/gtest.h>

#include "converters/shared/unicode.hpp"

namespace sheaf::text {
namespace {

std::vector<std::string> lines_of(std::string_view s, std::size_t width) {
  FlowBuilder b;
  b.text(s);
  const Flow flow = b.finish();
  LineBreaker breaker;
  std::vector<std::string> out;
  for (const LineSpan& span : wrap(flow, width, breaker)) out.push_back(flow.text.substr(span.begin, span.end - span.begin));
  return out;
}

std::vector<std::string> pieces(std::string_view s) {
  LineBreaker breaker;
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t p : breaker.opportunities(s)) {
    out.emplace_back(s.substr(start, p - start));
    start = p;
  }
  out.emplace_back(s.substr(start));
  return out;
}

using Lines = std::vector<std::string>;

TEST(LineBreaker, BreaksBetweenIdeographsButNotBeforeClosingPunctuation) {
  EXPECT_EQ(pieces("中文，测试。（括号）「引号」"),
            (Lines{"中", "文，", "测", "试。", "（括", "号）", "「引", "号」"}));
}

TEST(LineBreaker, NoBreakInsideHyphenatedWordsOrPaths) {
  EXPECT_EQ(pieces("well-known and/or 2024/06/25 x - y"),
            (Lines{"well-known ", "and/or ", "2024/06/25 ", "x ", "- ", "y"}));
}

TEST(Wrap, FillsLinesByDisplayWidth) {
  EXPECT_EQ(lines_of("aaa bbb ccc ddd", 7), (Lines{"aaa bbb", "ccc ddd"}));
  EXPECT_EQ(lines_of("中文中文中文", 5), (Lines{"中文", "中文", "中文"}));
  EXPECT_EQ(lines_of("中文中文中文", 6), (Lines{"中文中", "文中文"}));
}

TEST(Wrap, NeverStartsALineWithClosingPunctuation) {
  // Width 4 would fit "一二", but "。" may not start a line, so "二。" moves down together.
  EXPECT_EQ(lines_of("一二。三", 4), (Lines{"一", "二。", "三"}));
}

TEST(Wrap, LongUrlGetsItsOwnLineAndOverflows) {
  const std::string url = "https://example.com/a/very/long/path/that-does-not-fit/in-twenty-columns";
  EXPECT_EQ(lines_of("see " + url + " for more", 20), (Lines{"see", url, "for more"}));
}

TEST(Wrap, UrlInCjkTextIsKeptWhole) {
  const auto lines = lines_of("请访问https://example.com/path/to/page了解详情。", 16);
  bool whole = false;
  for (const auto& l : lines) whole = whole || l.find("https://example.com/path/to/page") != std::string::npos;
  EXPECT_TRUE(whole);
}

TEST(Wrap, WidthZeroKeepsHardLinesOnly) {
  FlowBuilder b;
  b.text("a long line that would wrap");
  b.hard_break();
  b.text("second");
  const Flow f = b.finish();
  LineBreaker breaker;
  EXPECT_EQ(wrap(f, 0, breaker).size(), 2u);
}

TEST(Wrap, NarrowestColumnIsTheWidestToken) {
  FlowBuilder b;
  b.text("ab 中文 abcdef");
  const Flow f = b.finish();
  LineBreaker breaker;
  EXPECT_EQ(widest_token(f, breaker), 6u);
  EXPECT_EQ(natural_width(f), 14u);
}

TEST(Wrap, PrintableTurnsNoBreakSpacesIntoSpaces) {
  EXPECT_EQ(printable("a\u00A0b\u00A0"), "a b ");
}

}  // namespace
}  // namespace sheaf::text
