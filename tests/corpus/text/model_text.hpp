#pragma once
// What a text rendering must contain, read off the model: every run of text (Text, Code, Math,
// code blocks, plain raw blocks, inline image alt text) and every link target.
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/overloaded.hpp"

namespace sheaf::test_text {

struct ModelText {
  std::vector<std::string> runs;  ///< in document order
  std::vector<std::string> urls;  ///< link targets, in document order
};

inline void collect(const Blocks& blocks, ModelText& out);

inline void collect(const Inlines& inlines, ModelText& out) {
  for (const Inline& node : inlines)
    std::visit(overloaded{
                   [&](const Text& t) { out.runs.push_back(t.text); },
                   [&](const Emph& e) { collect(e.children, out); },
                   [&](const Strong& s) { collect(s.children, out); },
                   [&](const Strikeout& s) { collect(s.children, out); },
                   [&](const Superscript& s) { collect(s.children, out); },
                   [&](const Subscript& s) { collect(s.children, out); },
                   [&](const Code& c) { out.runs.push_back(c.text); },
                   [&](const Link& l) {
                     out.urls.push_back(l.url);
                     collect(l.children, out);
                   },
                   [&](const Image& i) { out.runs.push_back(i.alt); },
                   [&](const LineBreak&) {},
                   [&](const Note& n) { collect(n.content, out); },
                   [&](const Math& m) { out.runs.push_back(m.tex); },
                   [&](const Span& s) { collect(s.children, out); },
                   [](const RawInline&) {},  // markup: no text of its own
               },
               node.node);
}

inline void collect(const Blocks& blocks, ModelText& out) {
  const auto rows = [&](const std::vector<TableRow>& list) {
    for (const TableRow& r : list)
      for (const TableCell& c : r.cells) collect(c.content, out);
  };
  for (const Block& block : blocks)
    std::visit(overloaded{
                   [&](const Paragraph& p) { collect(p.children, out); },
                   [&](const Heading& h) { collect(h.children, out); },
                   [&](const BulletList& l) {
                     for (const ListItem& i : l.items) collect(i.children, out);
                   },
                   [&](const OrderedList& l) {
                     for (const ListItem& i : l.items) collect(i.children, out);
                   },
                   [&](const BlockQuote& q) { collect(q.children, out); },
                   [&](const CodeBlock& c) { out.runs.push_back(c.text); },
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                     collect(t.caption, out);
                     rows(t.head);
                     rows(t.body);
                   },
                   [&](const Figure& f) {
                     // The alt text may be left out when it repeats the caption.
                     collect(f.caption, out);
                     collect(f.credit, out);
                   },
                   [&](const DefinitionList& d) {
                     for (const DefinitionItem& i : d.items) {
                       collect(i.term, out);
                       for (const Blocks& b : i.definitions) collect(b, out);
                     }
                   },
                   [&](const Div& d) { collect(d.children, out); },
                   [&](const RawBlock& r) {
                     if (r.format == "text" || r.format == "plain") out.runs.push_back(r.text);
                   },
               },
               block.node);
}

/// `s` without whitespace (ASCII, U+00A0, U+3000 kept out of comparisons) and without the
/// characters the writer drops (controls, U+00AD, U+FEFF).
inline std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7F) continue;
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xA0 || d == 0xAD || (d >= 0x80 && d < 0xA0)) {
        ++i;
        continue;
      }
    }
    if (s.compare(i, 3, "\xEF\xBB\xBF") == 0 || s.compare(i, 3, "\xE3\x80\x80") == 0 ||
        s.compare(i, 3, "\xE2\x80\xA8") == 0 || s.compare(i, 3, "\xE2\x80\xA9") == 0) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

/// squeeze() without any '>': quote prefixes and a '>' in the text compare alike.
inline std::string squeeze_unquoted(std::string_view s) {
  std::string out = squeeze(s);
  std::erase(out, '>');
  return out;
}

}  // namespace sheaf::test_text
