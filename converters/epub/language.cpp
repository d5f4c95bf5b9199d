#include "converters/epub/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::epub {
namespace {

bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// Letter counts by script over a prefix of the text.
struct ScriptCounts {
  std::size_t han = 0, kana = 0, hangul = 0, arabic = 0, hebrew = 0, other = 0;
  std::size_t seen = 0;  // code points examined
  static constexpr std::size_t budget = 20000;
  [[nodiscard]] bool full() const { return seen >= budget; }

  void add(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size() && !full()) {
      const char32_t cp = utf8::decode(s, pos);
      ++seen;
      if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
          (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF))
        ++han;
      else if ((cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30FC) ||
               (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9D))
        ++kana;
      else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
               (cp >= 0x3130 && cp <= 0x318F))
        ++hangul;
      else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
               (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
        ++arabic;
      else if (cp >= 0x0590 && cp <= 0x05FF)
        ++hebrew;
      else if ((cp < 0x80 && alpha(static_cast<char>(cp))) || (cp >= 0xC0 && cp < 0x2000))
        ++other;
    }
  }
  void add(const Inlines& inlines);
  void add(const Blocks& blocks);
};

void ScriptCounts::add(const Inlines& inlines) {
  for (const Inline& in : inlines) {
    if (full()) return;
    std::visit(overloaded{
                   [&](const Text& t) { add(t.text); },
                   [&](const Emph& e) { add(e.children); },
                   [&](const Strong& e) { add(e.children); },
                   [&](const Strikeout& e) { add(e.children); },
                   [&](const Superscript& e) { add(e.children); },
                   [&](const Subscript& e) { add(e.children); },
                   [&](const Code&) {},  // code says nothing about the prose language
                   [&](const Link& l) { add(l.children); },
                   [&](const Image& i) { add(i.alt); },
                   [&](const LineBreak&) {},
                   [&](const Note& n) { add(n.content); },
                   [&](const Math&) {},
                   [&](const Span& s) { add(s.children); },
                   [&](const RawInline&) {},  // markup, no script to count
               },
               in.node);
  }
}

void ScriptCounts::add(const Blocks& blocks) {
  for (const Block& b : blocks) {
    if (full()) return;
    std::visit(overloaded{
                   [&](const Paragraph& p) { add(p.children); },
                   [&](const Heading& h) { add(h.children); },
                   [&](const BulletList& l) {
                     for (const ListItem& i : l.items) add(i.children);
                   },
                   [&](const OrderedList& l) {
                     for (const ListItem& i : l.items) add(i.children);
                   },
                   [&](const BlockQuote& q) { add(q.children); },
                   [&](const CodeBlock&) {},
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                     add(t.caption);
                     for (const auto* rows : {&t.head, &t.body})
                       for (const TableRow& r : *rows)
                         for (const TableCell& c : r.cells) add(c.content);
                   },
                   [&](const Figure& f) {
                     add(f.caption);
                     add(f.image.alt);
                   },
                   [&](const DefinitionList& d) {
                     for (const DefinitionItem& i : d.items) {
                       add(i.term);
                       for (const Blocks& def : i.definitions) add(def);
                     }
                   },
                   [&](const Div& d) { add(d.children); },
                   [&](const RawBlock&) {},
               },
               b.node);
  }
}

}  // namespace

std::optional<std::string> normalize_language(std::string_view tag) {
  while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
  while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
  // POSIX locales: "zh_CN.UTF-8", "en_US@euro".
  if (const auto cut = tag.find_first_of(".@"); cut != std::string_view::npos) tag = tag.substr(0, cut);
  if (tag.empty()) return std::nullopt;
  std::vector<std::string> subtags;
  std::string current;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      subtags.push_back(std::move(current));
      current.clear();
    } else if (alnum(c)) {
      current += c;
    } else {
      return std::nullopt;
    }
  }
  subtags.push_back(std::move(current));
  // Primary language: 2–3 letters (ISO 639). The 5–8 letter form is reserved and unused, and
  // rejecting it keeps locale names like "POSIX" out.
  const std::string& primary = subtags.front();
  if (primary.size() < 2 || primary.size() > 3 ||
      !std::all_of(primary.begin(), primary.end(), alpha))
    return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < subtags.size(); ++i) {
    std::string s = subtags[i];
    if (s.empty() || s.size() > 8) return std::nullopt;
    std::transform(s.begin(), s.end(), s.begin(), lower);
    if (i > 0 && s.size() == 4 && std::all_of(s.begin(), s.end(), alpha)) {
      s[0] = upper(s[0]);  // script: Hant
    } else if (i > 0 && s.size() == 2 && std::all_of(s.begin(), s.end(), alpha)) {
      std::transform(s.begin(), s.end(), s.begin(), upper);  // region: CN
    }
    if (i > 0) out += '-';
    out += s;
  }
  return out;
}

std::string infer_language(const Document& doc) {
  ScriptCounts counts;
  counts.add(doc.blocks);
  const std::size_t cjk = counts.han + counts.kana + counts.hangul;
  // A CJK character carries about as much text as a short Latin word: weigh it accordingly, so a
  // Chinese article quoting English names is Chinese and an English one quoting a name is English.
  if (cjk > 0 && cjk * 3 >= counts.other + counts.arabic + counts.hebrew) {
    if (counts.kana * 20 >= cjk) return "ja";
    if (counts.hangul > counts.han) return "ko";
    return "zh";
  }
  if (counts.arabic > counts.other && counts.arabic >= counts.hebrew) return "ar";
  if (counts.hebrew > counts.other) return "he";
  return "en";
}

bool is_rtl(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> rtl = {
      "ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr", "arc", "iw", "ji"};
  const std::string_view primary = tag.substr(0, tag.find('-'));
  if (std::find(rtl.begin(), rtl.end(), primary) != rtl.end()) return true;
  return tag.find("-Arab") != std::string_view::npos || tag.find("-Hebr") != std::string_view::npos;
}

}  // namespace sheaf::epub
