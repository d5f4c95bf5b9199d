// kramdown syntax rewritten for cmark-gfm, line by line.
#include "converters/jekyll/kramdown_syntax.hpp"

#include <gtest/gtest.h>

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, BlockIalLinesAreRemoved) {
  EXPECT_EQ(rewrite_kramdown("Para\n{: .lead}\n\n> quote\n{:.note title=\"a b\"}\n"), "Para\n\n> quote\n");
}

TEST(KramdownSyntax, IalIdGoesToThePrecedingHeading) {
  EXPECT_EQ(rewrite_kramdown("## Title ##\n{: #intro .x}\n"), "## Title {#intro}\n");
  EXPECT_EQ(rewrite_kramdown("Title\n=====\n{:#t}\n"), "Title {#t}\n=====\n");
  // `.no_toc` travels as a marker at the end of the heading text; build_toc removes it.
  EXPECT_EQ(rewrite_kramdown("# Head {#h1}\n# Other {:.no_toc}\n"),
            "# Head {#h1}\n# Other" + std::string(kNoTocMarker) + "\n");
}

TEST(KramdownSyntax, TocListBecomesTheMarker) {
  EXPECT_EQ(rewrite_kramdown("## Contents\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## A\n"),
            "## Contents" + std::string(kNoTocMarker) + "\n\n" + std::string(kTocMarker) + "\n\n\n## A\n");
}

TEST(KramdownSyntax, SpanIalsAreRemovedOutsideCode) {
  EXPECT_EQ(rewrite_kramdown("[a](u){:target=\"_blank\"} and `{: .x}`\n"), "[a](u) and `{: .x}`\n");
}

TEST(KramdownSyntax, FencesAreUntouched) {
  const std::string fenced = "```\n{: .x}\n$$a$$\n```\n";
  EXPECT_EQ(rewrite_kramdown(fenced), fenced);
}

TEST(KramdownSyntax, DisplayAndInlineMath) {
  EXPECT_EQ(rewrite_kramdown("$$\na < b\n$$\n"), "<math alttext=\"a &lt; b\" display=\"block\"></math>\n");
  EXPECT_EQ(rewrite_kramdown("Is $$x^2$$ big?\n"), "Is <math alttext=\"x^2\"></math> big?\n");
}

TEST(KramdownSyntax, DollarsInPricesStayText) {
  const std::string prices = "It cost $5, then $10 and $$ later.\n";
  EXPECT_EQ(rewrite_kramdown(prices), prices);
}

TEST(KramdownSyntax, UnclosedDisplayMathStaysText) {
  EXPECT_EQ(rewrite_kramdown("$$ a\nb\n\nc\n"), "$$ a\nb\n\nc\n");
}

TEST(KramdownSyntax, ExtensionsAndAbbreviations) {
  EXPECT_EQ(rewrite_kramdown("a\n{::comment}\nhidden\n{:/comment}\nb\n*[HTML]: Hyper Text\n{::options parse_block_html=\"true\" /}\n"),
            "a\nb\n");
  EXPECT_EQ(rewrite_kramdown("{::nomarkdown}<b>x</b>{:/nomarkdown}\n"), "<b>x</b>\n");
}

TEST(KramdownSyntax, MarkdownInsideHtmlBlocks) {
  EXPECT_EQ(rewrite_kramdown("<div markdown=\"1\" class=\"c\">\n*em*\n</div>\n"),
            "<div class=\"c\">\n\n*em*\n\n</div>\n");
}

