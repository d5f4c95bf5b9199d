#pragma once
// A canonical text form of document structure, computed both from a sheaf Document and from
// cmark-gfm's tree of the Markdown written for it, so that tests compare what a reader of the
// rendered page gets rather than bytes:
//   - blocks as `P[...]`, `H2[...]`, `UL tight{LI{...}}`, `OL 3 loose{...}`, `Q{...}`,
//     `CODE lang "text"`, `HR`, `TABLE l,c{HEAD{ROW{CELL[...]}}BODY{...}}`, `NOTE{...}`;
//   - inline content as runs of characters with the same formatting: `{E}`, `{S}`, `{D}` for
//     emphasis, strong, strikeout (a set: nesting order and nesting of one kind do not count), `{C}` code,
//     `{L url|title}` links; images `<IMG src|alt|title>`, hard breaks `<BR>`, footnote calls
//     `<FN>`. Whitespace and punctuation carry no E/S/D (the writer may move them out of emphasis).
#include <algorithm>
#include <cctype>
#include <string_view>
#include <string>
#include <vector>

#include "converters/markdown/md_unicode.hpp"
#include "core/document.hpp"
#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::test_md {

/// One inline element: a character with its formatting, or a token.
struct CanonChar {
  std::string ch;   ///< one UTF-8 character, or a token like <BR>
  std::string fmt;  ///< formatting letters and link targets, sorted
};

/// What two canonical forms may differ in and still count as equal.
struct CanonOptions {
  /// GFM's autolink extension links a plain e-mail address in text, and nothing in GFM prevents
  /// it: `mailto:` links count as their text.
  bool mailto_as_text = false;
};

/// Canonical string of a run of CanonChars (merges runs, drops E/S/D on space and punctuation).
inline std::string canonical_inline(const std::vector<CanonChar>& chars, CanonOptions options = {});

/// The canonical form of `doc` (footnotes as NOTE blocks after the body, in call order).
inline std::string canonical(const Document& doc, CanonOptions options = {});

namespace canonical_detail {

inline std::string sorted(std::vector<std::string> parts) {
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

inline bool math_is_inert(const std::string& tex) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (tex.empty() || tex.front() == ' ' || tex.back() == ' ') return false;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    const char c = tex[i];
    if (std::string_view("*`[]<&~!|$\n\r").find(c) != std::string_view::npos) return false;
    if (c == '\\' && (i + 1 == tex.size() || std::ispunct(static_cast<unsigned char>(tex[i + 1])))) return false;
    if (c == '_' && !(i > 0 && i + 1 < tex.size() && alnum(tex[i - 1]) && alnum(tex[i + 1]))) return false;
  }
  return true;
}

class Canon {
 public:
  explicit Canon(CanonOptions options) : options_(options) {}

  std::string doc(const Document& d) {
    std::string out = blocks(d.blocks);
    for (std::size_t i = 0; i < notes_.size(); ++i) out += "NOTE{" + blocks(notes_[i]->content) + "}";
    return out;
  }

 private:
  std::string blocks(const Blocks& bs) {
    std::string out;
    for (const Block& b : bs) out += block(b);
    return out;
  }

