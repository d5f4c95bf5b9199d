// Property test of wrapping: many generated paragraphs of mixed CJK, kana, Hangul, Latin words and
// URLs, rendered at several widths. For every paragraph and width:
//   - no line is wider than the width, unless it is one unbreakable token (a URL or long word,
//     with the punctuation glued to it);
//   - no space is invented between two CJK characters, and no text is lost or added: the output
//     with whitespace removed equals the source with whitespace removed;
//   - no line starts with closing punctuation.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "converters/shared/unicode.hpp"
#include "core/utf8.hpp"
#include "tests/support/lines.hpp"
#include "tests/unit/text/build.hpp"

namespace sheaf::test_text {
namespace {

/// A small deterministic generator (xorshift64*), the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::size_t below(std::size_t n) {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<std::size_t>((state_ * 2685821657736338717ULL) >> 33) % n;
  }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t state_;
};

std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    utf8::decode(s, pos);
    out.emplace_back(s.substr(start, pos - start));
  }
  return out;
}

const std::vector<std::string> kHanzi = code_points(
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小"
    "么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民");
const std::vector<std::string> kKana = code_points("あいうえおかきくけこさしすせそたちつてとなにぬねのカタナハマヤラワンー");
const std::vector<std::string> kCjkPunct = code_points("，。、；：！？");
const std::vector<std::pair<std::string, std::string>> kBrackets = {
    {"「", "」"}, {"（", "）"}, {"《", "》"}, {"『", "』"}};
const std::vector<std::string> kLatin = {"lorem", "ipsum", "sheaf", "converter", "well-known", "and/or",
                                         "2024/06/25", "e.g.", "U.S.", "Unicode", "UAX", "#14", "x86_64",
                                         "co-operate", "naïve", "café", "über", "supercalifragilisticexpialidocious"};
const std::vector<std::string> kHangul = {"한국어는", "단어", "사이에", "공백을", "씁니다", "대한민국"};
const std::vector<std::string> kUrls = {
    "https://example.com/",
    "https://www.example.org/a/b/c?x=1&y=2",
    "http://example.net/very/long/path/that/keeps/going/and/going/for/a/while/index.html",
    "www.example.com/short",
    "https://example.com/2024/06/25/a-long-article-slug-with-many-words-in-it.html?utm_source=feed"};

struct Generated {
  std::string source;               // what goes into the Text node (may hold newlines)
  std::vector<std::string> tokens;  // long unbreakable tokens it holds
};

Generated paragraph(Random& rng) {
  Generated g;
  const std::size_t segments = 1 + rng.below(12);
  bool last_cjk = false;
  for (std::size_t s = 0; s < segments; ++s) {
    const std::size_t kind = rng.below(10);
    if (kind < 5) {  // a CJK run, sometimes split by a source newline
      const std::size_t n = 2 + rng.below(40);
      const bool bracket = rng.below(4) == 0;
      const auto& pair = rng.pick(kBrackets);
      if (!g.source.empty() && !last_cjk) g.source += rng.below(2) ? " " : "";
      if (bracket) g.source += pair.first;
      for (std::size_t i = 0; i < n; ++i) {
        // A run starts with an ideograph: "ー" after a space may begin a line under UAX #14.
        g.source += (i > 0 && rng.below(6) == 0) ? rng.pick(kKana) : rng.pick(kHanzi);
        if (rng.below(9) == 0) g.source += rng.pick(kCjkPunct);
        if (rng.below(15) == 0) g.source += "\n";
      }
      if (bracket) g.source += pair.second;
      if (rng.below(3) == 0) g.source += "。";
      last_cjk = true;
    } else if (kind < 8) {  // Latin words
      const std::size_t n = 1 + rng.below(12);
      for (std::size_t i = 0; i < n; ++i) {
        if (!g.source.empty()) g.source += (last_cjk && rng.below(2)) ? "" : (rng.below(8) == 0 ? "\n" : " ");
        const std::string& w = rng.pick(kLatin);
        g.source += w;
        g.tokens.push_back(w);
        if (rng.below(7) == 0) g.source += rng.below(2) ? "," : ".";
        last_cjk = false;
      }
    } else if (kind < 9) {  // Hangul words
      const std::size_t n = 1 + rng.below(6);
      for (std::size_t i = 0; i < n; ++i) {
        if (!g.source.empty()) g.source += " ";
        g.source += rng.pick(kHangul);
        g.tokens.push_back(g.source.substr(g.source.rfind(' ') == std::string::npos ? 0 : g.source.rfind(' ') + 1));
      }
      last_cjk = false;
    } else {  // a URL, with or without spaces around it
      const std::string& url = rng.pick(kUrls);
      if (!g.source.empty() && (!last_cjk || rng.below(2))) g.source += " ";
      g.source += url;
      g.tokens.push_back(url);
      last_cjk = false;
      if (rng.below(2)) {
        g.source += " ";
      }
    }
  }
  return g;
}

