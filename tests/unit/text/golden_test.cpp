// Golden files for hand-built documents (tests/golden/text/*.txt; SHEAF_ACCEPT=1 rewrites them).
#include <gtest/gtest.h>

#include "tests/support/golden.hpp"
#include "tests/unit/text/build.hpp"

namespace sheaf::test_text {
namespace {

Inline sup(Inlines c) { return Inline{Superscript{std::move(c)}}; }
Inline sub(Inlines c) { return Inline{Subscript{std::move(c)}}; }
Inline strike(Inlines c) { return Inline{Strikeout{std::move(c)}}; }
Inline math(std::string tex, bool display = false) { return Inline{Math{std::move(tex), display}}; }
Inline span(std::string lang, Inlines c) {
  Span s;
  s.attr.lang = std::move(lang);
  s.children = std::move(c);
  return Inline{std::move(s)};
}

/// Every block and inline kind of the model at least once.
Document kitchen_sink() {
  Document d;
  d.meta = {field("title", "Kitchen sink: every node kind"), field("author", "Sheaf Tests"),
            field("date", "2024-01-02"), field("source", "https://example.org/kitchen-sink")};
  DefinitionList defs;
  defs.items.push_back(DefinitionItem{{t("Plain text")}, {{p("Text for terminals, tools and people.")}}});
  defs.items.push_back(DefinitionItem{{strong({t("Display width")})},
                                      {{p("Columns a terminal gives a character.")}, {p("CJK counts two.")}}});
  Div div;
  div.attr.lang = "ja";
  div.children = {p("日本語の段落は、div の中にあります。")};
  d.blocks = {
      h(1, "Top heading"),
      p(Inlines{t("Plain, "), em({t("emphasised")}), t(", "), strong({t("strong")}), t(", "),
                strike({t("struck")}), t(", E = mc"), sup({t("2")}), t(", H"), sub({t("2")}), t("O, "),
                code("inline  code"), t(", "), math("\\alpha + \\beta"), t(", "),
                span("zh", {t("中文片段")}), t(", a "), link("https://example.org/docs", {t("link")}),
                t(", an image "), image("icon.png", "tiny icon"), t(" and a note."),
                note({p(Inlines{t("The note's text, with its own "),
                                link("https://example.org/note-link", {t("link")}), t(".")}),
                      p("A second paragraph of the note.")})}),
      p(Inlines{t("First line of a poem"), br(), t("second line"), br(), t("third line")}),
      h(2, "Lists"),
      bullets({item({p("A tight item that is long enough to wrap onto a second line at seventy-eight "
                       "columns.")}),
               item({p("An item with a nested list"),
                     ordered({item({p("first")}), item({p("second")})}, 1)}),
               item({p("Checked")}, Task::done), item({p("Unchecked")}, Task::open)}),
      ordered({item({p("Loose item one.")}), item({p("Loose item two, with a second paragraph."),
                                                   p("The second paragraph.")})},
              7, false),
      h(3, "Quotes and code"),
      quote({p("A quotation that goes on for a while so that it must wrap inside the quote marks "
               "at the given width."),
             quote({p("Nested quotation.")})}),
      code_block("#include <iostream>\nint main() {\n    std::cout << \"a line that is much longer than "
                 "seventy-eight columns and must never be wrapped\\n\";\n}\n",
                 "cpp"),
      rule(),
      h(4, "Table"),
      table({"Item", "Qty", "Price"}, {{"Apples", "3", "1.20"}, {"苹果", "12", "10.00"}},
            {Alignment::left, Alignment::right, Alignment::right}),
      h(5, "Figure"),
      figure("photo.jpg", "A harbour at dawn", {t("Boats leave the harbour at dawn.")}, {t("Photo: Example Agency")}),
      h(6, "Definitions"),
      Block{defs},
      Block{div},
      Block{RawBlock{"html", "<div>dropped</div>"}},
      Block{RawBlock{"text", "Raw plain text, kept as written."}},
      p(Inlines{t("Display math: "), math("E = mc^2", true)}),
  };
  return d;
}

TEST(TextGolden, KitchenSink) {
  const Document d = kitchen_sink();
  EXPECT_TRUE(sheaf::test::matches_golden("text/kitchen-sink.txt", render(d)));
  TextWriterOptions o;
  o.links = LinkStyle::inline_links;
  o.header = false;
  EXPECT_TRUE(sheaf::test::matches_golden("text/kitchen-sink-inline-links.txt", render(d, o)));
  o.links = LinkStyle::none;
  o.wrap = Wrap::none;
  EXPECT_TRUE(sheaf::test::matches_golden("text/kitchen-sink-no-links-no-wrap.txt", render(d, o)));
}

Document cjk() {
  Document d;
  d.meta = {field("title", "东亚文字的换行：中文、日本語、한국어"), field("author", "测试作者"),
            field("date", "2024-06-25T23:35:57.314Z"), field("from", "https://example.com/cjk/2024/06/25/post.html")};
  d.blocks = {
      h(2, Inlines{link("https://example.com/cjk/2024/06/25/post.html", {t("东亚文字的换行：中文、日本語、한국어")})}),
      p("这是一段用来测试换行的中文文字。它被分成了\n好几行源代码，但输出时不应该在汉字之间出现多余的空格。"
        "标点符号，例如逗号、句号。还有引号「像这样」和括号（像这样），都不能出现在行首。"),
      p("日本語の文章も同じように扱われます。句読点「、」や「。」は行頭に来てはいけません。\n"
        "カタカナのテキストとひらがなのテキストが混在していても、正しく折り返されるべきです。"),
      p("한국어는 단어 사이에 공백을 쓰므로, 공백에서 줄을 바꿉니다. 이 문장은 충분히 길어서 여러 줄로 "
        "나뉘어야 합니다."),
      p(Inlines{t("中英混排：Unicode 标准附录 UAX #14 定义了换行规则，"),
                link("https://www.unicode.org/reports/tr14/", {t("详见此处")}),
                t("。全角空格\u3000也要保留，数字１２３和English words混在一起。")}),
      bullets({item({p("第一项：简短")}),
               item({p("第二项：这一项比较长，需要在列表的悬挂缩进之内换行，并且换行后的文字要和第一行对齐。")})}),
      quote({p("引用的段落也要正确换行，每一行都以大于号开头，并且中文之间不加空格。")}),
  };
  return d;
}

TEST(TextGolden, CjkParagraphs) {
  const Document d = cjk();
  EXPECT_TRUE(sheaf::test::matches_golden("text/cjk.txt", render(d)));
  EXPECT_TRUE(sheaf::test::matches_golden("text/cjk-40.txt", render(d, columns(40))));
}

TEST(TextGolden, TablesWithCjk) {
  Document d;
  Block wide = table({"城市", "人口（万）", "说明"},
                     {{"北京", "2189", "首都，政治和文化中心"},
                      {"東京", "1400", "日本の首都。人口が最も多い都市圏です。"},
                      {"서울", "940", "대한민국의 수도"}},
                     {Alignment::left, Alignment::right, Alignment::left});
  std::get<Table>(wide.node).caption = {t("表一：城市")};
  Block records = table({"项目", "内容"}, {{"非常长的项目名称不能换行吗", "https://example.com/a/very/long/unbreakable/url/for/the/table/cell"}});
  d.blocks = {wide, records};
  EXPECT_TRUE(sheaf::test::matches_golden("text/tables-cjk.txt", render(d)));
  EXPECT_TRUE(sheaf::test::matches_golden("text/tables-cjk-40.txt", render(d, columns(40))));
  EXPECT_TRUE(sheaf::test::matches_golden("text/tables-cjk-24.txt", render(d, columns(24))));
}

TEST(TextGolden, LongUrls) {
  Document d;
  const std::string url =
      "https://www.example.com/mandarin/news/2024/06/25/a-very-long-article-slug-that-goes-on-and-on-"
      "and-on.html?utm_source=feed&utm_medium=rss";
  d.blocks = {
      p("A bare URL in running text " + url + " is never broken, whatever the width."),
      p("中文里的网址" + url + "也不会被拆开。"),
      p(Inlines{t("A linked phrase "), link(url, {t("goes here")}), t(", then more text after it.")}),
      bullets({item({p("In a list: " + url)})}),
  };
  EXPECT_TRUE(sheaf::test::matches_golden("text/long-urls.txt", render(d)));
  TextWriterOptions o;
  o.links = LinkStyle::inline_links;
  EXPECT_TRUE(sheaf::test::matches_golden("text/long-urls-inline.txt", render(d, o)));
}

}  // namespace
}  // namespace sheaf::test_text