  std::string block(const Block& b) {
    return std::visit(
        overloaded{
            [&](const Paragraph& p) { return "P[" + inlines(p.children, true) + "]"; },
            [&](const Heading& h) {
              return "H" + std::to_string(h.level) + "[" + inlines(h.children, true) + "]";
            },
            [&](const BulletList& l) { return "UL " + tightness(l.items, l.tight) + "{" + items(l.items) + "}"; },
            [&](const OrderedList& l) {
              return "OL " + std::to_string(l.start) + " " + tightness(l.items, l.tight) + "{" + items(l.items) + "}";
            },
            [&](const BlockQuote& q) { return "Q{" + blocks(q.children) + "}"; },
            [&](const CodeBlock& c) {
              std::string t = c.text;
              if (!t.empty() && t.back() == '\n') t.pop_back();
              return "CODE " + c.language + " \"" + t + "\"";
            },
            [&](const ThematicBreak&) { return std::string("HR"); },
            [&](const Table& t) {
              std::string out = "TABLE ";
              for (Alignment a : t.columns)
                out += a == Alignment::none ? "n" : a == Alignment::left ? "l" : a == Alignment::center ? "c" : "r";
              out += "{HEAD{" + rows(t.head, t.columns.size()) + "}BODY{" + rows(t.body, t.columns.size()) + "}}";
              return out;
            },
            [&](const Figure& f) {
              Inlines line{Inline{f.image}};
              if (!f.caption.empty() || !f.credit.empty()) line.push_back(Inline{LineBreak{}});
              if (!f.caption.empty()) line.push_back(Inline{Emph{f.caption}});
              if (!f.caption.empty() && !f.credit.empty()) line.push_back(Inline{Text{" "}});
              if (!f.credit.empty()) line.push_back(Inline{Emph{f.credit}});
              return "P[" + inlines(line, true) + "]";
            },
            [&](const DefinitionList&) { return std::string("DL"); },
            [&](const Div& d) { return blocks(d.children); },
            [&](const RawBlock& r) { return "RAW " + r.format; },
        },
        b.node);
  }

  /// A loose list shows as loose only where a blank line separates two of its blocks: between
  /// items, or inside an item with two blocks (docs/formats/markdown.md, "Normalisations").
  static std::string tightness(const std::vector<ListItem>& items, bool tight) {
    if (tight) return "tight";
    bool shows = false;
    for (std::size_t n = 0; n < items.size(); ++n) {
      const Blocks& b = items[n].children;
      for (std::size_t k = 0; k < b.size(); ++k)
        if ((k + 1 < b.size() || n + 1 < items.size()) && blank_counts(b[k])) shows = true;
    }
    return shows ? "loose" : "tight";
  }
  /// cmark ignores the blank line after a thematic break when it decides looseness.
  static bool blank_counts(const Block& b) {
    if (std::holds_alternative<ThematicBreak>(b.node)) return false;
    const std::vector<ListItem>* items = nullptr;
    if (const auto* l = std::get_if<BulletList>(&b.node)) items = &l->items;
    if (const auto* l = std::get_if<OrderedList>(&b.node)) items = &l->items;
    if (items && !items->empty() && !items->back().children.empty()) return blank_counts(items->back().children.back());
    return true;
  }

  std::string items(const std::vector<ListItem>& items) {
    std::string out;
    for (const ListItem& i : items) {
      out += "LI";
      if (i.task == Task::open) out += "[ ]";
      if (i.task == Task::done) out += "[x]";
      out += '{';
      out += blocks(i.children);
      out += '}';
    }
    return out;
  }

  std::string rows(const std::vector<TableRow>& rs, std::size_t columns) {
    std::string out;
    for (const TableRow& r : rs) {
      out += "ROW{";
      for (std::size_t c = 0; c < columns; ++c) {
        out += "CELL[";
        if (c < r.cells.size() && !r.cells[c].content.empty())
          if (const auto* p = std::get_if<Paragraph>(&r.cells[c].content.front().node))
            out += inlines(p->children, true);
        out += "]";
      }
      out += "}";
    }
    return out;
  }

  std::string inlines(const Inlines& ins, bool top) {
    std::vector<CanonChar> chars;
    std::vector<std::string> fmt;
    walk(ins, fmt, chars, false);
    if (top) trim_line_edges(chars);
    return canonical_inline(chars, options_);
  }

  /// Only emphasis-like formatting (which the writer hoists whitespace out of).
  static bool plain_or_emphasis(const std::string& fmt) {
    std::size_t start = 0;
    while (start < fmt.size()) {
      std::size_t end = fmt.find(' ', start);
      if (end == std::string::npos) end = fmt.size();
      const std::string word = fmt.substr(start, end - start);
      if (word != "E" && word != "S" && word != "D") return false;
      start = end + 1;
    }
    return true;
  }
  static bool in_code(const std::string& fmt) {
    return fmt == "C" || fmt.rfind("C ", 0) == 0 || fmt.find(" C ") != std::string::npos ||
           (fmt.size() >= 2 && fmt.compare(fmt.size() - 2, 2, " C") == 0);
  }
  static bool collapsible(const CanonChar& c) { return (c.ch == " " || c.ch == "\t") && !in_code(c.fmt); }
  static bool top_break(const CanonChar& c) { return c.ch == "<BR>"; }

