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
  EXPECT_EQ(rewrite_kramdown("# Head {#h1}\n# Other {:.no_toc}\n"), "# Head {#h1}\n# Other\n");
}

TEST(KramdownSyntax, TocListBecomesTheMarker) {
  EXPECT_EQ(rewrite_kramdown("## Contents\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## A\n"),
            "## Contents\n\n" + std::string(kTocMarker) + "\n\n\n## A\n");
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
  EXPECT_EQ(rewrite_kramdown("- a\n^\n- b\n##Header\n"), "- a\n\n- b\n## Header\n");
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
