// The table and e-mail autolink guard in front of cmark-gfm 0.29 (cmark_table_guard.hpp): what it
// counts, which lines and words it guards, and that guarded text comes out of cmark as written,
// only without table structure or e-mail links there.
#include "converters/markdown/cmark_table_guard.hpp"

#include <gtest/gtest.h>

#include "converters/markdown/cmark_bridge.hpp"
#include "converters/markdown/markdown.hpp"
#include "tests/support/repeat.hpp"

namespace sheaf::markdown {
namespace {

using test::repeat;

TEST(CmarkTableGuard, NormalDocumentIsUntouched) {
  const TableGuarded g =
      guard_tables("| a | b |\n|---|---|\n| 1 | 2 |\n\nMail me@example.org or a@b.c, `x|y`.\n");
  EXPECT_TRUE(g.findings.empty());
  EXPECT_TRUE(g.text.empty());
}

TEST(CmarkTableGuard, CountsUnescapedPipesPerLine) {
  // Pipes at columns 1, 3 and 7 count; `\|` is an escaped pipe, `\\|` a pipe after an escaped `\`.
  const TableGuarded g = guard_tables("ok|line\n|a|b\\|c|\n\\\\|\n", TableGuardLimits{.max_columns = 2});
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, TableGuardFinding::Kind::table);
  EXPECT_EQ(g.findings[0].line, 2u);
  EXPECT_EQ(g.findings[0].count, 3u);
  const std::string& p = g.pipe_stand_in;
  EXPECT_EQ(g.text, "ok|line\n" + p + "a" + p + "b\\|c" + p + "\n\\\\|\n");
}

TEST(CmarkTableGuard, CostliestLinesGoFirstWhenTheTotalIsOverBudget) {
  // Costs 9, 16 and 4 pipe² steps: with a budget of 20, only the 4-pipe line must go.
  const TableGuarded g = guard_tables("|a|b|\n|a|b|c|\n|a|\n",
                                      TableGuardLimits{.max_columns = 100, .max_table_steps = 20});
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].line, 2u);
}

TEST(CmarkTableGuard, CountsAtSignsPerWord) {
  const TableGuarded g = guard_tables("a@b.c x@y@z\nq@w@e@r\n", TableGuardLimits{.max_word_ats = 2});
  ASSERT_EQ(g.findings.size(), 1u);
  EXPECT_EQ(g.findings[0].kind, TableGuardFinding::Kind::autolink);
  EXPECT_EQ(g.findings[0].line, 2u);
  EXPECT_EQ(g.findings[0].count, 3u);
  const std::string& a = g.at_stand_in;
  EXPECT_EQ(g.text, "a@b.c x@y@z\nq" + a + "w" + a + "e" + a + "r\n");
}

TEST(CmarkTableGuard, WideRowIsParagraphTextWithItsPipes) {
  // 1,001 columns: over the cap, the header is no table row, so there is no table, and cmark
  // renders it as the same text with its pipes escaped would be.
  const std::string text = repeat("|a", 1001) + "\n" + repeat("|-", 1001) + "\n" + repeat("|b", 1001) + "\n";
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  const std::string html = render_gfm_html(text);
  EXPECT_EQ(html.find("<table>"), std::string::npos);
  EXPECT_EQ(html, render_gfm_html(escaped));
}

TEST(CmarkTableGuard, GuardedLineKeepsCodeLinksAndRawHtml) {
  const std::string wide = repeat("|w", 1001);
  const std::string html =
      render_gfm_html(wide + " `x|y` [l](http://e.com/a|b) <span title=\"a|b\">s</span>\n");
  EXPECT_NE(html.find("<code>x|y</code>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"http://e.com/a%7Cb\""), std::string::npos) << html;
  EXPECT_NE(html.find("<span title=\"a|b\">"), std::string::npos) << html;
  EXPECT_NE(html.find(wide), std::string::npos);
}

TEST(CmarkTableGuard, WordWithManyAtSignsGetsNoMailLinksOthersDo) {
  const std::string word = repeat("x@x.", 1001);
  const std::string html = render_gfm_html("Mail me@example.org " + word + " [m](mailto:a@b.c)\n");
  EXPECT_EQ(html, "<p>Mail <a href=\"mailto:me@example.org\">me@example.org</a> " + word +
                      " <a href=\"mailto:a@b.c\">m</a></p>\n");
}

TEST(CmarkTableGuard, MarkdownReaderWarnsWithTheLine) {
  MemoryContext context;
  const Blocks blocks = read_body("Intro.\n\n" + repeat("|a", 1001) + "\n\n" + repeat("a@", 1001) + "\n",
                                  "post.md", ReaderOptions{}, context);
  ASSERT_EQ(context.diagnostics.size(), 2u);
  EXPECT_EQ(context.diagnostics[0].id, "markdown.table_limit");
  EXPECT_EQ(context.diagnostics[0].pos.line, 3u);
  EXPECT_EQ(context.diagnostics[1].id, "markdown.autolink_limit");
  EXPECT_EQ(context.diagnostics[1].pos.line, 5u);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(CmarkTableGuard, ReportsAtMostTwentyPerKindThenACount) {
  std::vector<TableGuardFinding> findings;
  for (std::uint32_t line = 1; line <= 25; ++line) findings.push_back({TableGuardFinding::Kind::table, line, 2000});
  MemoryContext context;
  report_table_guard(findings, "jekyll", "p.md", 10, context);
  ASSERT_EQ(context.diagnostics.size(), 21u);
  EXPECT_EQ(context.diagnostics[0].pos.line, 10u);
  EXPECT_EQ(context.diagnostics[20].id, "jekyll.table_limit");
  EXPECT_EQ(context.diagnostics[20].pos.line, 30u);
  EXPECT_NE(context.diagnostics[20].message.find("5 more lines"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::markdown