  /// The writer's documented normalisation: spaces and tabs at the start and end of a block and
  /// around its hard breaks are dropped, and so are hard breaks at the end.
  static void trim_line_edges(std::vector<CanonChar>& chars) {
    // `<A>` (a link's start) is transparent: whitespace collapses across element boundaries.
    auto drop_before = [](std::vector<CanonChar>& v, bool breaks_too) {
      std::size_t j = v.size();
      while (j > 0) {
        const CanonChar& c = v[j - 1];
        if (c.ch == "<A>") {
          --j;
          continue;
        }
        if (collapsible(c) || (breaks_too && top_break(c))) {
          v.erase(v.begin() + static_cast<std::ptrdiff_t>(j - 1));
          --j;
          continue;
        }
        break;
      }
    };
    std::vector<CanonChar> out;
    bool line_start = true;
    for (const CanonChar& c : chars) {
      if (line_start && collapsible(c)) continue;
      if (top_break(c)) {
        drop_before(out, false);
        line_start = true;
      } else if (c.ch != "<A>") {
        line_start = false;
      }
      out.push_back(c);
    }
    drop_before(out, true);
    chars = std::move(out);
  }

  void text(const std::string& s, const std::vector<std::string>& fmt, std::vector<CanonChar>& out) {
    std::size_t pos = 0;
    while (pos < s.size()) {
      const std::size_t start = pos;
      const char32_t cp = utf8::decode(s, pos);
      std::string ch = s.substr(start, pos - start);
      if (cp == U'\n' || cp == U'\r') ch.assign(1, ' ');
      out.push_back(CanonChar{ch, sorted(fmt)});
    }
  }

  void walk(const Inlines& ins, std::vector<std::string>& fmt, std::vector<CanonChar>& out, bool in_link) {
    for (const Inline& in : ins) {
      std::visit(
          overloaded{
              [&](const Text& t) { text(t.text, fmt, out); },
              [&](const Emph& e) { nest("E", e.children, fmt, out, in_link); },
              [&](const Strong& s) { nest("S", s.children, fmt, out, in_link); },
              [&](const Strikeout& s) {
                if (std::find(fmt.begin(), fmt.end(), "D") != fmt.end()) walk(s.children, fmt, out, in_link);
                else nest("D", s.children, fmt, out, in_link);
              },
              [&](const Superscript& s) { nest("^", s.children, fmt, out, in_link); },
              [&](const Subscript& s) { nest("_", s.children, fmt, out, in_link); },
              [&](const Code& c) {
                fmt.push_back("C");
                text(c.text, fmt, out);
                fmt.pop_back();
              },
              [&](const Link& l) {
                if (in_link) {
                  walk(l.children, fmt, out, true);
                  return;
                }
                fmt.push_back("L" + l.url + "|" + l.title);
                out.push_back(CanonChar{"<A>", sorted(fmt)});
                walk(l.children, fmt, out, true);
                fmt.pop_back();
              },
              [&](const Image& i) {
                out.push_back(CanonChar{"<IMG " + i.src + "|" + i.alt + "|" + i.title + ">", sorted(fmt)});
              },
              [&](const LineBreak&) { out.push_back(CanonChar{"<BR>", sorted(fmt)}); },
              [&](const Note& n) {
                notes_.push_back(&n);
                out.push_back(CanonChar{"<FN>", sorted(fmt)});
              },
              [&](const Math& source) {
                // The documented form: `$tex$` (or `$$`), with the TeX in a code span
                // (`` $`tex`$ ``) when CommonMark would otherwise read syntax in it; newlines in
                // the TeX are spaces.
                Math m = source;
                for (char& c : m.tex)
                  if (c == '\n' || c == '\r') c = ' ';
                const std::string fence = m.display ? "$$" : "$";
                text(fence, fmt, out);
                if (math_is_inert(m.tex)) {
                  text(m.tex, fmt, out);
                } else {
                  fmt.push_back("C");
                  text(m.tex, fmt, out);
                  fmt.pop_back();
                }
                text(fence, fmt, out);
              },
              [&](const Span& s) { walk(s.children, fmt, out, in_link); },
              [&](const RawInline& r) { text(r.text, fmt, out); },
          },
          in.node);
    }
  }

