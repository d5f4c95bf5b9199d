// The cmark-gfm adapter: the HTML it hands to the HTML reader, one GFM feature at a time.
#include "converters/markdown/cmark_bridge.hpp"

#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace sheaf::markdown {
namespace {

TEST(CmarkBridge, HeadingWithLink) {
  EXPECT_EQ(render_gfm_html("# Head [link](http://x.org \"t\")\n"),
            "<h1>Head <a href=\"http://x.org\" title=\"t\">link</a></h1>\n");
}

TEST(CmarkBridge, SetextHeadingAsInTheSeed) {
  EXPECT_EQ(render_gfm_html("[标题](https://example.org/a.html)\n------\n"),
            "<h2><a href=\"https://example.org/a.html\">标题</a></h2>\n");
}

TEST(CmarkBridge, TableWithAlignment) {
  EXPECT_EQ(render_gfm_html("| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n"),
            "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n"
            "<th align=\"right\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n"
            "<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST(CmarkBridge, Strikethrough) {
  EXPECT_EQ(render_gfm_html("~~gone~~ and ~one~\n"), "<p><del>gone</del> and <del>one</del></p>\n");
}

TEST(CmarkBridge, Autolinks) {
  EXPECT_EQ(render_gfm_html("www.example.com and https://x.org/a?b=c.\n"),
            "<p><a href=\"http://www.example.com\">www.example.com</a> and "
            "<a href=\"https://x.org/a?b=c\">https://x.org/a?b=c</a>.</p>\n");
}

TEST(CmarkBridge, TaskList) {
  EXPECT_EQ(render_gfm_html("- [ ] open\n- [x] done\n"),
            "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> open</li>\n"
            "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
}

TEST(CmarkBridge, Footnotes) {
  const std::string html = render_gfm_html("Text[^n].\n\n[^n]: The note.\n");
  EXPECT_NE(html.find("<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<section class=\"footnotes\""), std::string::npos) << html;
  EXPECT_NE(html.find("<li id=\"fn-n\">"), std::string::npos) << html;
  EXPECT_NE(html.find("The note."), std::string::npos) << html;
}

// Footnotes are parsed only where extension_may_act("footnotes") allows; these are the ways a
// footnote's `^` can be written, each rendered both ways (the entities turn footnotes off either
// way: see the next test).
TEST(CmarkBridge, FootnotesLeftOffOnlyWhereNoneCanBe) {
  EXPECT_FALSE(extension_may_act("footnotes", "Text [n] and *x* 中文\n"));
  for (const char* text : {"Text[^n].\n\n[^n]: The note.\n", "Text[\\^n] and [^m]\n",
                           "Text[&#94;n].\n\n[^n]: The note.\n", "Text[&Hat;n] [&#x5E;n]\n",
                           "[^n]: Only a definition.\n", "a [^] b [^ x] c\n"}) {
    EXPECT_TRUE(extension_may_act("footnotes", text)) << text;
    EXPECT_EQ(render_gfm_html(text), render_gfm_html(text, true)) << text;
  }
}

// cmark-gfm 0.29 reads freed memory for a footnote reference whose `^` is a character reference
// (AddressSanitizer: heap-use-after-free in process_footnotes); such a text is parsed without
// footnotes, and the bracket is text, as CommonMark means.
TEST(CmarkBridge, ACaretEntityAfterABracketTurnsFootnotesOff) {
  for (const char* text : {"a[&#94;n]", "a[&#x5E;n]", "a[&#X5e;n]", "a[&#0000094;n]", "a[&#x00005E;n]",
                           "a[&Hat;n]", "![&#94;n]"})
    EXPECT_NE(entity_caret_after_bracket(text), std::string_view::npos) << text;
  for (const char* text : {"a[^n]", "a [&#94 n]", "a[&#95;n]", "a[&#00000094;n]", "a[&#x000005E;n]", "a[&hat;n]",
                           "a[ &#94;n]", "a&#94;[n]", "a[&amp;n]"})
    EXPECT_EQ(entity_caret_after_bracket(text), std::string_view::npos) << text;
  EXPECT_EQ(render_gfm_html("Text[&#94;n].\n\n[^n]: The note.\n"), "<p>Text[^n].</p>\n<p>[^n]: The note.</p>\n");
  EXPECT_EQ(render_gfm_html("Text[&Hat;n] [&#x5E;m]\n"), "<p>Text[^n] [^m]</p>\n");
  EXPECT_EQ(render_gfm_html("A [&#94;link](/u).\n"), "<p>A <a href=\"/u\">^link</a>.</p>\n");
}

TEST(CmarkBridge, FootnotesOffIsReportedOnlyWhereFootnoteSyntaxWasLeftUnread) {
  EXPECT_EQ(read_marked("a\n\nb [&#94;x] [^n]\n\n[^n]: note\n", false, nullptr).footnotes_off_line, 3u);
  EXPECT_EQ(read_marked("a [&#94;x] b\n", false, nullptr).footnotes_off_line, 0u);
  EXPECT_EQ(read_marked("a [^n]\n\n[^n]: note\n", false, nullptr).footnotes_off_line, 0u);
}

TEST(CmarkBridge, FencedCodeKeepsItsLanguage) {
  EXPECT_EQ(render_gfm_html("```python\nprint(1)\n```\n"),
            "<pre><code class=\"language-python\">print(1)\n</code></pre>\n");
}

TEST(CmarkBridge, RawHtmlBlocksAndCommentsAreKept) {
  EXPECT_EQ(render_gfm_html("<!--NaN-->\n<div>\n<span style=\"x\">raw</span>\n</div>\n"),
            "<!--NaN-->\n<div>\n<span style=\"x\">raw</span>\n</div>\n");
}

TEST(CmarkBridge, TagfilterIsOffSoScriptStaysATag) {
  EXPECT_EQ(render_gfm_html("a <script>x()</script> b\n"), "<p>a <script>x()</script> b</p>\n");
}

TEST(CmarkBridge, UnsafeUrlsAreKeptAsWritten) {
  EXPECT_EQ(render_gfm_html("[x](javascript:alert(1))\n"),
            "<p><a href=\"javascript:alert(1)\">x</a></p>\n");
}

TEST(CmarkBridge, EmptyInput) { EXPECT_EQ(render_gfm_html(""), ""); }

TEST(CmarkBridge, DeepNestingDoesNotOverflow) {
  const std::string quotes(100000, '>');
  const std::string html = render_gfm_html(quotes + " deep\n");
  EXPECT_NE(html.find("deep"), std::string::npos);
}

TEST(CmarkBridge, ConcurrentRendersAgree) {
  // cmark-gfm's special-character table is process-wide; the bridge serialises parsing.
  const std::string text = "| a | b |\n|---|---|\n| ~~x~~ | www.example.com |\n";
  const std::string expected = render_gfm_html(text);
  std::vector<std::future<bool>> runs;
  for (int t = 0; t < 8; ++t)
    runs.push_back(std::async(std::launch::async, [&] {
      bool same = true;
      for (int i = 0; i < 200; ++i) same = same && render_gfm_html(text) == expected;
      return same;
    }));
  for (auto& r : runs) EXPECT_TRUE(r.get());
}

}  // namespace
}  // namespace sheaf::markdown
