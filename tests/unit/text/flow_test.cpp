// FlowBuilder: the writer's whitespace, CJK segment-break, NBSP and control-character rules.
#include "converters/text/flow.hpp"

#include <gtest/gtest.h>

namespace sheaf::text {
namespace {

std::string prose(std::string_view s) {
  FlowBuilder b;
  b.text(s);
  return b.finish().text;
}

TEST(Flow, CollapsesWhitespaceAndTrims) {
  EXPECT_EQ(prose("  one \t two\r\n three  "), "one two three");
}

TEST(Flow, NewlineBetweenCjkCharactersIsNothing) {
  EXPECT_EQ(prose("中文段落\n继续写"), "中文段落继续写");
  EXPECT_EQ(prose("日本語の\n文章です。"), "日本語の文章です。");
  EXPECT_EQ(prose("句号。\n下一句"), "句号。下一句");
}

TEST(Flow, NewlineNextToLatinOrHangulIsASpace) {
  EXPECT_EQ(prose("中文\nEnglish"), "中文 English");
  EXPECT_EQ(prose("English\n中文"), "English 中文");
  EXPECT_EQ(prose("한국어\n문장"), "한국어 문장");
  EXPECT_EQ(prose("中文 \n继续"), "中文 继续");  // an explicit space is kept
}

TEST(Flow, CjkRuleHoldsAcrossTextNodes) {
  FlowBuilder b;
  b.text("第一行\n");
  b.text("第二行");
  EXPECT_EQ(b.finish().text, "第一行第二行");
}

TEST(Flow, NonBreakingSpaceRunsBecomeOneNoBreakSpace) {
  EXPECT_EQ(prose("a\u00A0\u00A0\u00A0b"), "a\u00A0b");
  EXPECT_EQ(prose("a\u00A0\u00A0 b"), "a b");  // with an ordinary space: one ordinary space
  EXPECT_EQ(prose("\u00A0lead and trail\u00A0"), "lead and trail");
}

TEST(Flow, DropsControlsSoftHyphenAndBom) {
  EXPECT_EQ(prose("red\x1b[31m text\x07"), "red[31m text");
  EXPECT_EQ(prose("hy\u00ADphen\uFEFF \u0085x"), "hyphen x");
}

TEST(Flow, KeepsIdeographicSpace) {
  EXPECT_EQ(prose("\u3000\u3000段首"), "\u3000\u3000段首");
}

TEST(Flow, HardBreaksSeparateLinesWithoutEdgeSpaces) {
  FlowBuilder b;
  b.text("one ");
  b.hard_break();
  b.text("  two");
  b.hard_break();
  b.hard_break();
  b.text("three");
  b.hard_break();
  EXPECT_EQ(b.finish().text, "one\ntwo\n\nthree");
}

TEST(Flow, SingleLineModeTurnsHardBreaksIntoSpaces) {
  FlowBuilder b(true);
  b.text("one");
  b.hard_break();
  b.text("two");
  EXPECT_EQ(b.finish().text, "one two");
}

TEST(Flow, LiteralKeepsSpacingButNotNewlines) {
  FlowBuilder b;
  b.text("call ");
  b.literal("f(a,  b)\n");
  b.text(" now");
  EXPECT_EQ(b.finish().text, "call f(a,  b) now");
}

TEST(Flow, GluedMarkerGoesBeforeThePendingSpaceAndForbidsABreak) {
  FlowBuilder b;
  b.text("标题 ");
  b.glued("[1]");
  b.text("next");
  const Flow f = b.finish();
  EXPECT_EQ(f.text, "标题[1] next");
  ASSERT_EQ(f.keep.size(), 1u);
  const std::size_t marker = f.text.find('[');
  EXPECT_LT(f.keep[0].begin, marker);  // no line may start at the marker
  EXPECT_EQ(f.keep[0].end, marker + 3);
}

TEST(Flow, UrlsBecomeKeepRanges) {
  const std::string s = "see https://example.com/a-b/c?x=1 and www.example.org/x, mailto:a@b.c。后";
  const auto urls = find_urls(s);
  ASSERT_EQ(urls.size(), 3u);
  EXPECT_EQ(s.substr(urls[0].begin, urls[0].end - urls[0].begin), "https://example.com/a-b/c?x=1");
  EXPECT_EQ(s.substr(urls[1].begin, urls[1].end - urls[1].begin), "www.example.org/x,");
  EXPECT_EQ(s.substr(urls[2].begin, urls[2].end - urls[2].begin), "mailto:a@b.c");
  EXPECT_TRUE(find_urls("no links: here, nor awww.x").empty());
}

TEST(Flow, KeepRangesMergeWhenOverlapping) {
  std::vector<Keep> keep{{10, 20}, {0, 5}, {15, 30}, {30, 31}};
  normalise_keeps(keep);
  ASSERT_EQ(keep.size(), 3u);
  EXPECT_EQ(keep[0].begin, 0u);
  EXPECT_EQ(keep[1].begin, 10u);
  EXPECT_EQ(keep[1].end, 30u);
  EXPECT_EQ(keep[2].begin, 30u);  // touching ranges stay apart
}

}  // namespace
}  // namespace sheaf::text
