#include "converters/html/flow.hpp"

#include "converters/shared/unicode.hpp"
#include "core/overloaded.hpp"
#include "core/plain_text.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// HTML maps character references to C1 controls (&#x80;…&#x9F;) to windows-1252 characters, as
// browsers show them; libxml2 leaves the controls, which no output can show.
namespace {
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

bool has_c1_control(std::string_view s) {
  for (std::size_t p = s.find('\xC2'); p != std::string_view::npos && p + 1 < s.size(); p = s.find('\xC2', p + 1)) {
    const auto next = static_cast<unsigned char>(s[p + 1]);
    if (next >= 0x80 && next <= 0x9F) return true;
  }
  return false;
}

std::string map_c1_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (s[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
      utf8::append(out, kWindows1252[next - 0x80]);
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

bool is_collapsible(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The children vector of a container inline, or nullptr for leaves.
Inlines* children_of(Inline& node) {
  return std::visit(
      overloaded{
          [](Text&) -> Inlines* { return nullptr; },
          [](Emph& e) -> Inlines* { return &e.children; },
          [](Strong& e) -> Inlines* { return &e.children; },
          [](Strikeout& e) -> Inlines* { return &e.children; },
          [](Superscript& e) -> Inlines* { return &e.children; },
          [](Subscript& e) -> Inlines* { return &e.children; },
          [](Code&) -> Inlines* { return nullptr; },
          [](Link& e) -> Inlines* { return &e.children; },
          [](Image&) -> Inlines* { return nullptr; },
          [](LineBreak&) -> Inlines* { return nullptr; },
          [](Note&) -> Inlines* { return nullptr; },
          [](Math&) -> Inlines* { return nullptr; },
          [](Span& e) -> Inlines* { return &e.children; },
          [](RawInline&) -> Inlines* { return nullptr; },
      },
      node.node);
}

// Text appended to the last Text in place: most runs of a paragraph merge, and building an
// Inline for each would cost a variant and a string per word.
void append_merged_text(Inlines& out, std::string_view s) {
  if (s.empty()) return;
  if (!out.empty())
    if (auto* prev = std::get_if<Text>(&out.back().node)) {
      prev->text.append(s);
      return;
    }
  out.push_back(Inline{Text{std::string(s)}});
}

void push_merged(Inlines& out, Inline node) {
  if (auto* t = std::get_if<Text>(&node.node)) {
    if (t->text.empty()) return;
    if (!out.empty())
      if (auto* prev = std::get_if<Text>(&out.back().node)) { prev->text += t->text; return; }
  }
  out.push_back(std::move(node));
}

// Trims one edge; returns true when it reached visible content (stop trimming).
bool trim_front(Inlines& v) {
  while (!v.empty()) {
    Inline& first = v.front();
    if (auto* t = std::get_if<Text>(&first.node)) {
      std::size_t n = t->text.find_first_not_of(' ');
      if (n == std::string::npos) { v.erase(v.begin()); continue; }
      t->text.erase(0, n);
      return true;
    }
    if (std::holds_alternative<LineBreak>(first.node)) { v.erase(v.begin()); continue; }
    if (Inlines* kids = children_of(first)) {
      // A link that was empty before trimming was kept on purpose (a Markdown `[](x)`, or the
      // empty_elements rule off): it is content, not an edge to trim.
      if (kids->empty() && std::holds_alternative<Link>(first.node)) return true;
      bool reached = trim_front(*kids);
      if (kids->empty()) { v.erase(v.begin()); continue; }
      if (reached) return true;
      continue;
    }
    return true;
  }
  return false;
}

bool trim_back(Inlines& v) {
  while (!v.empty()) {
    Inline& last = v.back();
    if (auto* t = std::get_if<Text>(&last.node)) {
      std::size_t n = t->text.find_last_not_of(' ');
      if (n == std::string::npos) { v.pop_back(); continue; }
      t->text.erase(n + 1);
      return true;
    }
    if (std::holds_alternative<LineBreak>(last.node)) { v.pop_back(); continue; }
    if (Inlines* kids = children_of(last)) {
      // A link that was empty before trimming was kept on purpose (a Markdown `[](x)`, or the
      // empty_elements rule off): it is content, not an edge to trim.
      if (kids->empty() && std::holds_alternative<Link>(last.node)) return true;
      bool reached = trim_back(*kids);
      if (kids->empty()) { v.pop_back(); continue; }
      if (reached) return true;
      continue;
    }
    return true;
  }
  return false;
}

// Spaces that make no paragraph on their own: <p>&nbsp;</p> and <p>　</p> are layout, not text.
bool blank_text(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = utf8::decode(s, pos);
    if (c != U' ' && c != U'\u00A0' && c != U'\u3000' && c != U'\u200B' && c != U'\uFEFF') return false;
  }
  return true;
}

}  // namespace

bool visible(const Inlines& inlines) {
  for (const Inline& node : inlines) {
    const bool shows = std::visit(
        overloaded{
            [](const Text& t) { return !blank_text(t.text); },
            [](const Emph& e) { return visible(e.children); },
            [](const Strong& e) { return visible(e.children); },
            [](const Strikeout& e) { return visible(e.children); },
            [](const Superscript& e) { return visible(e.children); },
            [](const Subscript& e) { return visible(e.children); },
            [](const Code& c) { return !c.text.empty(); },
            [](const Link& l) { return l.children.empty() || visible(l.children); },  // empty: kept on purpose
            [](const Image&) { return true; },
            [](const LineBreak&) { return false; },
            [](const Note&) { return true; },
            [](const Math&) { return true; },
            [](const Span& s) { return visible(s.children); },
            [](const RawInline&) { return true; },  // kept raw on purpose: never dropped as empty
        },
        node.node);
    if (shows) return true;
  }
  return false;
}

Inline wrap_inline(Inline proto, Inlines children) {
  if (Inlines* kids = children_of(proto)) *kids = std::move(children);
  return proto;
}

void trim_inlines(Inlines& inlines) {
  trim_front(inlines);
  trim_back(inlines);
}

Flow::Flow(EmptyElements* empties) : empties_(empties) { frames_.push_back(Frame{Inline{Text{}}, {}}); }

void Flow::flush_space(char32_t next) {
  if (!pending_space_) return;
  pending_space_ = false;
  const bool newline = std::exchange(pending_newline_, false);
  if (!has_content_ || last_char_ == U' ') return;  // one space, even across element edges
  if (newline && unicode::drops_segment_break(last_char_) && unicode::drops_segment_break(next)) return;
  append_merged_text(current(), " ");
  last_char_ = U' ';
}

void Flow::append_text(std::string_view s) {
  if (s.empty()) return;
  std::size_t pos = 0;
  flush_space(utf8::decode(s, pos));
  append_merged_text(current(), s);
  // last character of the run, for the CJK segment-break rule
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  std::size_t p = start;
  last_char_ = utf8::decode(s, p);
  has_content_ = true;
  after_line_break_ = false;
}

void Flow::text(std::string_view utf8) {
  std::size_t i = 0;
  const std::size_t n = utf8.size();
  while (i < n) {
    if (is_collapsible(static_cast<unsigned char>(utf8[i]))) {
      pending_space_ = true;
      if (utf8[i] == '\n' || utf8[i] == '\r') pending_newline_ = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !is_collapsible(static_cast<unsigned char>(utf8[j]))) ++j;
    append_text(utf8.substr(i, j - i));
    i = j;
  }
}

void Flow::literal(Inline node) {
  if (auto* t = std::get_if<Text>(&node.node)) {
    if (t->text.empty()) return;
    append_text(t->text);
    return;
  }
  atom(std::move(node));
}

void Flow::atom(Inline node) {
  // Atoms count as a word: a pending space before them is kept (but never at paragraph start).
  flush_space(U'a');
  current().push_back(std::move(node));
  has_content_ = true;
  last_char_ = U'a';
  after_line_break_ = false;
}

void Flow::reserve(std::size_t inlines) {
  if (frames_.size() == 1 && !has_content_) current().reserve(inlines);
}

void Flow::line_break() {
  pending_space_ = pending_newline_ = false;
  if (!has_content_) return;
  current().push_back(Inline{LineBreak{}});
  last_char_ = U'\n';
  after_line_break_ = true;
}

void Flow::open(Inline proto) {
  // "a <b>x</b>": the space belongs before the element, not inside it. Only a break between CJK
  // characters must wait for the next character to know whether it is a space at all.
  if (pending_space_ && !(pending_newline_ && unicode::drops_segment_break(last_char_))) flush_space(U' ');
  frames_.push_back(Frame{std::move(proto), {}});
}

void Flow::close() {
  if (frames_.size() <= 1) return;
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  const bool keep = empties_ && empties_->keep;
  if (frame.children.empty() && !keep) {
    if (empties_) ++empties_->dropped;
    return;
  }
  // A container holding only spaces is dropped; the space itself moves outward.
  if (frame.children.size() == 1 && !keep)
    if (auto* t = std::get_if<Text>(&frame.children.front().node); t && t->text == " ") {
      if (empties_) ++empties_->dropped;
      push_merged(current(), std::move(frame.children.front()));
      return;
    }
  current().push_back(wrap_inline(std::move(frame.proto), std::move(frame.children)));
}

void Flow::end_paragraph() {
  pending_space_ = pending_newline_ = false;
  // Close every open container into its parent, keeping copies of the protos to reopen.
  for (std::size_t i = frames_.size() - 1; i >= 1; --i) {
    Frame& f = frames_[i];
    if (!f.children.empty())
      frames_[i - 1].children.push_back(wrap_inline(f.proto, std::move(f.children)));
    f.children.clear();
  }
  Inlines content = std::move(frames_[0].children);
  frames_[0].children.clear();
  if (has_content_) {
    trim_inlines(content);
    // reserve() counted child nodes; comments and merged text runs can leave much of it unused.
    if (content.capacity() > 2 * content.size() + 64) content.shrink_to_fit();
    if (visible(content)) blocks_.push_back(Block{Paragraph{std::move(content)}});
  }
  has_content_ = false;
  last_char_ = 0;
  after_line_break_ = false;
}

void Flow::block(Block b) {
  end_paragraph();
  blocks_.push_back(std::move(b));
}

Blocks Flow::finish() {
  end_paragraph();
  return std::move(blocks_);
}

Inlines Flow::finish_inlines() {
  Blocks blocks = finish();
  Inlines out;
  for (Block& b : blocks) {
    if (auto* p = std::get_if<Paragraph>(&b.node)) {
      if (!out.empty()) push_merged(out, Inline{Text{" "}});
      for (Inline& i : p->children) push_merged(out, std::move(i));
    } else if (std::string text = plain_text(Blocks{std::move(b)}); !text.empty()) {
      // Structure a caller cannot hold (a list in a heading) is kept as its text.
      while (!text.empty() && text.back() == '\n') text.pop_back();
      for (char& c : text) if (c == '\n') c = ' ';
      if (!out.empty()) push_merged(out, Inline{Text{" "}});
      push_merged(out, Inline{Text{std::move(text)}});
    }
  }
  return out;
}

}  // namespace sheaf::html
