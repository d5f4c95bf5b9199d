#pragma once
// Lays out encoder events as JSON text (docs/json-format.md, "Layout").
//   pretty:  two-space indent; an array or object whose values are all scalars (or empty
//            containers) goes on one line as `{"type": "text", "text": "Hi"}`, any other
//            non-empty container gets one value per line, as do containers flagged `expand`.
//   compact: one line, no spaces (JSON Lines).
// Both end with a newline. Strings are UTF-8 as themselves; only `"`, `\` and control characters
// are escaped, and invalid UTF-8 is written as U+FFFD.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "converters/json/json_events.hpp"

namespace sheaf::json {

struct PrintResult {
  std::size_t invalid_utf8 = 0;  ///< invalid UTF-8 sequences written as U+FFFD
};

/// Lays out events as they arrive, appending text to `out`; the caller may take (and clear) what
/// `out` holds between events. Pretty mode decides a container's layout from what it holds, so
/// events are held back only while that is open: from the begin of a container holding nothing
/// but scalars and empty containers so far, until it ends or a child container gets content
/// (a few events for a text node, never a whole document).
class Printer {
 public:
  Printer(bool pretty, std::string& out) : pretty_(pretty), out_(out) {}
  /// Feeds the next event; together they must form exactly one value.
  void event(const Event& e);
  /// After the last event: appends the final newline.
  PrintResult finish();

 private:
  struct Frame {
    bool expand;
    bool first = true;
  };
  void emit(const Event& e, bool expand);
  void before_item();
  void newline();
  void flush_pending(bool expand_first);

  bool pretty_;
  std::string& out_;
  PrintResult result_;
  std::vector<Frame> frames_;
  bool after_key_ = false;
  std::vector<Event> pending_;  // from the begin of the outermost container whose layout is open
  std::size_t pending_depth_ = 0;  // nesting inside pending_ (1 = directly in its first container)
};

/// Appends the text of `events`, which must form exactly one value, and a final newline.
PrintResult print(std::span<const Event> events, bool pretty, std::string& out);

/// Appends `s` as a JSON string literal; returns the count of invalid sequences replaced.
std::size_t append_string(std::string& out, std::string_view s);

/// Appends a finite double in its shortest round-trip form, always recognisable as a float:
/// `2.0`, `0.1`, `1e+100`, `-0.0`.
void append_float(std::string& out, double value);

}  // namespace sheaf::json
