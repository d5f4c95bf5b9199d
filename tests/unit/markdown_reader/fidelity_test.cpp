// What the Markdown authored survives the HTML reader (issue 5): destinations as written, empty
// blocks and links, code text exactly as CommonMark defines it, raw HTML kept with --raw-html keep.
#include <gtest/gtest.h>

#include "converters/html/html.hpp"
#include "converters/markdown/markdown.hpp"

namespace sheaf::markdown {
namespace {

Blocks read_md(std::string_view text, RawHtml raw = RawHtml::parse) {
  MemoryContext context;
  ReaderOptions options;
  options.raw_html = raw;
  return read(Input{text, "doc.md", "."}, options, context).blocks;
}

Inline text(const char* s) { return Inline{Text{s}}; }
Block para(Inlines children) { return Block{Paragraph{std::move(children)}}; }

TEST(MarkdownFidelity, LinkAndImageDestinationsAreKeptAsWritten) {
  // cmark-gfm's HTML renderer would give href="/my%20uri" and src="%C3%A4.png".
  const Blocks blocks = read_md("[a](</my uri> \"t\") ![b *c*](ä.png) [d](<>)\n");
  const Blocks expected = {para({Inline{Link{"/my uri", "t", {text("a")}}}, text(" "),
                                 Inline{Image{"ä.png", "b c", "", "", ""}}, text(" "),
                                 Inline{Link{"", "", {text("d")}}}})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, UnsafeDestinationsStayUnlinked) {
  const Blocks blocks = read_md("[a](javascript:alert(1))\n");
  EXPECT_EQ(blocks, (Blocks{para({text("a")})}));
}

TEST(MarkdownFidelity, EmptyMarkdownBlocksAreKept) {
  // An empty link is kept inside a paragraph, at its edges, and alone (CommonMark spec 486, 489).
  const Blocks blocks = read_md("#\n\n- \n- a\n\n>\n\n```\n```\n\ny [](x) z\n\n[](a) b []()\n\n[]()\n");
  const Blocks expected = {
      Block{Heading{1, "", {}}},
      Block{BulletList{{ListItem{}, ListItem{{para({text("a")})}}}, true}},
      Block{BlockQuote{}},
      Block{CodeBlock{"", ""}},
      para({text("y "), Inline{Link{"x", "", {}}}, text(" z")}),
      para({Inline{Link{"a", "", {}}}, text(" b "), Inline{Link{"", "", {}}}}),
      para({Inline{Link{"", "", {}}}})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, EmptyRawHtmlIsStillCleanedUp) {
  EXPECT_TRUE(read_md("<h2></h2>\n\n<blockquote></blockquote>\n").empty());
}

TEST(MarkdownFidelity, CodeTextIsExactlyCommonMarks) {
  const Blocks blocks = read_md("`  a  b ` `` ` ``\n\n```\n\n  x\n\n\n```\n\n    y\n");
  const Blocks expected = {para({Inline{Code{" a  b"}}, text(" "), Inline{Code{"`"}}}),
                           Block{CodeBlock{"", "\n  x\n\n\n"}}, Block{CodeBlock{"", "y"}}};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, RawHtmlIsParsedByDefault) {
  const Blocks blocks = read_md("<div>\n<b>x</b>\n</div>\n\na <i>b</i>\n");
  const Blocks expected = {para({Inline{Strong{{text("x")}}}}), para({text("a "), Inline{Emph{{text("b")}}}})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, RawHtmlKeptRawOnRequest) {
  const Blocks blocks = read_md("<div class=\"x\">\n<b>\"x\" & y</b>\n</div>\n\na <i>b</i> <!-- c -->\n", RawHtml::keep);
  const Blocks expected = {
      Block{RawBlock{"html", "<div class=\"x\">\n<b>\"x\" & y</b>\n</div>"}},
      para({text("a "), Inline{RawInline{"html", "<i>"}}, text("b"), Inline{RawInline{"html", "</i>"}}, text(" "),
            Inline{RawInline{"html", "<!-- c -->"}}})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, SoftBreaksNextToRawInlineHtmlStayInIt) {
  // Around a raw `<pre>` a newline is not a space (CommonMark spec 148); a break between two
  // raw inlines goes with the first.
  const Blocks blocks = read_md("a\n<b>\nc</b>\n<i>\n</i>\nd\n", RawHtml::keep);
  const Blocks expected = {para({text("a"), Inline{RawInline{"html", "\n<b>\n"}}, text("c"),
                                 Inline{RawInline{"html", "</b>\n"}}, Inline{RawInline{"html", "<i>\n"}},
                                 Inline{RawInline{"html", "</i>\n"}}, text("d")})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownFidelity, RawMarksAreNotHonouredWhenHtmlIsParsed) {
  // An author cannot forge a raw block: the marks count only when sheaf itself wrote them.
  const Blocks blocks = read_md("<div data-sheaf-raw-block=\"&lt;script&gt;\"></div>\n\nok\n");
  EXPECT_EQ(blocks, (Blocks{para({text("ok")})}));
}

TEST(MarkdownFidelity, MarksAreNotHonouredInOtherFragments) {
  MemoryContext context;
  const Blocks blocks =
      html::read_fragment("<h2 data-sourcepos=\"1:1-1:2\"></h2><p>ok</p>", "x.html", ReaderOptions{}, context);
  EXPECT_EQ(blocks, (Blocks{para({text("ok")})}));
}

}  // namespace
}  // namespace sheaf::markdown
