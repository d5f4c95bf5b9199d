#include "core/url_safety.hpp"

#include <gtest/gtest.h>

namespace sheaf {
namespace {

Inline text(std::string s) { return Inline{Text{std::move(s)}}; }
Inline link(std::string url, std::string label) { return Inline{Link{std::move(url), "", {text(std::move(label))}}}; }
Inline image(std::string src) { return Inline{Image{std::move(src), "alt", "", "", ""}}; }

TEST(UrlSafety, UnsafeSchemesAsBrowsersReadThem) {
  for (const char* url : {"javascript:alert(1)", "JaVaScript:alert(1)", "  javascript:x",
                          "\x01\x1f javascript:x", "java\tscript:x", "java\nscr\ript:x",
                          "VBScript:x", "data:image/png;base64,AAAA", "DATA:text/html,<b>"})
    EXPECT_TRUE(is_unsafe_url(url)) << url;
  for (const char* url : {"https://example.com/javascript:x", "a.png", "/data:x", "#javascript",
                          "mailto:a@b.c", "javascripts:x", "xjavascript:x", "", "data",
                          "images/data:1.png", "javascript/app.js"})
    EXPECT_FALSE(is_unsafe_url(url)) << url;
}

TEST(UrlSafety, UnsafeUrlsInMarkup) {
  EXPECT_TRUE(has_unsafe_url_in_markup("<a href=\"JaVaScript:alert(1)\">x</a>"));
  EXPECT_TRUE(has_unsafe_url_in_markup("<a href=\"&#106;avascript&#x3A;alert(1)\">x</a>"));
  EXPECT_TRUE(has_unsafe_url_in_markup("<a href=\"java&Tab;script&colon;x\">x</a>"));
  EXPECT_TRUE(has_unsafe_url_in_markup("[x](java\nscript:alert(1))"));
  EXPECT_TRUE(has_unsafe_url_in_markup("<img src='data:image/png;base64,AAAA'>"));
  EXPECT_FALSE(has_unsafe_url_in_markup("<a href=\"https://e.com/\">metadata: x</a> &amp; more"));
  EXPECT_FALSE(has_unsafe_url_in_markup("[x](https://e.com/?q=a&b) &#"));
}

TEST(UrlSafety, LinksKeepTheirTextImagesAreLeftOut) {
  Document doc;
  doc.blocks.push_back(Block{Paragraph{{text("a "), link(" JaVaScript:alert(1)", "x"), text(" b"),
                                        image("data:image/png;base64,AAAA"),
                                        link("https://e.com/", "ok"), image("ok.png")}}});
  doc.blocks.push_back(Block{Paragraph{{image("\tdata:image/gif,GIF89a")}}});
  EXPECT_EQ(drop_unsafe_urls(doc), 3u);
  ASSERT_EQ(doc.blocks.size(), 1u);  // a paragraph of only an unsafe image goes
  const Inlines expected{text("a x b"), link("https://e.com/", "ok"), image("ok.png")};
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[0].node).children, expected);
}

TEST(UrlSafety, EveryNestingIsVisited) {
  Figure figure;
  figure.image.src = "DATA:image/png;base64,AAAA";
  figure.caption = {text("cap"), link("vbscript:x", "tion")};
  figure.credit = {text("credit")};
  ListItem item;
  item.children.push_back(Block{Paragraph{{Inline{Emph{{link("javascript:1", "em")}}}}}});
  Table table;
  table.columns = {Alignment::none};
  table.body.push_back(TableRow{{TableCell{{Block{Paragraph{{link("javascript:2", "cell")}}}}}}});
  Document doc;
  doc.blocks = {Block{std::move(figure)}, Block{BulletList{{std::move(item)}, true}},
                Block{BlockQuote{{Block{std::move(table)}}}},
                Block{Paragraph{{Inline{Note{{Block{Paragraph{{link("javascript:3", "note")}}}}}}}}},
                Block{RawBlock{"html", "<a href=\"javascript:alert(1)\">raw</a>"}},
                Block{RawBlock{"text", "javascript:alert(1) as plain text"}}};
  EXPECT_EQ(drop_unsafe_urls(doc), 6u);  // the plain-text raw block stays
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[0].node).children, (Inlines{text("caption credit")}));
  const auto& list = std::get<BulletList>(doc.blocks[1].node);
  EXPECT_EQ(std::get<Paragraph>(list.items[0].children[0].node).children,
            (Inlines{Inline{Emph{{text("em")}}}}));
  EXPECT_EQ(std::get<RawBlock>(doc.blocks[4].node).format, "text");
}

}  // namespace
}  // namespace sheaf
