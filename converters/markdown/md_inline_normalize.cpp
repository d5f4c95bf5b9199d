#include "converters/markdown/md_inline_normalize.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "converters/markdown/md_unicode.hpp"
#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::markdown {
namespace {

bool is_emphasis_like(const Inline& in) {
  return std::holds_alternative<Emph>(in.node) || std::holds_alternative<Strong>(in.node) ||
         std::holds_alternative<Strikeout>(in.node);
}

Inlines* emphasis_children(Inline& in) {
  if (auto* e = std::get_if<Emph>(&in.node)) return &e->children;
  if (auto* s = std::get_if<Strong>(&in.node)) return &s->children;
  if (auto* k = std::get_if<Strikeout>(&in.node)) return &k->children;
  return nullptr;
}

/// Appends `in` to `out`, merging adjacent text (and adjacent code, whose backtick fences would
/// run together) and dropping empty text.
void push(Inlines& out, Inline in) {
  if (auto* t = std::get_if<Text>(&in.node)) {
    if (t->text.empty()) return;
    if (!out.empty())
      if (auto* last = std::get_if<Text>(&out.back().node)) {
        last->text += t->text;
        return;
      }
  }
  if (auto* c = std::get_if<Code>(&in.node))
    if (!out.empty())
      if (auto* last = std::get_if<Code>(&out.back().node)) {
        last->text += c->text;
        return;
      }
  // Two emphasis, strong or strikeout nodes in a row render as one, and their delimiters would
  // run together (`*a**b*`, `~~a~~~~b~~`).
  if (!out.empty()) {
    Inlines* last = nullptr;
    Inlines* kids = nullptr;
    if (auto* k = std::get_if<Strikeout>(&in.node)) {
      kids = &k->children;
      if (auto* l = std::get_if<Strikeout>(&out.back().node)) last = &l->children;
    } else if (auto* e = std::get_if<Emph>(&in.node)) {
      kids = &e->children;
      if (auto* l = std::get_if<Emph>(&out.back().node)) last = &l->children;
    } else if (auto* g = std::get_if<Strong>(&in.node)) {
      kids = &g->children;
      if (auto* l = std::get_if<Strong>(&out.back().node)) last = &l->children;
    }
    if (last && kids) {
      for (Inline& child : *kids) push(*last, std::move(child));
      return;
    }
  }
  out.push_back(std::move(in));
}

void push_all(Inlines& out, Inlines ins) {
  for (Inline& in : ins) push(out, std::move(in));
}

/// Length in bytes of the leading (or trailing) run of flanking whitespace in `s`.
std::size_t leading_space(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t next = pos;
    if (!md_is_space(utf8::decode(s, next))) break;
    pos = next;
  }
  return pos;
}
std::size_t trailing_space(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size()) {
    const std::string_view head = s.substr(0, s.size() - n);
    if (!md_is_space(md_last_code_point(head))) break;
    std::size_t start = head.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(head[start]) & 0xC0) == 0x80) --start;
    n = s.size() - start;
  }
  return n;
}

CharClass edge_class(const Inline& in, bool first, bool html_breaks) {
  if (const auto* t = std::get_if<Text>(&in.node))
    return md_char_class(first ? md_first_code_point(t->text) : md_last_code_point(t->text));
  if (std::holds_alternative<LineBreak>(in.node) && !first && !html_breaks) return CharClass::space;
  return CharClass::punct;  // every other construct is written starting and ending with ASCII punctuation
}

/// Byte length of the first code point of `s` plus the combining marks (width 0) after it.
std::size_t first_cluster(std::string_view s) {
  std::size_t pos = 0;
  utf8::decode(s, pos);
  while (pos < s.size()) {
    std::size_t next = pos;
    const char32_t cp = utf8::decode(s, next);
    if (!(cp >= 0x300 && cp <= 0x36F) && !(cp >= 0xFE00 && cp <= 0xFE0F)) break;
    pos = next;
  }
  return pos;
}
std::size_t last_cluster(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0) {
    std::size_t b = start - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    std::size_t pos = b;
    const char32_t cp = utf8::decode(s, pos);
    start = b;
    if (!(cp >= 0x300 && cp <= 0x36F) && !(cp >= 0xFE00 && cp <= 0xFE0F)) break;
  }
  return s.size() - start;
}

