// kramdown's emphasis, code-span, escape and alt-text rules (kramdown_spans), and their use on
// paragraphs with `input: kramdown` (rewrite_kramdown).
#include "converters/jekyll/kramdown_spans.hpp"

#include <gtest/gtest.h>

#include "converters/jekyll/kramdown_syntax.hpp"

namespace sheaf::jekyll {
namespace {

TEST(KramdownSpans, EmphasisBecomesTags) {
  EXPECT_EQ(kramdown_spans("This *is* so **hard**."), "This <em>is</em> so <strong>hard</strong>.");
  EXPECT_EQ(kramdown_spans("a ***b***"), "a <strong><em>b</em></strong>");
}

TEST(KramdownSpans, DelimiterBeforeSpaceOrWithoutCloseIsText) {
  EXPECT_EQ(kramdown_spans("a * b* c"), "a \\* b\\* c");
  EXPECT_EQ(kramdown_spans("a *star."), "a \\*star.");
  EXPECT_EQ(kramdown_spans("This** is** x"), "This\\*\\* is\\*\\* x");
}

TEST(KramdownSpans, FailedStrongIsRetriedAsEm) {
  // kramdown: `**a *star*` → <em>*a *star</em> (the em may not nest in itself).
  EXPECT_EQ(kramdown_spans("**a *star*."), "<em>\\*a \\*star</em>.");
  EXPECT_EQ(kramdown_spans("****is"), "<em>\\*\\*</em>is");
}

TEST(KramdownSpans, ElementDoesNotNestInItself) {
  EXPECT_EQ(kramdown_spans("*a _b_ c*"), "<em>a \\_b\\_ c</em>");
  EXPECT_EQ(kramdown_spans("*nest**ed* like** x"), "\\*nest<strong>ed\\* like</strong> x");
}

TEST(KramdownSpans, UnderscoreInsideWords) {
  EXPECT_EQ(kramdown_spans("a_b_c and *not_nest_ed*"), "a\\_b\\_c and <em>not\\_nest\\_ed</em>");
  EXPECT_EQ(kramdown_spans("_a_b"), "\\_a\\_b");
  // After a word (letters, a hyphen, then underscores) `_` is text, however many follow.
  EXPECT_EQ(kramdown_spans("blah___x"), "blah\\_\\_\\_x");
  EXPECT_EQ(kramdown_spans("A-_B_"), "A-\\_B\\_");
  EXPECT_EQ(kramdown_spans("\xE2\x80\x9C_quoted_\xE2\x80\x9D"), "\xE2\x80\x9C<em>quoted</em>\xE2\x80\x9D");
}

TEST(KramdownSpans, LinkTextIsParsedOnItsOwn) {
  // Emphasis does not cross a link text's bracket; a link inside a link is text.
  EXPECT_EQ(kramdown_spans("[a_](x) [_b](y)"), "[a\\_](x) [\\_b](y)");
  EXPECT_EQ(kramdown_spans("[a [b](c) d](e)"), "[a \\[b\\](c) d](e)");
  EXPECT_EQ(kramdown_spans("[*a*](u)"), "[<em>a</em>](u)");
}

TEST(KramdownSpans, CodeSpans) {
  EXPECT_EQ(kramdown_spans("a ` b"), "a \\` b");                   // a lone backtick between spaces
  EXPECT_EQ(kramdown_spans("` `"), "\\` \\`");  // at the start, before a space
  EXPECT_EQ(kramdown_spans("x `a*b*` y"), "x `a*b*` y");
  EXPECT_EQ(kramdown_spans("And `` ` `` x"), "And `` ` `` x");  // one space stripped, then padded
  EXPECT_EQ(kramdown_spans("No `` lit``."), "No `lit`.");
  EXPECT_EQ(kramdown_spans("a `open"), "a \\`open");
}

TEST(KramdownSpans, OnlyKramdownsEscapesEscape) {
  EXPECT_EQ(kramdown_spans("A \\& B \\* C"), "A \\\\& B \\* C");
}

TEST(KramdownSpans, ImageAltTextIsAsWritten) {
  EXPECT_EQ(kramdown_spans("![a ![b](c.png) d](e.png)"), "![a \\!\\[b\\]\\(c\\.png\\) d](e.png)");
}

TEST(KramdownSpans, TagsAndDestinationsPassThrough) {
  EXPECT_EQ(kramdown_spans("<span a=\"*x*\">[t](u_v_w)"), "<span a=\"*x*\">[t](u_v_w)");
}

TEST(KramdownSpans, ParagraphsAcrossLinesAndPrefixes) {
  KramdownConfig config;
  config.kramdown_input = true;
  EXPECT_EQ(rewrite_kramdown("a *b\nc* d\n", config), "a <em>b\nc</em> d\n");
  // List items are paragraphs of their own; the marker stays.
  EXPECT_EQ(rewrite_kramdown("- *a\n- b*\n", config), "- \\*a\n- b\\*\n");
  // Link definitions keep their URL.
  EXPECT_EQ(rewrite_kramdown("[x]: http://a/b_c_d\n", config), "[x]: <http://a/b_c_d>\n\n");
  // A reference to a definition keeps its text as written, so cmark finds the definition.
  EXPECT_EQ(rewrite_kramdown("See [_a_b] and [x][].\n\n[_a_b]: u\n[x]: v\n", config),
            "See [_a_b] and [x][].\n\n[_a_b]: <u>\n\n[x]: <v>\n\n");
  // Without `input: kramdown`, CommonMark's rules stand.
  EXPECT_EQ(rewrite_kramdown("a *b\n", KramdownConfig{}), "a *b\n");
}

}  // namespace
}  // namespace sheaf::jekyll
