// The emphasis guard in front of cmark-gfm 0.29 (cmark_guard.hpp): what it counts, which
// paragraphs it neutralises, and that a neutralised paragraph keeps its text, links, code and
// block syntax while its emphasis marks stay literal.
#include "converters/markdown/cmark_guard.hpp"

#include <gtest/gtest.h>

#include "converters/markdown/cmark_bridge.hpp"
#include "converters/markdown/markdown.hpp"
#include "tests/support/repeat.hpp"

namespace sheaf::markdown {
namespace {

using test::repeat;

/// Small budgets, so that small texts show the behaviour of big ones.
constexpr GuardLimits kTight{100, 1000};

TEST(CmarkGuard, CountsRunsOpenBeforeEachClosingBracket) {
  // Runs: `*`, `**`, `_`, `~~` (4); the intraword `_` of snake_case is not one.
  const GuardedMarkdown g =
      guard_emphasis("*a **b _c ~~d snake_case [x](u) [y](v)\n", GuardLimits{7, 1000});
  ASSERT_EQ(g.neutralised.size(), 1u);
  EXPECT_EQ(g.neutralised[0].line, 1u);
  EXPECT_EQ(g.neutralised[0].emphasis_runs, 4u);
  EXPECT_EQ(g.neutralised[0].closing_brackets, 2u);
  EXPECT_EQ(g.neutralised[0].steps, 8u);
  EXPECT_TRUE(guard_emphasis("*a **b _c ~~d snake_case [x](u) [y](v)\n", GuardLimits{8, 1000})
                  .neutralised.empty());
}

TEST(CmarkGuard, OrdinaryTextIsLeftAlone) {
  const std::string text = "# Title\n\nSome *emphasis* and a [link](https://e.com/a_b).\n\n" +
                           repeat("- **item** with [a link](https://e.com/x)\n", 50);
  const GuardedMarkdown g = guard_emphasis(text);
  EXPECT_TRUE(g.neutralised.empty());
  EXPECT_TRUE(g.text.empty());
}

TEST(CmarkGuard, BlankLinesSeparateParagraphs) {
  // Each paragraph alone is under the per-paragraph budget; the second is over it.
  const std::string text = repeat("*a [l](u) ", 5) + "\n\n" + repeat("*a [l](u) ", 20) + "\n";
  const GuardedMarkdown g = guard_emphasis(text, kTight);
  ASSERT_EQ(g.neutralised.size(), 1u);
  EXPECT_EQ(g.neutralised[0].line, 3u);
}

TEST(CmarkGuard, TotalBudgetNeutralisesTheCostliestFirst) {
  // Three paragraphs of 55, 36 and 55 steps: under 100 each, 146 together.
  const std::string p10 = repeat("*a [l](u) ", 10), p8 = repeat("*a [l](u) ", 8);
  const GuardedMarkdown g = guard_emphasis(p10 + "\n\n" + p8 + "\n\n" + p10 + "\n", GuardLimits{100, 100});
  ASSERT_EQ(g.neutralised.size(), 1u);
  EXPECT_EQ(g.neutralised[0].line, 1u);
  EXPECT_EQ(g.neutralised[0].steps, 55u);
}

TEST(CmarkGuard, NeutralisedParagraphKeepsTextLinksAndCode) {
  // 3 runs a link (two in the destination), 2,000 links: over the default budget of one paragraph.
  const std::string hostile = repeat("*a [l](https://e.com/a*b_c~d) ", 2000) +
                              "`x*y` <span title=\"*_~\">s</span> ~~z~~\n";
  const std::string html = render_gfm_html(hostile);
  // The same text with every mark escaped is what cmark renders without emphasis.
  std::string escaped;
  for (char c : repeat("*a [l](https://e.com/a*b_c~d) ", 2000)) {
    if (c == '*' || c == '_' || c == '~') escaped += '\\';
    escaped += c;
  }
  const std::string expected = render_gfm_html(escaped + "`x*y` <span title=\"*_~\">s</span> \\~\\~z\\~\\~\n");
  EXPECT_EQ(html, expected);
  EXPECT_NE(html.find("<code>x*y</code>"), std::string::npos);
  EXPECT_NE(html.find("<span title=\"*_~\">s</span>"), std::string::npos);
  EXPECT_EQ(html.find("<em>"), std::string::npos);
}

TEST(CmarkGuard, BlockSyntaxMadeOfMarksStays) {
  const std::string hostile = repeat("*a [l](u) ", 20);
  const std::string text = hostile + "\n* item *one*\n***\n~~~\ncode *x*\n~~~\n> - **b** " + hostile + "\n";
  const GuardedMarkdown g = guard_emphasis(text, kTight);
  ASSERT_EQ(g.neutralised.size(), 1u);
  const std::string& s = g.stand_ins[0];  // for '*'
  EXPECT_NE(g.text.find("\n* item " + s + "one" + s + "\n***\n~~~\ncode " + s + "x" + s + "\n~~~\n> - " +
                        s + s + "b" + s + s + " "),
            std::string::npos)
      << g.text.substr(0, 400);
  std::string back = g.text;
  restore_emphasis_marks(back, g);
  EXPECT_EQ(back, text);
}

TEST(CmarkGuard, StandInsAvoidCharactersOfTheInput) {
  const std::string text = "\xEE\x80\x80 \xEE\x80\x81 " + repeat("*a [l](u) ", 20) + "\n";
  const GuardedMarkdown g = guard_emphasis(text, kTight);
  ASSERT_EQ(g.neutralised.size(), 1u);
  EXPECT_EQ(g.stand_ins[0], "\xEE\x80\x82");
  EXPECT_EQ(g.stand_ins[1], "\xEE\x80\x83");
  EXPECT_EQ(g.stand_ins[2], "\xEE\x80\x84");
  std::string back = g.text;
  restore_emphasis_marks(back, g);
  EXPECT_EQ(back, text);
}

TEST(CmarkGuard, MarkdownReaderWarnsWithTheLine) {
  MemoryContext context;
  const Blocks blocks =
      read_body("Intro *fine*.\n\n" + repeat("*a [l](u) ", 3000) + "\n", "post.md", ReaderOptions{}, context);
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "markdown.emphasis_limit");
  EXPECT_EQ(context.diagnostics[0].source_name, "post.md");
  EXPECT_EQ(context.diagnostics[0].pos.line, 3u);
  EXPECT_EQ(blocks.size(), 2u);
}

}  // namespace
}  // namespace sheaf::markdown