/// Moves leading whitespace and hard breaks of `children` to the end of `out`.
void hoist_front(Inlines& children, Inlines& out) {
  Inlines before;
  while (!children.empty()) {
    Inline& first = children.front();
    if (std::holds_alternative<LineBreak>(first.node)) {
      push(before, std::move(first));
      children.erase(children.begin());
      continue;
    }
    if (auto* t = std::get_if<Text>(&first.node)) {
      const std::size_t n = leading_space(t->text);
      if (n == 0) break;
      push(before, Inline{Text{t->text.substr(0, n)}});
      t->text.erase(0, n);
      if (t->text.empty()) children.erase(children.begin());
      continue;
    }
    break;
  }
  push_all(out, std::move(before));
}

/// Moves trailing whitespace and hard breaks of `children` to the front of `out`.
void hoist_back(Inlines& children, Inlines& out) {
  Inlines tail;
  while (!children.empty()) {
    Inline& last = children.back();
    if (std::holds_alternative<LineBreak>(last.node)) {
      tail.insert(tail.begin(), std::move(last));
      children.pop_back();
      continue;
    }
    if (auto* t = std::get_if<Text>(&last.node)) {
      const std::size_t n = trailing_space(t->text);
      if (n == 0) break;
      tail.insert(tail.begin(), Inline{Text{t->text.substr(t->text.size() - n)}});
      t->text.resize(t->text.size() - n);
      if (t->text.empty()) children.pop_back();
      continue;
    }
    break;
  }
  push_all(tail, std::move(out));
  out = std::move(tail);
}

/// Splits whitespace and hard breaks off both edges of `children` into `before` and `after`.
void hoist_edges(Inlines& children, Inlines& before, Inlines& after) {
  hoist_front(children, before);
  hoist_back(children, after);
}

/// One pass over a normalised inline list: where an emphasis-like node starts (ends) with
/// punctuation and the character outside it is a letter, its delimiter could not open (close), so
/// that punctuation moves outside. Nodes where nothing can move are left for the emphasis check.
Inlines move_edge_punctuation(Inlines items, CharClass outer_left, CharClass outer_right,
                              bool html_breaks) {
  Inlines result;
  result.reserve(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) {
    Inline& item = items[k];
    if (!is_emphasis_like(item)) {
      push(result, std::move(item));
      continue;
    }
    Inlines& kids = *emphasis_children(item);
    const CharClass left = result.empty() ? outer_left : edge_class(result.back(), false, html_breaks);
    const CharClass right =
        k + 1 < items.size() ? edge_class(items[k + 1], true, html_breaks) : outer_right;
    if (left == CharClass::other && edge_class(kids.front(), true, html_breaks) == CharClass::punct)
      if (auto* t = std::get_if<Text>(&kids.front().node)) {
        const std::size_t n = first_cluster(t->text);
        if (n < t->text.size() || kids.size() > 1) {
          push(result, Inline{Text{t->text.substr(0, n)}});
          t->text.erase(0, n);
          if (t->text.empty()) kids.erase(kids.begin());
          hoist_front(kids, result);
        }
      }
    Inlines after;
    if (!kids.empty() && right == CharClass::other &&
        edge_class(kids.back(), false, html_breaks) == CharClass::punct)
      if (auto* t = std::get_if<Text>(&kids.back().node)) {
        const std::size_t n = last_cluster(t->text);
        if (n < t->text.size() || kids.size() > 1) {
          push(after, Inline{Text{t->text.substr(t->text.size() - n)}});
          t->text.resize(t->text.size() - n);
          if (t->text.empty()) kids.pop_back();
          hoist_back(kids, after);
        }
      }
    if (kids.empty()) {
      // Only whitespace was left once the punctuation moved: nothing to emphasise.
    } else {
      push(result, std::move(item));
    }
    push_all(result, std::move(after));
  }
  return result;
}

class Normalizer {
 public:
  explicit Normalizer(bool html_breaks) : html_breaks_(html_breaks) {}

