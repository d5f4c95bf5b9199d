#pragma once
// The adapter to nlohmann-json: JSON text → JsonValue through its SAX parser. Nothing else in
// sheaf includes nlohmann's headers. The tree is built iteratively, and arrays/objects nested
// deeper than any document within the depth limit can need stop the parse, so no later
// recursion over the tree (decoding, destruction) can overflow the stack.
#include <cstddef>
#include <string>
#include <string_view>

#include "converters/json/json_value.hpp"

namespace sheaf::json {

/// Arrays/objects a document whose nodes nest `node_depth` deep can need: one node level costs
/// at most 6 JSON levels (table → body → row → cells → cell → content → block), plus the root
/// object, its "blocks" array and some slack. Saturates instead of overflowing.
std::size_t max_json_nesting(std::size_t node_depth) noexcept;

/// Parses one JSON text (RFC 8259, no comments, nothing after the value). Throws
/// Error{parse} naming `source_name` with line:column for malformed text, and
/// Error{limit}(`too_deep_message`) for arrays/objects nested deeper than `max_nesting`.
JsonValue parse(std::string_view text, const std::string& source_name, std::size_t max_nesting,
                const std::string& too_deep_message);

}  // namespace sheaf::json
