// Input decoding of pages (converters/shared/text_encoding.hpp through html::read): declared,
// undeclared (detected) and forced legacy encodings, and invalid bytes. The legacy samples are
// literal bytes, written fresh for these tests.
#include <gtest/gtest.h>

#include <string>

#include "converters/html/html.hpp"
#include "converters/shared/text_encoding.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "tests/support/describe.hpp"

namespace sheaf {
namespace {

// "北京时间今天上午，国家统计局发布了最新的经济数据。数据显示，经济运行总体平稳。" in GBK
constexpr std::string_view kGbkText = "\xB1" "\xB1" "\xBE" "\xA9" "\xCA" "\xB1" "\xBC" "\xE4" "\xBD" "\xF1" "\xCC" "\xEC" "\xC9" "\xCF" "\xCE" "\xE7" "\xA3" "\xAC" "\xB9" "\xFA" "\xBC" "\xD2" "\xCD" "\xB3" "\xBC" "\xC6" "\xBE" "\xD6" "\xB7" "\xA2" "\xB2" "\xBC" "\xC1" "\xCB" "\xD7" "\xEE" "\xD0" "\xC2" "\xB5" "\xC4" "\xBE" "\xAD" "\xBC" "\xC3" "\xCA" "\xFD" "\xBE" "\xDD" "\xA1" "\xA3" "\xCA" "\xFD" "\xBE" "\xDD" "\xCF" "\xD4" "\xCA" "\xBE" "\xA3" "\xAC" "\xBE" "\xAD" "\xBC" "\xC3" "\xD4" "\xCB" "\xD0" "\xD0" "\xD7" "\xDC" "\xCC" "\xE5" "\xC6" "\xBD" "\xCE" "\xC8" "\xA1" "\xA3";
constexpr std::string_view kGbkUtf8 = "北京时间今天上午，国家统计局发布了最新的经济数据。数据显示，经济运行总体平稳。";
// "测试标题" in GBK
constexpr std::string_view kGbkTitle = "\xB2\xE2\xCA\xD4\xB1\xEA\xCC\xE2";
// "臺北市政府今天宣布，明年起將擴大公共運輸補助，讓更多市民能以優惠價格搭乘捷運與公車。" in Big5
constexpr std::string_view kBig5Text = "\xBB" "O\xA5" "_\xA5" "\xAB" "\xAC" "F\xA9" "\xB2" "\xA4" "\xB5" "\xA4" "\xD1" "\xAB" "\xC5" "\xA5" "\xAC" "\xA1" "A\xA9" "\xFA" "\xA6" "~\xB0" "_\xB1" "N\xC2" "X\xA4" "j\xA4" "\xBD" "\xA6" "@\xB9" "B\xBF" "\xE9" "\xB8" "\xC9" "\xA7" "U\xA1" "A\xC5" "\xFD" "\xA7" "\xF3" "\xA6" "h\xA5" "\xAB" "\xA5" "\xC1" "\xAF" "\xE0" "\xA5" "H\xC0" "u\xB4" "f\xBB" "\xF9" "\xAE" "\xE6" "\xB7" "f\xAD" "\xBC" "\xB1" "\xB6" "\xB9" "B\xBB" "P\xA4" "\xBD" "\xA8" "\xAE" "\xA1" "C";
// "東京都は今日、来年度から公共交通機関の補助を拡大すると発表しました。多くの市民が割引料金で電車やバスを利用できるようになります。" in Shift_JIS
constexpr std::string_view kSjisText = "\x93" "\x8C" "\x8B" "\x9E" "\x93" "s\x82" "\xCD" "\x8D" "\xA1" "\x93" "\xFA" "\x81" "A\x97" "\x88" "\x94" "N\x93" "x\x82" "\xA9" "\x82" "\xE7" "\x8C" "\xF6" "\x8B" "\xA4" "\x8C" "\xF0" "\x92" "\xCA" "\x8B" "@\x8A" "\xD6" "\x82" "\xCC" "\x95" "\xE2" "\x8F" "\x95" "\x82" "\xF0" "\x8A" "g\x91" "\xE5" "\x82" "\xB7" "\x82" "\xE9" "\x82" "\xC6" "\x94" "\xAD" "\x95" "\\\x82" "\xB5" "\x82" "\xDC" "\x82" "\xB5" "\x82" "\xBD" "\x81" "B\x91" "\xBD" "\x82" "\xAD" "\x82" "\xCC" "\x8E" "s\x96" "\xAF" "\x82" "\xAA" "\x8A" "\x84" "\x88" "\xF8" "\x97" "\xBF" "\x8B" "\xE0" "\x82" "\xC5" "\x93" "d\x8E" "\xD4" "\x82" "\xE2" "\x83" "o\x83" "X\x82" "\xF0" "\x97" "\x98" "\x97" "p\x82" "\xC5" "\x82" "\xAB" "\x82" "\xE9" "\x82" "\xE6" "\x82" "\xA4" "\x82" "\xC9" "\x82" "\xC8" "\x82" "\xE8" "\x82" "\xDC" "\x82" "\xB7" "\x81" "B";
// "서울시는 오늘 내년부터 대중교통 지원을 확대한다고 발표했습니다. 더 많은 시민들이 할인된 요금으로 지하철과 버스를 이용할 수 있게 됩니다." in EUC-KR
constexpr std::string_view kEucKrText = "\xBC" "\xAD" "\xBF" "\xEF" "\xBD" "\xC3" "\xB4" "\xC2" " \xBF" "\xC0" "\xB4" "\xC3" " \xB3" "\xBB" "\xB3" "\xE2" "\xBA" "\xCE" "\xC5" "\xCD" " \xB4" "\xEB" "\xC1" "\xDF" "\xB1" "\xB3" "\xC5" "\xEB" " \xC1" "\xF6" "\xBF" "\xF8" "\xC0" "\xBB" " \xC8" "\xAE" "\xB4" "\xEB" "\xC7" "\xD1" "\xB4" "\xD9" "\xB0" "\xED" " \xB9" "\xDF" "\xC7" "\xA5" "\xC7" "\xDF" "\xBD" "\xC0" "\xB4" "\xCF" "\xB4" "\xD9" ". \xB4" "\xF5" " \xB8" "\xB9" "\xC0" "\xBA" " \xBD" "\xC3" "\xB9" "\xCE" "\xB5" "\xE9" "\xC0" "\xCC" " \xC7" "\xD2" "\xC0" "\xCE" "\xB5" "\xC8" " \xBF" "\xE4" "\xB1" "\xDD" "\xC0" "\xB8" "\xB7" "\xCE" " \xC1" "\xF6" "\xC7" "\xCF" "\xC3" "\xB6" "\xB0" "\xFA" " \xB9" "\xF6" "\xBD" "\xBA" "\xB8" "\xA6" " \xC0" "\xCC" "\xBF" "\xEB" "\xC7" "\xD2" " \xBC" "\xF6" " \xC0" "\xD6" "\xB0" "\xD4" " \xB5" "\xCB" "\xB4" "\xCF" "\xB4" "\xD9" ".";
// "The café served crème brûlée – “délicieux” – to every naïve visitor." in windows-1252
constexpr std::string_view kCp1252Text = "The caf\xE9" " served cr\xE8" "me br\xFB" "l\xE9" "e \x96" " \x93" "d\xE9" "licieux\x94" " \x96" " to every na\xEF" "ve visitor.";

struct Read {
  Document doc;
  MemoryContext context;
};

Read read_page(const std::string& bytes, const std::string& forced = {}) {
  Read r;
  ReaderOptions options;
  options.input_encoding = forced;
  r.doc = html::read(Input{bytes, "page.html", ""}, options, r.context);
  return r;
}

std::string page(std::string_view head, std::string_view body_text) {
  return "<html><head>" + std::string(head) + "</head><body><p>" + std::string(body_text) + "</p></body></html>";
}

std::size_t count_id(const MemoryContext& c, std::string_view id) {
  std::size_t n = 0;
  for (const Diagnostic& d : c.diagnostics) n += d.id == id;
  return n;
}

TEST(HtmlEncoding, DeclaredGbkReadsTitleAndText) {
  auto r = read_page(page("<meta charset=\"gb2312\"><title>" + std::string(kGbkTitle) + "</title>", kGbkText));
  EXPECT_EQ(meta_string(r.doc.meta, "title").value_or(""), "测试标题");
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"" + std::string(kGbkUtf8) + "\"]");
  EXPECT_TRUE(r.context.diagnostics.empty());
}

TEST(HtmlEncoding, HttpEquivDeclarationWins) {
  auto r = read_page(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\"><title>" +
                              std::string(kGbkTitle) + "</title>", kGbkText));
  EXPECT_EQ(meta_string(r.doc.meta, "title").value_or(""), "测试标题");
}