  /// Normalises `in` into `out`; `in_link`: inside link text; `parent`: the emphasis-like node
  /// `out` belongs to directly (emphasis in emphasis, strong in strong and strikeout in strikeout
  /// render as one).
  enum class Parent { other, emph, strong, strike };
  void node(const Inline& in, Inlines& out, bool in_link, Parent parent = Parent::other) {
    std::visit(
        overloaded{
            [&](const Text& t) {
              std::string s = t.text;
              for (char& c : s)
                if (c == '\n' || c == '\r') c = ' ';
              push(out, Inline{Text{std::move(s)}});
            },
            [&](const Emph& e) { emphasis(Inline{Emph{}}, e.children, out, in_link, Parent::emph); },
            [&](const Strong& s) {
              if (s.children.size() == 1)
                if (const auto* inner = std::get_if<Emph>(&s.children.front().node)) {
                  Inline swapped{Emph{{Inline{Strong{inner->children}}}}};
                  node(swapped, out, in_link, parent);
                  return;
                }
              emphasis(Inline{Strong{}}, s.children, out, in_link, Parent::strong);
            },
            [&](const Strikeout& s) {
              if (parent == Parent::strike) {
                for (const Inline& c : s.children) node(c, out, in_link, Parent::strike);
                return;
              }
              emphasis(Inline{Strikeout{}}, s.children, out, in_link, Parent::strike);
            },
            [&](const Superscript& s) {
              Inlines kids = list(s.children, in_link, CharClass::punct, CharClass::punct);
              if (!kids.empty()) push(out, Inline{Superscript{std::move(kids)}});
            },
            [&](const Subscript& s) {
              Inlines kids = list(s.children, in_link, CharClass::punct, CharClass::punct);
              if (!kids.empty()) push(out, Inline{Subscript{std::move(kids)}});
            },
            [&](const Code& c) {
              if (!c.text.empty()) push(out, in);
            },
            [&](const Link& l) {
              if (in_link) {  // CommonMark links cannot nest: keep the inner link's text
                for (const Inline& c : l.children) node(c, out, true);
                return;
              }
              Link copy{l.url, l.title, list(l.children, true, CharClass::punct, CharClass::punct)};
              push(out, Inline{std::move(copy)});
            },
            [&](const Image&) { push(out, in); },
            [&](const LineBreak&) { push(out, in); },
            [&](const Note&) { push(out, in); },
            [&](const Math& m) {
              if (!m.tex.empty()) push(out, in);
            },
            [&](const Span& s) {
              if (s.attr.id.empty() && s.attr.lang.empty() && std::string_view(span_element(s.attr)) == "span") {
                for (const Inline& c : s.children) node(c, out, in_link, parent);
                return;
              }
              Span copy{s.attr, list(s.children, in_link, CharClass::punct, CharClass::punct)};
              push(out, Inline{std::move(copy)});
            },
            [&](const RawInline&) { push(out, in); },
        },
        in.node);
  }

  /// A normalised inline list whose outer neighbours are of the given classes.
  Inlines list(const Inlines& ins, bool in_link, CharClass left, CharClass right) {
    Inlines out;
    for (const Inline& in : ins) node(in, out, in_link);
    fix_punctuation(out, left, right);
    return out;
  }

  void fix_punctuation(Inlines& out, CharClass left, CharClass right) {
    out = move_edge_punctuation(std::move(out), left, right, html_breaks_);
  }

 private:
  void emphasis(Inline shell, const Inlines& kids, Inlines& out, bool in_link, Parent self) {
    Inlines children;
    for (const Inline& c : kids) node(c, children, in_link, self);
    fix_punctuation(children, CharClass::punct, CharClass::punct);
    Inlines before, after;
    hoist_edges(children, before, after);
    push_all(out, std::move(before));
    if (!children.empty()) {
      *emphasis_children(shell) = std::move(children);
      push(out, std::move(shell));
    }
    push_all(out, std::move(after));
  }

  bool html_breaks_;
};

}  // namespace

