// Inline content: exact, minimal escaping and emphasis that cmark-gfm pairs as intended.
#include "build.hpp"

namespace sheaf::test_md {
namespace {

/// The Markdown of one paragraph is `expected`, and cmark-gfm reads it back as written.
void expect_md(Inlines ins, const std::string& expected, bool check_structure = true) {
  const Document d = doc({p(std::move(ins))});
  EXPECT_EQ(write_md(d), expected);
  if (check_structure) {
    EXPECT_TRUE(renders_as_written(d));
  }
}

TEST(MarkdownWriterInlines, PlainTextIsNotEscaped) {
  expect_md({t("foo_bar_baz 5 * 3 = 15, a - b, #tag, (x) [y] 1. ok")},
            "foo_bar_baz 5 * 3 = 15, a - b, #tag, (x) [y] 1. ok\n");
  expect_md({t("snake_case_ and _ alone, costs $5 to $10")}, "snake_case_ and _ alone, costs $5 to $10\n");
}

TEST(MarkdownWriterInlines, EscapesOnlyWhatWouldBeSyntax) {
  struct Case {
    const char* text;
    const char* markdown;
  };
  const Case cases[] = {
      {"*not emphasis*", "\\*not emphasis\\*"},
      {"_not emphasis_", "\\_not emphasis\\_"},
      {"a*b*c", "a\\*b\\*c"},
      {"~~gone~~", "\\~\\~gone\\~\\~"},
      {"`code`", "\\`code`"},
      {"one ` tick", "one ` tick"},
      {"[link](url)", "[link\\](url)"},
      {"[ref]: /url", "[ref\\]: /url"},
      {"a [^1] b", "a \\[^1] b"},
      {"<div>", "\\<div>"},
      {"a < b > c", "a < b > c"},
      {"&amp; &#123; &x", "\\&amp; \\&#123; &x"},
      {"back\\slash \\* \\n", "back\\slash \\\\* \\n"},
      {"# heading", "\\# heading"},
      {"#hashtag", "#hashtag"},
      {"> quote", "\\> quote"},
      {"- item", "\\- item"},
      {"+ item", "\\+ item"},
      {"* item", "\\* item"},
      {"1. item", "1\\. item"},
      {"2024) item", "2024\\) item"},
      {"---", "\\---"},
      {"***", "\\***"},
      {"```", "\\`\\`\\`"},
      {"~~~ x", "\\~\\~\\~ x"},
      {"see www.example.com now", "see www\\.example.com now"},
      {"at http://example.com", "at http\\://example.com"},
      {"x2://y and notwww.z", "x2://y and notwww.z"},
      {"  lead and trail  ", "lead and trail"},
      {"\tx y\t", "x y"},
  };
  for (const Case& c : cases) {
    const Document d = doc({p(c.text)});
    EXPECT_EQ(write_md(d), std::string(c.markdown) + "\n") << c.text;
    EXPECT_TRUE(renders_as_written(d)) << c.text;
  }
}

TEST(MarkdownWriterInlines, EmphasisForms) {
  expect_md({t("a "), em({t("b")}), t(" "), strong({t("c")}), t(" "), del({t("d")})}, "a *b* **c** ~~d~~\n");
  expect_md({t("intra"), em({t("word")}), t("s")}, "intra*word*s\n");
}

TEST(MarkdownWriterInlines, WhitespaceMovesOutOfEmphasis) {
  const Document d = doc({p({t("a"), em({t(" b ")}), t("c")})});
  EXPECT_EQ(write_md(d), "a *b* c\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterInlines, CjkPunctuationAtEmphasisEdges) {
  // `**（测试）**后文` is not strong in CommonMark: the parentheses move outside.
  const Document d = doc({p({strong({t("（测试）")}), t("后文")})});
  EXPECT_EQ(write_md(d), "**（测试**）后文\n");
  EXPECT_TRUE(renders_as_written(d));
  const Document d2 = doc({p({t("前文"), strong({t("“引号”")}), t("后文")})});
  EXPECT_EQ(write_md(d2), "前文“**引号**”后文\n");
  EXPECT_TRUE(renders_as_written(d2));
  const Document d3 = doc({p({t("张三"), strong({t("李四、")}), t("王五")})});
  EXPECT_EQ(write_md(d3), "张三**李四**、王五\n");
  EXPECT_TRUE(renders_as_written(d3));
  // CJK text needs no spaces around emphasis.
  const Document d4 = doc({p({t("这是"), strong({t("重要")}), t("的")})});
  EXPECT_EQ(write_md(d4), "这是**重要**的\n");
  EXPECT_TRUE(renders_as_written(d4));
}

TEST(MarkdownWriterInlines, EmphasisStartingWithAConstructNextToALetter) {
  // Nothing can move out: the letter outside is written as a character reference.
  const Document d = doc({p({t("a"), strong({link("u", {t("x")})}), t("b")})});
  EXPECT_TRUE(renders_as_written(d)) << write_md(d);
}

TEST(MarkdownWriterInlines, NestedEmphasis) {
  const Document cases[] = {
      doc({p({strong({em({t("x")})})})}),
      doc({p({em({strong({t("x")})})})}),
      doc({p({strong({em({t("a")}), t("b")})})}),
      doc({p({em({t("a")}), em({t("b")})})}),
      doc({p({em({t("a "), em({t("b")}), t(" c")})})}),
      doc({p({t("x"), strong({em({t("a")}), t("b")}), t("y")})}),
      doc({p({strong({t("a")}), strong({t("b")})})}),
      doc({p({del({t("a"), del({t("b")})})})}),
      doc({p({em({t("*")})})}),
      doc({p({t("这是"), strong({em({t("重要")})}), t("的")})}),
  };
  for (const Document& d : cases) EXPECT_TRUE(renders_as_written(d)) << write_md(d);
}

TEST(MarkdownWriterInlines, CodeSpans) {
  expect_md({code("a`b")}, "``a`b``\n");
  expect_md({code("`x`")}, "`` `x` ``\n");
  expect_md({code(" x ")}, "`  x  `\n");
  expect_md({t("`"), code("y")}, "&#96;`y`\n");
  const Document d = doc({p({t("a"), code("`"), t("b ``` c")})});
  EXPECT_TRUE(renders_as_written(d)) << write_md(d);
}

TEST(MarkdownWriterInlines, LinksAndImages) {
  expect_md({link("https://x.org/a_(b)", {t("t")}, "Ti\"tle")}, "[t](<https://x.org/a_(b)> \"Ti\\\"tle\")\n");
  expect_md({link("https://x.org", {t("https://x.org")})}, "<https://x.org>\n");
  // GFM links a plain address anyway: written bare where nothing next to it extends it.
  expect_md({link("mailto:a@b.org", {t("a@b.org")})}, "a@b.org\n");
  expect_md({t("x"), link("mailto:a@b.org", {t("a@b.org")})}, "x<a@b.org>\n");
  expect_md({image("a b.png", "alt [x]", "T")}, "![alt \\[x\\]](<a b.png> \"T\")\n");
  expect_md({image("/p?a=1&amp;b", "")}, "![](/p?a=1&amp;amp;b)\n");
  expect_md({t("Wow!"), link("u", {t("x")})}, "Wow\\![x](u)\n");
  const Document d = doc({p({link("/a\\b c", {t("[x] "), em({t("y")})}), t(" "),
                             image("x\\", "a\\*b_c"), link("", {t("empty")})})});
  EXPECT_TRUE(renders_as_written(d)) << write_md(d);
}

TEST(MarkdownWriterInlines, TitlesKeepSingleNewlines) {
  expect_md({link("u", {t("a")}, "Title for\nlink")}, "[a](u \"Title for\nlink\")\n");
  // Blank lines and line breaks before spaces cannot stay (documented normalisation).
  expect_md({link("u", {t("a")}, "one\n# two\n\nthree\n  four")}, "[a](u \"one\n\\# two\nthree   four\")\n", false);
  expect_md({image("i.png", "", "the\n===")}, "![](i.png \"the\n\\===\")\n");
}

TEST(MarkdownWriterInlines, HardBreaks) {
  const Document d = doc({p({t("a"), br(), t("# not heading"), br(), t("  b"), br()})});
  EXPECT_EQ(write_md(d), "a\\\n\\# not heading\\\nb\n");
  EXPECT_TRUE(renders_as_written(d));
}

TEST(MarkdownWriterInlines, Math) {
  expect_md({t("E "), math("mc^2"), t(" and "), math("\\{x\\}"), t(" and "), math("a+b", true)},
            "E $mc^2$ and $`\\{x\\}`$ and $$a+b$$\n", false);
  EXPECT_NE(gfm_html("$`\\{x\\}`$").find("<code>\\{x\\}</code>"), std::string::npos);
}

TEST(MarkdownWriterInlines, RawHtmlOnlyWhereMarkdownHasNoForm) {
  Attr a;
  a.lang = "zh";
  expect_md({t("H"), sub({t("2")}), t("O x"), sup({t("2")}), t(" "), span(a, {t("中")}), t(" "), span({}, {t("plain")})},
            "H<sub>2</sub>O x<sup>2</sup> <span lang=\"zh\">中</span> plain\n", false);
}

TEST(MarkdownWriterInlines, ReferenceLinks) {
  MarkdownWriterOptions o;
  o.reference_links = true;
  const Document d = doc({p({link("https://a.org", {t("a")}), t(" [b] "), link("https://a.org", {t("again")}),
                             image("i.png", "i", "T")})});
  EXPECT_EQ(write_md(d, o), "[a][1] [b\\] [again][1]![i][2]\n\n[1]: https://a.org\n[2]: i.png \"T\"\n");
  EXPECT_TRUE(renders_as_written(d, o));
}

TEST(MarkdownWriterInlines, HeadingEscapes) {
  const Document d = doc({h(2, "C#"), h(2, "a #"), h(2, "#"), h(1, " x ")});
  EXPECT_EQ(write_md(d), "## C#\n\n## a \\#\n\n## \\#\n\n# x\n");
  EXPECT_TRUE(renders_as_written(d));
}

}  // namespace
}  // namespace sheaf::test_md