TEST(HtmlEncoding, UndeclaredGbkIsDetectedNotLatin1) {
  auto r = read_page(page("<title>" + std::string(kGbkTitle) + "</title>", kGbkText));
  EXPECT_EQ(meta_string(r.doc.meta, "title").value_or(""), "测试标题");
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"" + std::string(kGbkUtf8) + "\"]");
  EXPECT_EQ(count_id(r.context, "html.encoding_detected"), 1u);
  EXPECT_EQ(count_id(r.context, "html.invalid_bytes"), 0u);
}

TEST(HtmlEncoding, UndeclaredLegacyEncodingsAreDetected) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {kBig5Text, "臺北市政府今天宣布，明年起將擴大公共運輸補助，讓更多市民能以優惠價格搭乘捷運與公車。"},
      {kSjisText, "東京都は今日、来年度から公共交通機関の補助を拡大すると発表しました。多くの市民が割引料金で電車やバスを利用できるようになります。"},
      {kEucKrText, "서울시는 오늘 내년부터 대중교통 지원을 확대한다고 발표했습니다. 더 많은 시민들이 할인된 요금으로 지하철과 버스를 이용할 수 있게 됩니다."},
      {kCp1252Text, "The café served crème brûlée – “délicieux” – to every naïve visitor."},
  };
  for (const auto& [bytes, expected] : cases) {
    auto r = read_page(page("", bytes));
    EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"" + std::string(expected) + "\"]");
    EXPECT_EQ(count_id(r.context, "html.invalid_bytes"), 0u) << expected;
  }
}