  void nest(const char* f, const Inlines& children, std::vector<std::string>& fmt,
            std::vector<CanonChar>& out, bool in_link) {
    fmt.push_back(f);
    walk(children, fmt, out, in_link);
    fmt.pop_back();
  }

  std::vector<const Note*> notes_;
  CanonOptions options_;
};

inline bool loose_formatting(const std::string& ch) {
  if (ch.empty()) return false;
  if (ch == "<BR>") return true;  // hard breaks move out of emphasis like whitespace
  std::size_t pos = 0;
  const char32_t cp = utf8::decode(ch, pos);
  if (pos != ch.size()) return false;  // a token like <BR> keeps its formatting
  return markdown::md_is_space(cp) || markdown::md_is_punctuation(cp);
}

}  // namespace canonical_detail

inline std::string canonical_inline(const std::vector<CanonChar>& input, CanonOptions options) {
  using namespace canonical_detail;
  std::vector<CanonChar> chars;
  chars.reserve(input.size());
  for (CanonChar c : input) {
    if (options.mailto_as_text) {
      std::string kept;
      bool mailto = false;
      std::size_t start = 0;
      while (start <= c.fmt.size()) {
        std::size_t end = c.fmt.find(' ', start);
        if (end == std::string::npos) end = c.fmt.size();
        const std::string word = c.fmt.substr(start, end - start);
        if (word.rfind("Lmailto:", 0) == 0) mailto = true;
        else if (!word.empty()) kept += (kept.empty() ? "" : " ") + word;
        start = end + 1;
      }
      if (mailto && c.ch == "<A>") continue;
      c.fmt = kept;
    }
    chars.push_back(std::move(c));
  }
  std::string out;
  std::string current = "\x01";
  for (const CanonChar& c : chars) {
    std::string fmt = c.fmt;
    if (loose_formatting(c.ch)) {
      // Drop E, S and D (whole words) from the formatting of whitespace and punctuation.
      std::string kept;
      std::size_t start = 0;
      while (start <= fmt.size()) {
        std::size_t end = fmt.find(' ', start);
        if (end == std::string::npos) end = fmt.size();
        const std::string word = fmt.substr(start, end - start);
        if (!word.empty() && word != "E" && word != "S" && word != "D") kept += (kept.empty() ? "" : " ") + word;
        start = end + 1;
      }
      fmt = kept;
    }
    {
      // Emphasis inside emphasis renders as emphasis (and so for strong and strikeout).
      std::string deduped;
      bool seen_e = false, seen_s = false, seen_d = false;
      std::size_t start = 0;
      while (start <= fmt.size()) {
        std::size_t end = fmt.find(' ', start);
        if (end == std::string::npos) end = fmt.size();
        const std::string word = fmt.substr(start, end - start);
        bool& seen = word == "E" ? seen_e : word == "S" ? seen_s : seen_d;
        const bool repeat = (word == "E" || word == "S" || word == "D") && seen;
        if (!word.empty() && !repeat) deduped += (deduped.empty() ? "" : " ") + word;
        if (word == "E" || word == "S" || word == "D") seen = true;
        start = end + 1;
      }
      fmt = deduped;
    }
    if (fmt != current) {
      out += "{" + fmt + "}";
      current = fmt;
    }
    out += c.ch;
  }
  return out;
}

inline std::string canonical(const Document& doc, CanonOptions options) {
  return canonical_detail::Canon(options).doc(doc);
}


}  // namespace sheaf::test_md
