#pragma once
// Flow accumulates the content of one block container (body, list item, cell, quote…) while a
// reader walks a tree: inline content goes into the open paragraph, blocks end it. It implements
// the browser rules readers need, independent of any parser:
//   - whitespace collapses to one space, none at the start or end of a paragraph;
//   - a collapsed run that held a line break between two CJK characters (CSS Text 3 segment-break
//     rule) disappears instead of becoming a space;
//   - a block inside open inline elements (<a><div>…</div></a>) closes the paragraph with those
//     inlines and reopens them after the block, so no structure or text is lost;
//   - inline elements left empty (icons removed, <span style> wrappers, <b> </b>) leave no node.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace sheaf::html {

/// How Flows treat inline containers left empty (the `empty_elements` cleanup rule): dropped and
/// counted in `dropped`, or kept (`keep`, the rule turned off). Shared by the Flows of one read.
struct EmptyElements {
  bool keep = false;
  std::size_t dropped = 0;
};

class Flow {
 public:
  /// Without `empties`, empty containers are dropped uncounted.
  explicit Flow(EmptyElements* empties = nullptr);

  /// Appends source text (whitespace collapsing applies).
  void text(std::string_view utf8);
  /// Appends text literally: no collapsing (code spans, preformatted pieces).
  void literal(Inline node);
  /// Appends an atomic inline (image, code, note, math). Counts as paragraph content.
  void atom(Inline node);
  /// A hard line break; ignored at the start of a paragraph.
  void line_break();

  /// Opens an inline container; `proto` holds its attributes (Link url…) and no children.
  void open(Inline proto);
  /// Closes the innermost open container; drops it when it ended up empty.
  void close();

  /// Capacity hint for a paragraph about to be read (e.g. its element's child count), so that a
  /// paragraph of a million inlines is not copied as its vector doubles. Ignored unless the
  /// paragraph is empty and no inline container is open.
  void reserve(std::size_t inlines);
  /// Ends the current paragraph (if it has content) without closing open inline containers.
  void end_paragraph();
  /// Ends the paragraph and appends a block.
  void block(Block b);

  /// Ends the paragraph and returns the blocks built so far.
  Blocks finish();
  /// Ends the paragraph and returns all inline content, paragraphs joined by a space
  /// (headings, captions, terms).
  Inlines finish_inlines();

  [[nodiscard]] bool paragraph_empty() const noexcept { return !has_content_; }
  /// Nothing but inline element edges since the last line_break(): `<br><b><br>` is a run too.
  [[nodiscard]] bool after_line_break() const noexcept { return after_line_break_; }
  [[nodiscard]] bool empty() const noexcept { return blocks_.empty() && !has_content_; }
  /// Depth of open inline containers (0 at block level).
  [[nodiscard]] std::size_t open_depth() const noexcept { return frames_.size() - 1; }

 private:
  struct Frame {
    Inline proto;
    Inlines children;
  };
  void flush_space(char32_t next);
  void append_text(std::string_view s);
  Inlines& current() { return frames_.back().children; }

  EmptyElements* empties_ = nullptr;
  Blocks blocks_;
  std::vector<Frame> frames_;  // frames_[0] is the paragraph itself (its proto is unused)
  bool has_content_ = false;   // the open paragraph holds something visible
  bool pending_space_ = false;
  bool pending_newline_ = false;
  char32_t last_char_ = 0;
  bool after_line_break_ = false;
};

/// `s` with each run of ASCII whitespace made one space and none at the ends (attribute values
/// such as alt and title text, as the HTML reader reads them).
std::string collapse_spaces(std::string_view s);
/// Whether `s` holds a C1 control (U+0080…U+009F).
bool has_c1_control(std::string_view s);
/// `s` with C1 controls as windows-1252 reads those bytes (U+0085 → …), as browsers show a
/// character reference to one; libxml2 leaves the controls, which no output can show.
std::string map_c1_controls(std::string_view s);
/// Wraps `children` into the container described by `proto` (Emph, Link, Span…).
Inline wrap_inline(Inline proto, Inlines children);
/// True when the inlines show something: text other than spaces (NBSP and U+3000 included),
/// an image, a note, math or code.
bool visible(const Inlines& inlines);
/// Removes leading/trailing spaces and line breaks of a paragraph's inlines, recursively at
/// the edges; merges adjacent Text.
void trim_inlines(Inlines& inlines);

}  // namespace sheaf::html