TEST(KramdownSyntax, HeadingIdsInHtml) {
  EXPECT_EQ(apply_heading_ids("<h2>Title {#intro}</h2>\n<h3>Plain</h3><hr />"),
            "<h2 id=\"intro\">Title</h2>\n<h3>Plain</h3><hr />");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, RawHtmlBlocksAreLeftAlone) {
  const std::string html = "<div><script>var a = '$$x$$ {: .y}';</script>\nstill $$html$$\n</div>\n\nText $$m$$\n";
  EXPECT_EQ(rewrite_kramdown(html),
            "<div><script>var a = '$$x$$ {: .y}';</script>\nstill $$html$$\n</div>\n\nText <math alttext=\"m\"></math>\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, InlineMathAcrossLinesOfAParagraph) {
  EXPECT_EQ(rewrite_kramdown("as $$a_1\n+ b$$ and $$c$$.\n\nNext $$ alone\n\nend\n"),
            "as <math alttext=\"a_1&#10;+ b\"></math> and <math alttext=\"c\"></math>.\n\nNext $$ alone\n\nend\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, MarkdownInsideNestedHtmlBlocks) {
  EXPECT_EQ(rewrite_kramdown("<div class=\"grid\">\n<div markdown=\"1\">\n![a](b){:.rounded}\n</div>\n</div>\n"),
            "<div class=\"grid\">\n<div>\n\n![a](b)\n\n</div>\n</div>\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, InlineTagAtLineStartIsAParagraph) {
  EXPECT_EQ(rewrite_kramdown("<a name=\"x\" />Text $$m$$\n"), "<a name=\"x\" />Text <math alttext=\"m\"></math>\n");
  EXPECT_EQ(rewrite_kramdown("<a name=\"x\"></a>\n$$m$$\n"), "<a name=\"x\"></a>\n<math alttext=\"m\"></math>\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, EndOfBlockMarkerAndHeadersWithoutSpace) {
  // `^` ends the list: the marker paragraph keeps cmark from joining the two (the reader drops it).
  EXPECT_EQ(rewrite_kramdown("- a\n^\n- b\n##Header\n"),
            "- a\n\n" + std::string(kEobMarker) + "\n\n- b\n## Header\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(KramdownSyntax, SpanExtensions) {
  EXPECT_EQ(rewrite_kramdown("a {::comment}gone{:/comment} b {::comment/}c {::nomarkdown}<b>x</b>{:/} d\n"),
            "a  b c <b>x</b> d\n");
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

KramdownConfig kramdown_input() {
  KramdownConfig config;
  config.kramdown_input = true;
  return config;
}

TEST(KramdownSyntax, HtmlBlockRunsToItsBalancedEndTag) {
  // Blank lines inside keep the block open; its content is not Markdown.
  EXPECT_EQ(rewrite_kramdown("<div>\n<div>\n\n    not code\n</div>\n</div>\nafter\n"),
            "<div>\n<div>\n<!---->\n    not code\n</div>\n</div>\n\nafter\n");
  // Without an end tag, CommonMark's rule stands.
  EXPECT_EQ(rewrite_kramdown("<div>\nopen\n\ntext\n"), "<div>\nopen\n\ntext\n");
}

TEST(KramdownSyntax, KramdownTablesBecomeHtmlTables) {
  EXPECT_EQ(rewrite_kramdown("| a | b |\n| c | d |\n"),
            "<table>\n<tbody>\n<tr>\n<td>\n\na\n\n</td>\n<td>\n\nb\n\n</td>\n</tr>\n<tr>\n<td>\n\nc\n\n</td>\n"
            "<td>\n\nd\n\n</td>\n</tr>\n</tbody>\n</table>\n\n");
  const std::string gfm = "| a | b |\n|---|---|\n| c | d |\n";
  EXPECT_EQ(rewrite_kramdown(gfm), gfm);  // GFM reads it the same way: left to cmark-gfm
}

TEST(KramdownSyntax, FencesNeedTheirEndAndCodeTakesLazyLines) {
  EXPECT_EQ(rewrite_kramdown("~~~~\nnot code\n"), "\\~~~~\nnot code\n");
  EXPECT_EQ(rewrite_kramdown("    code\nlazy\n"), "    code\n    lazy\n");
}

TEST(KramdownSyntax, BlockMathNeedsBlockBoundaries) {
  EXPECT_EQ(rewrite_kramdown("$$a$$\n"), "<math alttext=\"a\" display=\"block\"></math>\n");
  EXPECT_EQ(rewrite_kramdown("$$a$$ text\n"), "<math alttext=\"a\"></math> text\n");
  KramdownConfig none;
  none.math = false;
  EXPECT_EQ(rewrite_kramdown("$$a$$\n\nsee $$b$$\n", none), "$$\na\n$$\n\nsee $b$\n");
}

TEST(KramdownSyntax, ExtensionsNeedTheirEndAndKnownNames) {
  EXPECT_EQ(rewrite_kramdown("{::comment}\nhidden\n{:/}\nshown\n"), "shown\n");
  EXPECT_EQ(rewrite_kramdown("{::comment}\nnever closed\n"), "{::comment}\nnever closed\n");
  EXPECT_EQ(rewrite_kramdown("a {::something}b{:/} c\n"), "a {::something}b{:/} c\n");
  EXPECT_EQ(rewrite_kramdown("a {::nomarkdown}*b*{:/} c\n"), "a \\*b\\* c\n");
}

TEST(KramdownSyntax, KramdownInputParagraphsRunToABlankLine) {
  EXPECT_EQ(rewrite_kramdown("para\n# not a header\n- not an item\n", kramdown_input()),
            "para\n\\# not a header\n\\- not an item\n");
  // Jekyll's default GFM parser lets them interrupt the paragraph.
  EXPECT_EQ(rewrite_kramdown("para\n# header\n"), "para\n# header\n");
}

TEST(KramdownSyntax, IalLineEndsTheBlockBeforeIt) {
  EXPECT_EQ(rewrite_kramdown("    one\n{:.x}\n    two\n"),
            "    one\n\n" + std::string(kEobMarker) + "\n\n    two\n");
  EXPECT_EQ(rewrite_kramdown("an{: .kept} ial\n"), "an{: .kept} ial\n");
}

}  // namespace
}  // namespace sheaf::jekyll
