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

#include "converters/json/json_events.hpp"

namespace sheaf::json {

struct PrintResult {
  std::size_t invalid_utf8 = 0;  ///< invalid UTF-8 sequences written as U+FFFD
};

/// Appends the text of `events`, which must form exactly one value, and a final newline.
PrintResult print(std::span<const Event> events, bool pretty, std::string& out);

/// Appends `s` as a JSON string literal; returns the count of invalid sequences replaced.
std::size_t append_string(std::string& out, std::string_view s);

/// Appends a finite double in its shortest round-trip form, always recognisable as a float:
/// `2.0`, `0.1`, `1e+100`, `-0.0`.
void append_float(std::string& out, double value);

}  // namespace sheaf::json
