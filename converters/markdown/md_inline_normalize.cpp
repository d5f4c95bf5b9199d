#include "converters/markdown/md_inline_normalize.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
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
const Inlines* emphasis_children(const Inline& in) {
  if (const auto* e = std::get_if<Emph>(&in.node)) return &e->children;
  if (const auto* s = std::get_if<Strong>(&in.node)) return &s->children;
  if (const auto* k = std::get_if<Strikeout>(&in.node)) return &k->children;
  return nullptr;
}

/// Appends `in` to `out`, merging adjacent text (and adjacent code, whose backtick fences would
/// run together) and dropping empty text.
void push(Inlines& out, Inline&& in) {
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

/// push(out, Inline(in)) for an atom (code, image, hard break, note, math, raw), without the
/// temporary copy: only code merges with what is before it.
void push_atom(Inlines& out, const Inline& in) {
  if (const auto* c = std::get_if<Code>(&in.node))
    if (!out.empty())
      if (auto* last = std::get_if<Code>(&out.back().node)) {
        last->text += c->text;
        return;
      }
  out.push_back(in);
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

/// md_char_class of ASCII `b`, from a table of md_char_class's own answers.
CharClass ascii_char_class(unsigned char b) {
  static const std::array<CharClass, 128> table = [] {
    std::array<CharClass, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = md_char_class(c);
    return t;
  }();
  return table[b];
}
/// md_char_class of the first (last) code point of non-empty `s`; an ASCII byte is a whole code
/// point, so an ASCII edge needs no decoding.
CharClass first_char_class(std::string_view s) {
  const auto b = static_cast<unsigned char>(s.front());
  return b < 0x80 ? ascii_char_class(b) : md_char_class(md_first_code_point(s));
}
CharClass last_char_class(std::string_view s) {
  const auto b = static_cast<unsigned char>(s.back());
  return b < 0x80 ? ascii_char_class(b) : md_char_class(md_last_code_point(s));
}

CharClass edge_class(const Inline& in, bool first, bool html_breaks) {
  if (const auto* t = std::get_if<Text>(&in.node)) {
    if (t->text.empty()) return md_char_class(U'\n');  // (md_*_code_point's answer for no text)
    return first ? first_char_class(t->text) : last_char_class(t->text);
  }
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

/// Whether the punctuation starting emphasis-like `kids` (not empty) moves out before it: the
/// character outside, of class `left`, is a letter, and something stays inside.
bool front_punctuation_moves(const Inlines& kids, CharClass left, bool html_breaks) {
  if (!(left == CharClass::other && edge_class(kids.front(), true, html_breaks) == CharClass::punct))
    return false;
  const auto* t = std::get_if<Text>(&kids.front().node);
  return t && (first_cluster(t->text) < t->text.size() || kids.size() > 1);
}
/// The mirror image: the punctuation ending `kids` (possibly empty) moves out after it.
bool back_punctuation_moves(const Inlines& kids, CharClass right, bool html_breaks) {
  if (!(!kids.empty() && right == CharClass::other &&
        edge_class(kids.back(), false, html_breaks) == CharClass::punct))
    return false;
  const auto* t = std::get_if<Text>(&kids.back().node);
  return t && (last_cluster(t->text) < t->text.size() || kids.size() > 1);
}

/// Whether move_edge_punctuation would move anything at `item`, an inline of a list built by
/// push() between `previous` and `next` (null at the list's edges, whose outer neighbours are of
/// classes `outer_left` and `outer_right`), while nothing before it moved.
bool edge_punctuation_moves(const Inline* previous, const Inline& item, const Inline* next,
                            CharClass outer_left, CharClass outer_right, bool html_breaks) {
  if (!is_emphasis_like(item)) return false;
  const Inlines& kids = *emphasis_children(item);
  const CharClass left = previous ? edge_class(*previous, false, html_breaks) : outer_left;
  if (front_punctuation_moves(kids, left, html_breaks)) return true;
  const CharClass right = next ? edge_class(*next, true, html_breaks) : outer_right;
  return back_punctuation_moves(kids, right, html_breaks);
}

/// One pass over a normalised inline list: where an emphasis-like node starts (ends) with
/// punctuation and the character outside it is a letter, its delimiter could not open (close), so
/// that punctuation moves outside. Nodes where nothing can move are left for the emphasis check.
/// `items` was built by push(), so as long as nothing moves, re-pushing its items would change
/// nothing: the list is only rebuilt from the first node where something moves (most lists have
/// none, and a paragraph's list can hold hundreds of thousands of inlines).
Inlines move_edge_punctuation(Inlines items, CharClass outer_left, CharClass outer_right,
                              bool html_breaks) {
  Inlines result;
  bool rebuilding = false;  // result holds items[0, k) as pushed; otherwise items[0, k) stand as they are
  for (std::size_t k = 0; k < items.size(); ++k) {
    Inline& item = items[k];
    if (!is_emphasis_like(item)) {
      if (rebuilding) push(result, std::move(item));
      continue;
    }
    Inlines& kids = *emphasis_children(item);
    const Inline* previous = rebuilding ? (result.empty() ? nullptr : &result.back())
                                        : (k == 0 ? nullptr : &items[k - 1]);
    const CharClass left = previous ? edge_class(*previous, false, html_breaks) : outer_left;
    const CharClass right =
        k + 1 < items.size() ? edge_class(items[k + 1], true, html_breaks) : outer_right;
    auto front_moves = [&] { return front_punctuation_moves(kids, left, html_breaks); };
    auto back_moves = [&] { return back_punctuation_moves(kids, right, html_breaks); };
    if (!rebuilding) {
      if (!front_moves() && !back_moves()) continue;  // (the back check sees the same kids)
      rebuilding = true;
      result.reserve(items.size() + 4);
      for (std::size_t j = 0; j < k; ++j) result.push_back(std::move(items[j]));
    }
    if (front_moves()) {
      auto* t = std::get_if<Text>(&kids.front().node);
      const std::size_t n = first_cluster(t->text);
      push(result, Inline{Text{t->text.substr(0, n)}});
      t->text.erase(0, n);
      if (t->text.empty()) kids.erase(kids.begin());
      hoist_front(kids, result);
    }
    Inlines after;
    if (back_moves()) {
      auto* t = std::get_if<Text>(&kids.back().node);
      const std::size_t n = last_cluster(t->text);
      push(after, Inline{Text{t->text.substr(t->text.size() - n)}});
      t->text.resize(t->text.size() - n);
      if (t->text.empty()) kids.pop_back();
      hoist_back(kids, after);
    }
    if (kids.empty()) {
      // Only whitespace was left once the punctuation moved: nothing to emphasise.
    } else {
      push(result, std::move(item));
    }
    push_all(result, std::move(after));
  }
  if (!rebuilding) return items;
  return result;
}

/// Watches a list being built by push() for a node where move_edge_punctuation would move
/// something, checking each node as soon as it and its successor's start are final (push() only
/// changes the last node, and only at its end), while it is still in cache: a list where nothing
/// moves (most, and a paragraph's can hold hundreds of thousands of inlines) then needs no
/// second pass.
class EdgePunctuationWatch {
 public:
  EdgePunctuationWatch(CharClass outer_left, CharClass outer_right, bool html_breaks)
      : outer_left_(outer_left), outer_right_(outer_right), html_breaks_(html_breaks) {}

  /// Checks the nodes of `items` that have a successor and were not checked yet.
  void advance(const Inlines& items) {
    for (; !moves_ && checked_ + 1 < items.size(); ++checked_) check(items, checked_);
  }
  /// Checks the rest of the finished list; returns whether anything would move.
  bool finish(const Inlines& items) {
    for (; !moves_ && checked_ < items.size(); ++checked_) check(items, checked_);
    return moves_;
  }

 private:
  void check(const Inlines& items, std::size_t k) {
    const Inline* previous = k == 0 ? nullptr : &items[k - 1];
    const Inline* next = k + 1 < items.size() ? &items[k + 1] : nullptr;
    moves_ = edge_punctuation_moves(previous, items[k], next, outer_left_, outer_right_, html_breaks_);
  }

  CharClass outer_left_, outer_right_;
  bool html_breaks_;
  std::size_t checked_ = 0;  ///< items[0, checked_) checked
  bool moves_ = false;
};

class Normalizer {
 public:
  explicit Normalizer(bool html_breaks) : html_breaks_(html_breaks) {}

  MdNormalizeCounts counts;  ///< what node() visited so far
  bool saw_line_break = false;  ///< node() met a hard break (normalising never makes one)

  /// Normalises `in` into `out`; `in_link`: inside link text; `parent`: the emphasis-like node
  /// `out` belongs to directly (emphasis in emphasis, strong in strong and strikeout in strikeout
  /// render as one).
  enum class Parent { other, emph, strong, strike };
  void node(const Inline& in, Inlines& out, bool in_link, Parent parent = Parent::other) {
    ++counts.inlines;
    std::visit(
        overloaded{
            [&](const Text& t) {
              // As push() would: empty text dropped, adjacent text merged (without a temporary).
              if (t.text.empty()) return;
              auto* last = out.empty() ? nullptr : std::get_if<Text>(&out.back().node);
              std::string& s = last ? last->text : std::get<Text>(out.emplace_back().node).text;
              const std::size_t from = s.size();
              s += t.text;
              for (std::size_t i = from; i < s.size(); ++i)
                if (s[i] == '\n' || s[i] == '\r') s[i] = ' ';
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
              ++counts.containers;
              Inlines kids = list(s.children, in_link, CharClass::punct, CharClass::punct);
              if (!kids.empty()) push(out, Inline{Superscript{std::move(kids)}});
            },
            [&](const Subscript& s) {
              ++counts.containers;
              Inlines kids = list(s.children, in_link, CharClass::punct, CharClass::punct);
              if (!kids.empty()) push(out, Inline{Subscript{std::move(kids)}});
            },
            [&](const Code& c) {
              if (!c.text.empty()) push_atom(out, in);
            },
            [&](const Link& l) {
              if (in_link) {  // CommonMark links cannot nest: keep the inner link's text
                for (const Inline& c : l.children) node(c, out, true);
                return;
              }
              ++counts.containers;
              Link copy{l.url, l.title, list(l.children, true, CharClass::punct, CharClass::punct)};
              push(out, Inline{std::move(copy)});
            },
            [&](const Image&) { push_atom(out, in); },
            [&](const LineBreak&) {
              saw_line_break = true;
              push_atom(out, in);
            },
            [&](const Note&) { push_atom(out, in); },
            [&](const Math& m) {
              if (!m.tex.empty()) push_atom(out, in);
            },
            [&](const Span& s) {
              if (s.attr.id.empty() && s.attr.lang.empty() && std::string_view(span_element(s.attr)) == "span") {
                for (const Inline& c : s.children) node(c, out, in_link, parent);
                return;
              }
              ++counts.containers;
              Span copy{s.attr, list(s.children, in_link, CharClass::punct, CharClass::punct)};
              push(out, Inline{std::move(copy)});
            },
            [&](const RawInline&) { push_atom(out, in); },
        },
        in.node);
  }

  /// A normalised inline list whose outer neighbours are of the given classes.
  Inlines list(const Inlines& ins, bool in_link, CharClass left, CharClass right) {
    Inlines out;
    out.reserve(ins.size());
    nodes(ins, out, in_link, Parent::other, left, right);
    return out;
  }

 private:
  /// Normalises `ins` into `out` (as node() does each), then moves punctuation at the edges of
  /// emphasis in `out`, whose outer neighbours are of classes `left` and `right`.
  void nodes(const Inlines& ins, Inlines& out, bool in_link, Parent parent, CharClass left,
             CharClass right) {
    EdgePunctuationWatch watch(left, right, html_breaks_);
    for (const Inline& in : ins) {
      node(in, out, in_link, parent);
      watch.advance(out);
    }
    if (watch.finish(out)) out = move_edge_punctuation(std::move(out), left, right, html_breaks_);
  }

  void emphasis(Inline shell, const Inlines& kids, Inlines& out, bool in_link, Parent self) {
    ++counts.emphasis;
    ++counts.containers;
    Inlines children;
    children.reserve(kids.size());
    nodes(kids, children, in_link, self, CharClass::punct, CharClass::punct);
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

/// Decides md_inlines_are_normal: whether the Normalizer would rebuild a list exactly as it is.
/// Each rule below is the condition under which the Normalizer's step for that node kind copies
/// the node unchanged and merges it with nothing.
class NormalCheck {
 public:
  explicit NormalCheck(bool html_breaks) : html_breaks_(html_breaks) {}

  MdNormalizeCounts counts;  ///< as the Normalizer counts them

  /// Whether Normalizer::nodes would give `ins` itself, for a list in an emphasis-like `parent`
  /// whose outer neighbours are of classes `left` and `right`.
  bool list(const Inlines& ins, Normalizer::Parent parent, CharClass left, CharClass right) {
    for (std::size_t k = 0; k < ins.size(); ++k) {
      const Inline* previous = k == 0 ? nullptr : &ins[k - 1];
      const Inline* next = k + 1 < ins.size() ? &ins[k + 1] : nullptr;
      if (!node(ins[k], previous, parent)) return false;
      if (edge_punctuation_moves(previous, ins[k], next, left, right, html_breaks_)) return false;
    }
    return true;
  }

 private:
  /// Whether node() appends `in` itself after `previous` (the list's node before it, null first).
  bool node(const Inline& in, const Inline* previous, Normalizer::Parent parent) {
    ++counts.inlines;
    using Parent = Normalizer::Parent;
    return std::visit(
        overloaded{
            [&](const Text& t) { return !t.text.empty() && !has_newline(t.text) && !is<Text>(previous); },
            [&](const Emph& e) { return !is<Emph>(previous) && emphasis(e.children, Parent::emph); },
            [&](const Strong& s) {
              if (s.children.size() == 1 && std::holds_alternative<Emph>(s.children.front().node))
                return false;  // becomes emphasis around strong
              return !is<Strong>(previous) && emphasis(s.children, Parent::strong);
            },
            [&](const Strikeout& s) {
              if (parent == Parent::strike) return false;  // unwrapped
              return !is<Strikeout>(previous) && emphasis(s.children, Parent::strike);
            },
            [](const Superscript&) { return false; },
            [](const Subscript&) { return false; },
            [&](const Code& c) { return !c.text.empty() && !is<Code>(previous); },
            [](const Link&) { return false; },
            [](const Image&) { return true; },
            [](const LineBreak&) { return false; },  // (trimming around it is not modelled here)
            [](const Note&) { return true; },
            [](const Math& m) { return !m.tex.empty(); },
            [](const Span&) { return false; },
            [](const RawInline&) { return true; },
        },
        in.node);
  }

  /// Whether `in` is a node of kind K (push() merges a node into one of its own kind before it).
  template <class K>
  static bool is(const Inline* in) {
    return in && std::holds_alternative<K>(in->node);
  }
  /// Text the Normalizer changes: newlines become spaces.
  static bool has_newline(std::string_view s) {
    for (char c : s)
      if (c == '\n' || c == '\r') return true;
    return false;
  }

  /// Whether Normalizer::emphasis keeps an emphasis-like node with `kids` as it is: they are
  /// normal, not empty, and have no whitespace at their edges to hoist out.
  bool emphasis(const Inlines& kids, Normalizer::Parent self) {
    ++counts.emphasis;
    ++counts.containers;
    if (kids.empty() || !list(kids, self, CharClass::punct, CharClass::punct)) return false;
    // (list() has rejected hard breaks, the other thing hoisted)
    if (const auto* t = std::get_if<Text>(&kids.front().node); t && leading_space(t->text) != 0) return false;
    if (const auto* t = std::get_if<Text>(&kids.back().node); t && trailing_space(t->text) != 0) return false;
    return true;
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
/// Works in place: kept nodes move down over dropped ones. `breakless`: the list holds no hard
/// break, so once past the line start nothing further can change and the walk stops there.
void trim_forward(Inlines& ins, bool& line_start, bool breakless = false) {
  std::size_t kept = 0;
  std::size_t k = 0;  // ins[0, k) visited
  for (; k < ins.size(); ++k) {
    Inline& i = ins[k];
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
    if (kept != k) ins[kept] = std::move(i);
    ++kept;
    if (breakless && !line_start) {
      ++k;
      break;
    }
  }
  // ins[k, size) was not visited and stays as it is, closing the gap dropped nodes left.
  const auto begin = ins.begin();
  if (kept != k) std::move(begin + static_cast<std::ptrdiff_t>(k), ins.end(), begin + static_cast<std::ptrdiff_t>(kept));
  kept += ins.size() - k;
  ins.erase(ins.begin() + static_cast<std::ptrdiff_t>(kept), ins.end());
}

/// The mirror image: spaces and tabs of text before a line end (a hard break, or the block end),
/// and hard breaks with nothing after them in the block (they render as nothing).
/// Works in place: kept nodes move up over dropped ones. `breakless`: as for trim_forward, once
/// past the block end.
void trim_backward(Inlines& ins, bool& line_end, bool& block_end, bool breakless = false) {
  std::size_t kept_from = ins.size();  // ins[kept_from, size) are the nodes kept so far
  std::size_t k = ins.size();          // ins[k, size) visited
  while (k > 0) {
    --k;
    Inline& i = ins[k];
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
    --kept_from;
    if (kept_from != k) ins[kept_from] = std::move(i);
    if (breakless && !line_end) break;
  }
  // ins[0, k) was not visited and stays as it is, closing the gap dropped nodes left.
  const auto begin = ins.begin();
  if (kept_from != k)
    std::move_backward(begin, begin + static_cast<std::ptrdiff_t>(k), begin + static_cast<std::ptrdiff_t>(kept_from));
  ins.erase(ins.begin(), ins.begin() + static_cast<std::ptrdiff_t>(kept_from - k));
}

/// Drops ASCII spaces and tabs at the start and end of the block and around its hard line
/// breaks: HTML does not render them, CommonMark strips most of them, and keeping them would take
/// character references (`&#32;`) that a reader then trims anyway. A hard break at the end of a
/// block renders as nothing (and as backslash-newline it would be a literal backslash): dropped.
/// `breakless`: `in` holds no hard break (then only its two ends need a look).
Inlines trim_line_edges(Inlines in, bool breakless) {
  bool line_start = true;
  trim_forward(in, line_start, breakless);
  bool line_end = true, block_end = true;
  trim_backward(in, line_end, block_end, breakless);
  return in;
}

}  // namespace

bool md_inlines_are_normal(const Inlines& inlines, bool html_breaks, MdNormalizeCounts* counts) {
  NormalCheck check(html_breaks);
  if (!check.list(inlines, Normalizer::Parent::other, CharClass::space, CharClass::space)) return false;
  // trim_line_edges: without hard breaks, only the block's first and last text can lose spaces
  // or tabs (emphasis never starts or ends with whitespace once normal, see NormalCheck).
  if (!inlines.empty()) {
    if (const auto* t = std::get_if<Text>(&inlines.front().node); t && is_collapsible(t->text.front()))
      return false;
    if (const auto* t = std::get_if<Text>(&inlines.back().node); t && is_collapsible(t->text.back()))
      return false;
  }
  if (counts) *counts = check.counts;
  return true;
}

Inlines md_normalize_inlines(const Inlines& inlines, bool html_breaks, MdNormalizeCounts* counts) {
  Normalizer n(html_breaks);
  Inlines list = n.list(inlines, false, CharClass::space, CharClass::space);
  Inlines result = trim_line_edges(std::move(list), !n.saw_line_break);
  if (counts) *counts = n.counts;
  return result;
}

}  // namespace sheaf::markdown
