#pragma once
// The text of one paragraph-like block, ready to wrap. FlowBuilder applies the writer's
// whitespace rules once, so wrapping and measuring never see raw model text:
//   - runs of spaces, tabs and newlines collapse to one space; leading and trailing ones go;
//   - a newline between two CJK characters (unicode::drops_segment_break) disappears, so a
//     Chinese or Japanese sentence split across source lines gets no invented space;
//   - U+00A0 stays a non-breaking space: a run of them (with no ordinary space) becomes one U+00A0,
//     which the writer prints as an ordinary space; mixed with ordinary spaces it is one space;
//   - control characters (C0 other than whitespace, DEL, C1), U+00AD soft hyphen and U+FEFF
//     are dropped, so no terminal escape sequence can come from a document;
//   - '\n' in Flow::text is a hard line break (LineBreak), never anything else.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sheaf::text {

/// Bytes [begin, end) of Flow::text inside which no line may start (at p with begin < p < end).
struct Keep {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Flow {
  std::string text;        ///< UTF-8, whitespace normalised; '\n' only for hard breaks
  std::vector<Keep> keep;  ///< ascending and disjoint: URLs, link markers glued to their text
};

class FlowBuilder {
 public:
  /// single_line: hard breaks become spaces (table cells, captions measured as one line).
  explicit FlowBuilder(bool single_line = false) : single_line_(single_line) {}

  /// Prose from Text nodes: the whitespace rules above.
  void text(std::string_view s);
  /// Inline code: kept as written (no collapsing); newlines and tabs become spaces.
  void literal(std::string_view s);
  /// A token no line may break inside, after any pending space: "(https://…)".
  void token(std::string_view s);
  /// A marker glued to the text before it, placed before any pending space: "text[1] next".
  void glued(std::string_view s);
  /// A separating space (between blocks flattened into one line).
  void space();
  /// A hard line break; in single_line mode, a space.
  void hard_break();
  [[nodiscard]] bool empty() const noexcept { return out_.empty(); }
  /// The last character written (0 at the start of a line).
  [[nodiscard]] char32_t last() const noexcept { return last_; }
  /// Whitespace seen but not yet written (it is written before the next visible character).
  [[nodiscard]] bool space_pending() const noexcept {
    return pending_space_ || pending_newline_ || pending_nbsp_;
  }
  /// The flow; URLs found in the text become Keep ranges. The builder is left empty.
  [[nodiscard]] Flow finish();

 private:
  void flush_space();
  void put(char32_t cp);

  std::string out_;
  std::vector<Keep> keep_;
  bool single_line_;
  bool pending_space_ = false;    // ordinary whitespace seen
  bool pending_newline_ = false;  // a newline seen (CJK rule)
  bool pending_nbsp_ = false;     // U+00A0 seen
  char32_t last_ = 0;             // last code point written (0 at a line start)
};

/// Byte ranges of URLs in `s` ("scheme://…", "www.…", "mailto:…"), ascending: each runs to the
/// first space, non-ASCII character or one of <>"'`, trailing punctuation included.
std::vector<Keep> find_urls(std::string_view s);

/// Sorts `keep` and merges overlapping ranges.
void normalise_keeps(std::vector<Keep>& keep);

}  // namespace sheaf::text
