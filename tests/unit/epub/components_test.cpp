// Unit tests of the EPUB writer's parts: XML escaping, URLs, dates, languages, ids, sniffing, UUIDs.
#include <gtest/gtest.h>

#include "converters/epub/dates.hpp"
#include "converters/epub/ids.hpp"
#include "converters/epub/image_sniff.hpp"
#include "converters/epub/language.hpp"
#include "converters/epub/urls.hpp"
#include "converters/epub/uuid.hpp"
#include "converters/epub/xml_writer.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::epub {
namespace {

TEST(XmlWriter, EscapesTextAndAttributes) {
  XmlWriter w;
  w.open("p");
  w.attr("title", "a \"b\" <c> & d\ne");
  w.text("1 < 2 && 3 > 2 \"q\"");
  w.close();
  EXPECT_EQ(w.take(), "<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d&#10;e\">1 &lt; 2 &amp;&amp; 3 &gt; 2 \"q\"</p>");
}

TEST(XmlWriter, DropsCharactersXmlCannotCarry) {
  XmlWriter w;
  w.open("p");
  w.text(std::string("a\x01" "b\x0B" "c\tz\xEF\xBF\xBE", 10) + std::string(1, '\0') + "\xFF end\r\nx\ry");
  w.close();
  EXPECT_EQ(w.take(), "<p>abc\tz\xEF\xBF\xBD end\nx\ny</p>");
}

TEST(XmlWriter, VoidElementsSelfCloseOthersNever) {
  XmlWriter w;
  w.open("div");
  w.open("img");
  w.attr("alt", "");
  w.close();
  w.open("p");
  w.close();
  w.open("br");
  w.close();
  w.close();
  EXPECT_EQ(w.take(), "<div><img alt=\"\"/><p></p><br/></div>");
}

TEST(XmlWriter, RefusesUnbalancedUse) {
  XmlWriter w;
  w.open("p");
  EXPECT_THROW(w.take(), Error);
  XmlWriter v;
  EXPECT_THROW(v.close(), Error);
}

TEST(Urls, CleanHrefEscapesWhatUrlsCannotHold) {
  EXPECT_EQ(clean_href("  https://example.com/a b?q=<1>&x=\"y\"  "),
            "https://example.com/a%20b?q=%3C1%3E&x=%22y%22");
  EXPECT_EQ(clean_href("https://example.com/%E4%B8%AD/%zz/100%"), "https://example.com/%E4%B8%AD/%25zz/100%25");
  EXPECT_EQ(clean_href("https://example.com/中文#a#b"), "https://example.com/%E4%B8%AD%E6%96%87#a%23b");
}

TEST(Urls, CleanHrefRepairsOrRejectsHosts) {
  EXPECT_EQ(clean_href("http:/example.com/x"), "http://example.com/x");
  EXPECT_EQ(clean_href("HTTPS:///Example.COM:8080/A?b#c"), "https://example.com:8080/A?b#c");
  EXPECT_EQ(clean_href("https://例子.测试/路径"), "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84");
  EXPECT_EQ(clean_href("https://user:pw@host.example/"), "https://user:pw@host.example/");
  EXPECT_EQ(clean_href("http://[::1]:80/x"), "http://[::1]:80/x");
  EXPECT_EQ(clean_href("http://genericvia.com>viagra</a>"), "");
  EXPECT_EQ(clean_href("http://ilfrc.com%3Eviagra"), "");
  EXPECT_EQ(clean_href("http://host:port/"), "");
  EXPECT_EQ(clean_href("https://"), "");
  EXPECT_EQ(punycode("bücher"), "bcher-kva");
  EXPECT_EQ(punycode("münchen"), "mnchen-3ya");
}

TEST(Urls, SchemesAndRemoteness) {
  EXPECT_EQ(url_scheme("HTTPS://x"), "https");
  EXPECT_EQ(url_scheme("C:\\x.png"), "");
  EXPECT_EQ(url_scheme("img/a:b.png"), "");
  EXPECT_EQ(url_scheme("data:image/png;base64,AAA"), "data");
  EXPECT_TRUE(is_remote_url("//cdn.example.com/x.png"));
  EXPECT_TRUE(is_remote_url("http://x/y"));
  EXPECT_FALSE(is_remote_url("file:///etc/passwd"));
  EXPECT_FALSE(is_remote_url("/assets/x.png"));
}

// The resolver itself is tested with converters/shared (tests/unit/text/url_resolve_test.cpp); the
// EPUB side adds trimming and url_scheme's view of drive letters and scheme-less bases.
TEST(Urls, ResolvesAgainstABaseUrl) {
  const std::string base = "https://news.example.org/city/a/page.html?x=1";
  EXPECT_EQ(resolve_url(base, " ../b.html#f\n"), "https://news.example.org/city/b.html#f");
  EXPECT_EQ(resolve_url(base, "C:\\x.png"), "https://news.example.org/city/a/C:\\x.png");
  EXPECT_EQ(resolve_url(base, "mailto:a@b"), "mailto:a@b");
  EXPECT_EQ(resolve_url("/local/dir", "x.html"), "x.html");
}

TEST(Urls, KeysMatchSpellingsOfTheSamePage) {
  EXPECT_EQ(url_key("https://www.Example.com/a/b.html#x"), url_key("http://example.com/a/b"));
  EXPECT_EQ(url_key("https://example.com/a/"), url_key("https://example.com/a/index.html"));
  EXPECT_NE(url_key("https://example.com/a"), url_key("https://example.com/b"));
  EXPECT_EQ(percent_decode("a%20b%zz%e4%b8%ad"), "a b%zz中");
}

// The forms themselves are tested with core/date_time (tests/unit/core/date_time_test.cpp); here,
// what the package writes for them.
TEST(Dates, WritesW3cDatesInUtc) {
  auto iso = parse_post_date("2024-06-25T23:35:57.314Z");
  ASSERT_TRUE(iso);
  EXPECT_EQ(w3c_date(*iso), "2024-06-25T23:35:57Z");
  auto offset = parse_post_date("2024-06-25 10:00:00 +0800");
  ASSERT_TRUE(offset);
  EXPECT_EQ(w3c_date(*offset), "2024-06-25T02:00:00Z");
  auto colon = parse_post_date("2024-06-25T01:00:00-05:30");
  ASSERT_TRUE(colon);
  EXPECT_EQ(w3c_timestamp(colon->utc), "2024-06-25T06:30:00Z");
  auto day = parse_post_date(" 2024-06-25 ");
  ASSERT_TRUE(day);
  EXPECT_FALSE(day->has_time);
  EXPECT_EQ(w3c_date(*day), "2024-06-25");
  auto minutes = parse_post_date("2024/06/25 10:00");
  ASSERT_TRUE(minutes);
  EXPECT_EQ(w3c_date(*minutes), "2024-06-25T10:00:00Z");
  EXPECT_EQ(iso_day(offset->utc), "2024-06-25");
  EXPECT_FALSE(parse_post_date("yesterday"));
}

TEST(Language, NormalizesTags) {
  EXPECT_EQ(normalize_language("zh_CN"), "zh-CN");
  EXPECT_EQ(normalize_language("EN-us"), "en-US");
  EXPECT_EQ(normalize_language("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(normalize_language("en_US.UTF-8"), "en-US");
  EXPECT_FALSE(normalize_language("C"));
  EXPECT_FALSE(normalize_language("POSIX"));
  EXPECT_FALSE(normalize_language(""));
  EXPECT_FALSE(normalize_language("chinese!"));
  EXPECT_FALSE(normalize_language("en--us"));
}

Document doc_with(const std::string& s) {
  Document d;
  d.blocks.push_back(Block{Paragraph{{Inline{Text{s}}}}});
  return d;
}

TEST(Language, InfersFromScript) {
  EXPECT_EQ(infer_language(doc_with("新图书馆周三正式开放，市民排队借书。Library opened.")), "zh");
  EXPECT_EQ(infer_language(doc_with("図書館がオープンしました。")), "ja");
  EXPECT_EQ(infer_language(doc_with("도서관이 문을 열었습니다.")), "ko");
  EXPECT_EQ(infer_language(doc_with("مكتبة جديدة")), "ar");
  EXPECT_EQ(infer_language(doc_with("The new library, said 图书馆, opened on Wednesday to long queues.")), "en");
  EXPECT_EQ(infer_language(Document{}), "en");
  EXPECT_TRUE(is_rtl("ar"));
  EXPECT_TRUE(is_rtl("he-IL"));
  EXPECT_TRUE(is_rtl("ku-Arab"));
  EXPECT_FALSE(is_rtl("zh"));
}

TEST(Ids, MakesValidUniqueNames) {
  EXPECT_EQ(xml_id("intro"), "intro");
  EXPECT_EQ(xml_id("1st section"), "id-1st-section");
  EXPECT_EQ(xml_id("中文"), "_4e2d_6587");
  EXPECT_EQ(xml_id(""), "id");
  IdSet ids;
  EXPECT_EQ(ids.add_source("a b"), "a-b");
  EXPECT_EQ(ids.add_source("a-b"), "a-b-2");
  EXPECT_EQ(ids.add_source("a b"), "a-b");
  EXPECT_EQ(ids.fresh("a-b"), "a-b-3");
  EXPECT_EQ(ids.fresh("fn-1"), "fn-1");
  EXPECT_EQ(ids.fresh("fn-1"), "fn-1-2");
  EXPECT_TRUE(ids.claim("a b"));
  EXPECT_FALSE(ids.claim("a b"));
  EXPECT_EQ(ids.find("nope"), nullptr);
}

TEST(Ids, ManyCollisionsStayLinear) {
  IdSet ids;
  for (int i = 0; i < 20000; ++i) ids.fresh("x");
  EXPECT_EQ(ids.fresh("x"), "x-20001");
}

TEST(ImageSniff, RecognizesByMagicBytesOnly) {
  using test::epub::tiny_gif;
  using test::epub::tiny_png;
  using test::epub::tiny_svg;
  EXPECT_EQ(sniff_image(tiny_png())->media_type, "image/png");
  EXPECT_EQ(sniff_image(tiny_gif())->media_type, "image/gif");
  EXPECT_EQ(sniff_image(tiny_svg())->media_type, "image/svg+xml");
  EXPECT_EQ(sniff_image("\xFF\xD8\xFF\xE0 rest")->extension, "jpg");
  EXPECT_EQ(sniff_image(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16))->media_type, "image/webp");
  EXPECT_FALSE(sniff_image("root:x:0:0:root:/root:/bin/sh\n"));
  EXPECT_FALSE(sniff_image("<html><body>not an image</body></html>"));
  EXPECT_FALSE(sniff_image("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
  EXPECT_FALSE(sniff_image("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"http://x/y.png\"/></svg>"));
  EXPECT_FALSE(sniff_image(""));
}

TEST(Uuid, IsVersion5AndStable) {
  const std::string a = uuid_v5_urn("https://news.example.org/a.html");
  EXPECT_EQ(a, uuid_v5_urn("https://news.example.org/a.html"));
  EXPECT_NE(a, uuid_v5_urn("https://news.example.org/b.html"));
  ASSERT_EQ(a.size(), 45u);
  EXPECT_EQ(a.substr(0, 9), "urn:uuid:");
  EXPECT_EQ(a[9 + 14], '5');  // version nibble
  // Same value as Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
  EXPECT_EQ(uuid_v5_urn("http://www.ietf.org/rfc/rfc4122.txt"), "urn:uuid:d0690b3c-b29d-52e7-81b0-d573b503f2d4");
}

}  // namespace
}  // namespace sheaf::epub