namespace {

bool is_collapsible(char c) { return c == ' ' || c == '\t'; }

/// Inline containers whose text a line edge reaches into (HTML collapses whitespace across
/// element boundaries; code keeps its spaces).
Inlines* text_container_kids(Inline& in) {
  if (auto* e = std::get_if<Emph>(&in.node)) return &e->children;
  if (auto* s = std::get_if<Strong>(&in.node)) return &s->children;
  if (auto* k = std::get_if<Strikeout>(&in.node)) return &k->children;
  if (auto* l = std::get_if<Link>(&in.node)) return &l->children;
  if (auto* p = std::get_if<Superscript>(&in.node)) return &p->children;
  if (auto* b = std::get_if<Subscript>(&in.node)) return &b->children;
  if (auto* n = std::get_if<Span>(&in.node)) return &n->children;
  return nullptr;
}
bool removable_when_empty(const Inline& in) {
  return std::holds_alternative<Emph>(in.node) || std::holds_alternative<Strong>(in.node) ||
         std::holds_alternative<Strikeout>(in.node) || std::holds_alternative<Superscript>(in.node) ||
         std::holds_alternative<Subscript>(in.node);
}

/// Drops spaces and tabs of text at a line start (the block start, or after a hard break), going
/// into emphasis; removes emphasis left empty. `line_start` carries the state across siblings.
void trim_forward(Inlines& ins, bool& line_start) {
  Inlines out;
  out.reserve(ins.size());
  for (Inline& i : ins) {
    if (auto* t = std::get_if<Text>(&i.node)) {
      if (line_start) {
        std::size_t n = 0;
        while (n < t->text.size() && is_collapsible(t->text[n])) ++n;
        t->text.erase(0, n);
        if (t->text.empty()) continue;
      }
      line_start = false;
    } else if (std::holds_alternative<LineBreak>(i.node)) {
      line_start = true;
    } else if (Inlines* kids = text_container_kids(i); kids && !kids->empty()) {
      trim_forward(*kids, line_start);
      if (kids->empty() && removable_when_empty(i)) continue;
    } else {
      line_start = false;
    }
    out.push_back(std::move(i));
  }
  ins = std::move(out);
}

/// The mirror image: spaces and tabs of text before a line end (a hard break, or the block end),
/// and hard breaks with nothing after them in the block (they render as nothing).
void trim_backward(Inlines& ins, bool& line_end, bool& block_end) {
  Inlines out;
  out.reserve(ins.size());
  for (auto it = ins.rbegin(); it != ins.rend(); ++it) {
    Inline& i = *it;
    if (auto* t = std::get_if<Text>(&i.node)) {
      if (line_end) {
        while (!t->text.empty() && is_collapsible(t->text.back())) t->text.pop_back();
        if (t->text.empty()) continue;
      }
      line_end = block_end = false;
    } else if (std::holds_alternative<LineBreak>(i.node)) {
      if (block_end) continue;
      line_end = true;
    } else if (Inlines* kids = text_container_kids(i); kids && !kids->empty()) {
      trim_backward(*kids, line_end, block_end);
      if (kids->empty() && removable_when_empty(i)) continue;
      // The flags now say what the container's own start left.
    } else {
      // An atom, or a container empty from the start (a link, or a span with an id: the
      // normaliser drops other empty ones), kept on purpose: the spaces next to it stay.
      line_end = block_end = false;
    }
    out.push_back(std::move(i));
  }
  std::reverse(out.begin(), out.end());
  ins = std::move(out);
}

/// Drops ASCII spaces and tabs at the start and end of the block and around its hard line
/// breaks: HTML does not render them, CommonMark strips most of them, and keeping them would take
/// character references (`&#32;`) that a reader then trims anyway. A hard break at the end of a
/// block renders as nothing (and as backslash-newline it would be a literal backslash): dropped.
Inlines trim_line_edges(Inlines in) {
  bool line_start = true;
  trim_forward(in, line_start);
  bool line_end = true, block_end = true;
  trim_backward(in, line_end, block_end);
  return in;
}

}  // namespace

Inlines md_normalize_inlines(const Inlines& inlines, bool html_breaks) {
  Normalizer n(html_breaks);
  return trim_line_edges(n.list(inlines, false, CharClass::space, CharClass::space));
}

}  // namespace sheaf::markdown
