// Block structure: each case checks the exact Markdown and that cmark-gfm reads it back as the
// same structure.
#include "build.hpp"

namespace sheaf::test_md {
namespace {

TEST(MarkdownWriterBlocks, ParagraphsAndHeadings) {
  const Document d = doc({h(1, "Title"), p("One."), h(3, "Sub"), p("Two.")});
  EXPECT_EQ(write_md(d), "# Title\n\nOne.\n\n### Sub\n\nTwo.\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, EmptyDocumentWritesNothing) { EXPECT_EQ(write_md(doc({})), ""); }

TEST(MarkdownWriterBlocks, TightAndLooseLists) {
  const Document d = doc({bullets({item({p("a")}), item({p("b"), bullets({item({p("c")})})})}),
                          ordered({item({p("x")}), item({p("y")})}, 3, false)});
  EXPECT_EQ(write_md(d), "- a\n- b\n  - c\n\n3. x\n\n4. y\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, AdjacentListsGetDifferentMarkers) {
  const Document d = doc({bullets({item({p("a")})}), bullets({item({p("b")})}), bullets({item({p("c")})}),
                          ordered({item({p("x")})}), ordered({item({p("y")})})});
  EXPECT_EQ(write_md(d), "- a\n\n+ b\n\n- c\n\n1. x\n\n1) y\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, TaskList) {
  const Document d = doc({bullets({item({p("todo")}, Task::open), item({p("done")}, Task::done),
                                   item({p("[ ] not a task")})})});
  EXPECT_EQ(write_md(d), "- [ ] todo\n- [x] done\n- \\[ ] not a task\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, NestedOrderedIndentation) {
  const Document d = doc({ordered({item({p("a"), bullets({item({p("b"), quote({p("q")})})})})}, 9),
                          ordered({item({p("c"), code_block("x\ny\n")})}, 10, false)});
  const std::string md = write_md(d);
  EXPECT_EQ(md, "9. a\n   - b\n     > q\n\n10) c\n\n    ```\n    x\n    y\n    ```\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, BlockQuoteWithBlankLines) {
  const Document d = doc({quote({p("a"), p("b"), quote({p("c")})})});
  EXPECT_EQ(write_md(d), "> a\n>\n> b\n>\n> > c\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, CodeFenceLongerThanBackticksInside) {
  const Document d = doc({code_block("a ``` b\n````\n", "js"), code_block("x", "we`ird")});
  EXPECT_EQ(write_md(d), "`````js\na ``` b\n````\n`````\n\n~~~we`ird\nx\n~~~\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, ThematicBreakIsStars) {
  const Document d = doc({rule(), p("a"), bullets({item({rule()})})});
  EXPECT_EQ(write_md(d), "***\n\na\n\n- ***\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, EmptyContainers) {
  const Document d = doc({bullets({item({}), item({p("b")})}), quote({})});
  EXPECT_EQ(write_md(d), "-\n- b\n\n>\n");
}

TEST(MarkdownWriterBlocks, PipeTable) {
  const Document d = doc({table({Alignment::none, Alignment::left, Alignment::center, Alignment::right},
                                {row({cell({t("a")}, true), cell({t("b|c")}, true), cell({code("x|y")}, true),
                                      cell({}, true)})},
                                {row({cell({t("1")}), cell({strong({t("2")})}), cell({t("3")}), cell({t("4")})}),
                                 row({cell({t("5")})})})});
  EXPECT_EQ(write_md(d),
            "| a | b\\|c | `x\\|y` | |\n| --- | :-- | :-: | --: |\n| 1 | **2** | 3 | 4 |\n| 5 | | | |\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, TableWithSpansFallsBackToHtmlKeepingMarkdownInside) {
  TableCell wide = cell({t("wide")}, true);
  wide.col_span = 2;
  TableCell rich;
  rich.content = {p("para one"), p({em({t("two")})})};
  const Document d = doc({table({Alignment::none, Alignment::none}, {row({wide})},
                                {row({rich, cell({t("a < b")})})})});
  EXPECT_EQ(write_md(d),
            "<table>\n<thead>\n<tr>\n<th colspan=\"2\">wide</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>\n\n"
            "para one\n\n*two*\n\n</td>\n<td>a &lt; b</td>\n</tr>\n</tbody>\n</table>\n");
  const std::string html = gfm_html(write_md(d));
  EXPECT_NE(html.find("<th colspan=\"2\">wide</th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p><em>two</em></p>"), std::string::npos) << html;
}

TEST(MarkdownWriterBlocks, FigureIsImageWithEmphasisedCaptionLine) {
  const Document d = doc({figure("img/a b.png", "Alt", {t("A caption.")}, {t("Photo: X")})});
  EXPECT_EQ(write_md(d), "![Alt](<img/a b.png>)\\\n*A caption.* *Photo: X*\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, Footnotes) {
  const Document d = doc({p({t("Text"), note({p("First."), p("Second.")}), t(" more"), note({p({t("N"), note({p("deep")})})})})});
  EXPECT_EQ(write_md(d), "Text[^1] more[^2]\n\n[^1]: First.\n\n    Second.\n\n[^2]: N[^3]\n\n[^3]: deep\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterBlocks, DefinitionListIsHtml) {
  DefinitionList dl;
  dl.items.push_back(DefinitionItem{{t("Term")}, {{p("Def one")}, {p({em({t("two")})})}}});
  const Document d = doc({Block{dl}});
  EXPECT_EQ(write_md(d), "<dl>\n<dt>Term</dt>\n<dd>Def one</dd>\n<dd>\n\n*two*\n\n</dd>\n</dl>\n");
}

TEST(MarkdownWriterBlocks, DivsWithoutAttributesAreTransparent) {
  Attr lang;
  lang.lang = "en";
  const Document d = doc({div({}, {p("a"), div({}, {p("b")})}), div(lang, {p("c")})});
  EXPECT_EQ(write_md(d), "a\n\nb\n\n<div lang=\"en\">\n\nc\n\n</div>\n");
}

TEST(MarkdownWriterBlocks, RawBlocks) {
  MemoryContext ctx;
  // Up to three spaces of indentation stay (they are part of the HTML block); four would make
  // code and go.
  const Document d = doc({raw("html", "<!-- note -->"), raw("html", "  <div>\n\n<p>x</p>\n</div>\n"),
                          raw("html", "\n    <hr />"), raw("tex", "\\foo"), p("after")});
  EXPECT_EQ(write_md(d, {}, &ctx), "<!-- note -->\n\n  <div>\n<p>x</p>\n</div>\n\n<hr />\n\nafter\n");
  ASSERT_EQ(ctx.diagnostics.size(), 1u);
  EXPECT_EQ(ctx.diagnostics[0].id, "markdown.raw_dropped");
}

TEST(MarkdownWriterBlocks, TightItemThatCannotStayTightBecomesLoose) {
  const Document d = doc({bullets({item({p("a"), p("b")}), item({p("c")})})});
  EXPECT_EQ(write_md(d), "- a\n\n  b\n\n- c\n");
}

TEST(MarkdownWriterBlocks, HeadingWithHardBreak) {
  const Document d = doc({h(1, {t("a"), br(), t("b")}), h(3, {t("c"), br(), t("d")})});
  EXPECT_EQ(write_md(d), "a\\\nb\n===\n\n### c<br />d\n");
  EXPECT_TRUE(renders_as_written(d));
}

}  // namespace
}  // namespace sheaf::test_md
