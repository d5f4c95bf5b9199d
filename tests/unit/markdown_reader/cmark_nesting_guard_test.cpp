// The nesting guard in front of cmark-gfm 0.29 (cmark_nesting_guard.hpp): which lines and
// paragraphs it changes, that it only inserts backslashes, and that an escaped unclosed opener
// renders exactly as cmark renders the original.
#include "converters/markdown/cmark_nesting_guard.hpp"

#include <gtest/gtest.h>

#include "converters/markdown/cmark_bridge.hpp"
#include "tests/support/repeat.hpp"

namespace sheaf::markdown {
namespace {

using test::repeat;

/// The cap at its floor, min(max_depth, kMinDepthCap), whatever the line holds.
NestingGuardLimits depth_limit(std::size_t max_depth) {
  NestingGuardLimits l;
  l.max_depth = max_depth;
  l.depth_steps = 1;
  return l;
}

NestingGuardLimits tight() {
  NestingGuardLimits l;
  l.max_bracket_steps = 2;
  l.max_html_steps = 10;
  return l;
}

TEST(CmarkNestingGuard, OrdinaryTextIsLeftAlone) {
  const std::string text =
      "# Title\n\n> > > quoted\n\n- a\n  - b\n    1. c\n\n- - -\n\n![alt](a.png) and [l](u) ![x][r]\n\n"
      "<?php echo 1; ?> and <!DOCTYPE html> and <![CDATA[ x ]]> inline.\n\n[r]: b.png\n";
  const NestingGuarded g = guard_nesting(text);
  EXPECT_TRUE(g.text.empty());
  EXPECT_TRUE(g.findings.empty());
}

TEST(CmarkNestingGuard, EscapesTheFirstQuoteMarkerPastMaxDepth) {
  const NestingGuarded g = guard_nesting("intro\n\n" + repeat("> ", 8) + "deep\n", depth_limit(5));
  EXPECT_EQ(g.text, "intro\n\n" + repeat("> ", 5) + "\\" + repeat("> ", 3) + "deep\n");
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, NestingGuardFinding::Kind::depth);
  EXPECT_EQ(g.findings[0].line, 3u);
  EXPECT_EQ(g.findings[0].count, 8u);
  EXPECT_EQ(g.findings[0].kept, 5u);
}

TEST(CmarkNestingGuard, EscapesListMarkersButNotIndentation) {
  EXPECT_EQ(guard_nesting("- 1. + x\n", depth_limit(1)).text, "- 1\\. + x\n");
  EXPECT_EQ(guard_nesting("- * x\n", depth_limit(1)).text, "- \\* x\n");
  // Indentation pays for its depth on every line (cmark is linear on it): not capped here.
  EXPECT_TRUE(guard_nesting("- a\n  - b\n    - c\n      - d\n", depth_limit(1)).text.empty());
}

TEST(CmarkNestingGuard, DeepLineHoldingLittleIsLeftToTheHtmlReader) {
  // 1,000 quotes holding one word: cheap for cmark; the HTML reader cuts it at --max-depth.
  EXPECT_TRUE(guard_nesting(repeat("> ", 1000) + "deep\n").findings.empty());
}

TEST(CmarkNestingGuard, ThematicBreakIsNotSplit) {
  const NestingGuarded g = guard_nesting("- - - - - - -\n", depth_limit(2));
  EXPECT_TRUE(g.text.empty());
  EXPECT_TRUE(g.findings.empty());
}

TEST(CmarkNestingGuard, LongTextLowersTheCapToTheFloor) {
  // 4,000 emphasis marks held: 40 × 4,003 steps is under 4,000,000.
  const std::string deep = repeat(">", 40) + "x\n" + repeat("*w* ", 2000) + "\n";
  EXPECT_TRUE(guard_nesting(deep).text.empty());
  NestingGuardLimits l;
  l.depth_steps = 100'000;
  const NestingGuarded g = guard_nesting(deep, l);
  EXPECT_EQ(g.text, repeat(">", kMinDepthCap) + "\\" + deep.substr(kMinDepthCap));
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kept, kMinDepthCap);
}

TEST(CmarkNestingGuard, UnclosedImageOpenersWalkedByLinksAreEscaped) {
  const std::string text = repeat("![[]()", 3) + "\n\n![a](b.png) [c](d)\n";
  const NestingGuarded g = guard_nesting(text, tight());
  // Links close with 1, 2, 3 image openers open: 6 steps over 2. The second paragraph: 0.
  EXPECT_EQ(g.text, repeat("!\\[[]()", 3) + "\n\n![a](b.png) [c](d)\n");
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, NestingGuardFinding::Kind::brackets);
  EXPECT_EQ(g.findings[0].count, 6u);
  EXPECT_EQ(g.findings[0].kept, 3u);
  EXPECT_EQ(render_gfm_html(g.text), render_gfm_html(text));
}

TEST(CmarkNestingGuard, RawHtmlOpenersWithoutTheirEndAreEscaped) {
  const std::string text = "a <![CDATA[ b <![CDATA[ c <?x?> d <!A e\n";
  const NestingGuarded g = guard_nesting(text, tight());
  EXPECT_EQ(g.text, "a \\<![CDATA[ b \\<![CDATA[ c <?x?> d \\<!A e\n");
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, NestingGuardFinding::Kind::raw_html);
  EXPECT_EQ(g.findings[0].count, 4u);
  EXPECT_EQ(g.findings[0].kept, 3u);
  EXPECT_EQ(render_gfm_html(g.text), render_gfm_html(text));
  EXPECT_TRUE(guard_nesting(text).findings.empty());  // default budgets: far under
}

TEST(CmarkNestingGuard, EndInALaterBlockOfTheRunEscapesAll) {
  // cmark's paragraph ends before the heading, so its `<?` are unended there: all are escaped.
  const std::string text = repeat("a <?", 5) + "\n# ?>\n";
  EXPECT_EQ(guard_nesting(text, tight()).text, repeat("a \\<?", 5) + "\n# ?>\n");
}

TEST(CmarkNestingGuard, ReportsStableIdsAtTheSourceLine) {
  NestingGuardLimits l = tight();
  l.max_depth = 2;
  l.depth_steps = 1;
  const NestingGuarded g = guard_nesting("> > > x\n\n" + repeat("![[]()", 3) + "\n\n" + repeat("a <?", 5) + "\n", l);
  MemoryContext context;
  report_nesting_guard(g.findings, "jekyll", "post.md", 4, context);
  ASSERT_EQ(context.diagnostics.size(), 3u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.depth_limit");
  EXPECT_EQ(context.diagnostics[0].pos.line, 4u);
  EXPECT_EQ(context.diagnostics[1].id, "jekyll.bracket_limit");
  EXPECT_EQ(context.diagnostics[1].pos.line, 6u);
  EXPECT_EQ(context.diagnostics[2].id, "jekyll.raw_html_limit");
  EXPECT_EQ(context.diagnostics[2].pos.line, 8u);
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::warning);
}

TEST(CmarkNestingGuard, ManyFindingsAreSummarised) {
  const NestingGuarded g = guard_nesting(repeat("> > > x\n\n", 25), depth_limit(2));
  ASSERT_EQ(g.findings.size(), 25u);
  MemoryContext context;
  report_nesting_guard(g.findings, "markdown", "a.md", 1, context);
  ASSERT_EQ(context.diagnostics.size(), 21u);
  EXPECT_EQ(context.diagnostics.back().id, "markdown.depth_limit");
  EXPECT_NE(context.diagnostics.back().message.find("5 more"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::markdown