TEST(HtmlEncoding, ForcedEncodingOverridesDetection) {
  auto r = read_page(page("", kGbkText), "GBK");
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"" + std::string(kGbkUtf8) + "\"]");
  EXPECT_EQ(count_id(r.context, "html.encoding_detected"), 0u);
  EXPECT_THROW(read_page(page("", kGbkText), "no-such-encoding"), Error);
}

TEST(HtmlEncoding, InvalidBytesBecomeReplacementWithOneWarning) {
  // 0xFF is never valid in GBK; two of them give two U+FFFD and a single warning.
  auto r = read_page(page("<meta charset=gbk>", std::string(kGbkText.substr(0, 4)) + "\xFF" "a\xFF" "b"));
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"北京\xEF\xBF\xBD" "a\xEF\xBF\xBD" "b\"]");
  EXPECT_EQ(count_id(r.context, "html.invalid_bytes"), 1u);
}

TEST(HtmlEncoding, DamagedUtf8IsRepairedAsUtf8) {
  auto r = read_page(page("", "中文正文，中文正文，中文正文\xFF。"));
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"中文正文，中文正文，中文正文\xEF\xBF\xBD。\"]");
  EXPECT_EQ(count_id(r.context, "html.invalid_utf8"), 1u);
}

TEST(HtmlEncoding, ValidUtf8BeatsAWrongLatin1Declaration) {
  auto r = read_page(page("<meta charset=iso-8859-1>", "café"));
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"café\"]");
  EXPECT_TRUE(r.context.diagnostics.empty());
}

TEST(HtmlEncoding, Utf16ByteOrderMark) {
  const std::u16string text = u"<p>中文 text</p>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  auto r = read_page(bytes);
  EXPECT_EQ(test::describe(r.doc.blocks), "Para[Text \"中文 text\"]");
}

TEST(HtmlEncoding, FragmentsAreNotDecodedTwice) {
  MemoryContext context;
  ReaderOptions options;
  options.input_encoding = "gbk";  // already applied by the reader that produced the fragment
  const Blocks blocks = html::read_fragment("<p>中文</p>", "post.md", options, context);
  EXPECT_EQ(test::describe(blocks), "Para[Text \"中文\"]");
}

TEST(TextEncoding, NamesFollowTheWhatwgAliases) {
  EXPECT_EQ(text_encoding::canonical_name(" GB2312 "), "gb18030");
  EXPECT_EQ(text_encoding::canonical_name("Shift_JIS"), "windows-31j");
  EXPECT_EQ(text_encoding::canonical_name("EUC-KR"), "windows-949");
  EXPECT_EQ(text_encoding::canonical_name("ISO-8859-1"), "windows-1252");
  EXPECT_TRUE(text_encoding::is_supported("big5"));
  EXPECT_FALSE(text_encoding::is_supported("klingon-8"));
  EXPECT_EQ(text_encoding::declared_charset("<html><head><meta charset='Big5'>"), "big5");
  EXPECT_EQ(text_encoding::declared_charset("<?xml version=\"1.0\" encoding=\"GBK\"?><html>"), "gbk");
  EXPECT_EQ(text_encoding::declared_charset("<p>no declaration</p>"), "");
}

TEST(TextEncoding, DiagnosticsNameTheCallingReader) {
  MemoryContext context;
  const std::string out = text_encoding::decode_to_utf8(std::string(kGbkText), "", "post.md", context, "jekyll");
  EXPECT_EQ(out, kGbkUtf8);
  EXPECT_EQ(count_id(context, "jekyll.encoding_detected"), 1u);
}

}  // namespace
}  // namespace sheaf