std::string without_whitespace(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') continue;
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

bool is_cjk(char32_t cp) { return unicode::drops_segment_break(cp); }

const std::u32string kNoLineStart = U"，。、；：！？）」』》】〕〉”’ー…,.;:!?)]}";

void check_paragraph(const Generated& g, const std::vector<std::string>& lines, std::size_t width,
                     std::string_view prefix, const std::string& where) {
  std::string joined;
  for (const std::string& full : lines) {
    ASSERT_EQ(full.compare(0, prefix.size(), prefix), 0) << where << ": line without prefix: " << full;
    const std::string line = full.substr(prefix.size());
    joined += line;
    const std::size_t w = unicode::display_width(full);
    if (width > 0 && w > width) {
      // Only one unbreakable token may overflow (no space in the line), with at most a little
      // punctuation glued to it.
      bool token = false;
      for (const std::string& t : g.tokens)
        if (line.find(t) != std::string::npos && w - unicode::display_width(t) - prefix.size() <= 6) token = true;
      token = token && line.find(' ') == std::string::npos;
      EXPECT_TRUE(token) << where << ": line of " << w << " columns at width " << width << ": " << full;
    }
    std::size_t pos = 0;
    const char32_t first = utf8::decode(line, pos);
    EXPECT_EQ(kNoLineStart.find(first), std::u32string::npos) << where << ": line starts with closing punctuation: " << full;
    // No invented space between two CJK characters (the generator never puts one there).
    std::vector<char32_t> cps;
    for (std::size_t at = 0; at < line.size();) cps.push_back(utf8::decode(line, at));
    for (std::size_t i = 1; i + 1 < cps.size(); ++i)
      EXPECT_FALSE(cps[i] == U' ' && is_cjk(cps[i - 1]) && is_cjk(cps[i + 1]))
          << where << ": space between CJK characters: " << full;
  }
  EXPECT_EQ(without_whitespace(joined), without_whitespace(g.source)) << where;
}

TEST(TextProperty, WrappedParagraphsKeepTextWidthAndCjkRules) {
  Random rng(20240625);
  std::vector<Generated> paragraphs;
  for (int i = 0; i < 400; ++i) paragraphs.push_back(paragraph(rng));
  Blocks blocks;
  for (const Generated& g : paragraphs) blocks.push_back(p(g.source));
  std::size_t checked_lines = 0;
  for (const std::size_t width : {12u, 20u, 37u, 78u, 0u}) {
    for (const bool quoted : {false, true}) {
      TextWriterOptions o;
      o.links = LinkStyle::none;
      o.columns = width == 0 ? 78 : static_cast<int>(width);
      if (width == 0) o.wrap = Wrap::none;
      const std::string out = render(quoted ? Blocks{quote(blocks)} : blocks, o);
      // Paragraphs are separated by one blank line ("" or ">" inside the quote).
      std::vector<std::vector<std::string>> groups(1);
      for (const std::string& line : test::split_lines(out)) {
        if (line.empty() || line == ">") {
          groups.emplace_back();
          continue;
        }
        groups.back().push_back(line);
      }
      ASSERT_EQ(groups.size(), paragraphs.size()) << "width " << width;
      for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::string where = "paragraph " + std::to_string(i) + " width " + std::to_string(width) +
                                  (quoted ? " quoted" : "");
        if (width == 0) {
          EXPECT_EQ(groups[i].size(), 1u) << where;
        }
        check_paragraph(paragraphs[i], groups[i], width, quoted ? "> " : "", where);
        checked_lines += groups[i].size();
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
  EXPECT_GT(checked_lines, 10000u);
}

}  // namespace
}  // namespace sheaf::test_text
