#pragma once
// JsonValue → Document: checks the shape of every node against docs/json-format.md and restores
// the fields the writer left out at their defaults. Errors name a path such as
// `blocks[3].content[0]: unknown inline type "foo"`.
#include <cstddef>
#include <string>

#include "converters/json/json_value.hpp"
#include "core/document.hpp"
#include "core/options.hpp"
#include "core/registry.hpp"

namespace sheaf::json {

/// The deepest nesting of block and inline nodes (and of metadata arrays/objects) the reader
/// accepts: twice `max_depth`, saturating. The other readers count source elements against
/// max_depth, and a node can sit deeper than its element (an implicit paragraph and its text, a
/// footnote's body under its call site), so the JSON of any document they produced within the
/// limit must still read back.
std::size_t depth_limit(std::size_t max_depth) noexcept;

/// "nested deeper than the limit of 1024 levels (twice max_depth)".
std::string depth_limit_message(std::size_t max_depth);

/// Decodes `root`, taking its strings. Throws Error{parse} naming input.name for a wrong shape or
/// an unsupported major version, Error{limit} for nodes nested deeper than depth_limit().
/// Without a "source" object, the document's source_name and base come from `input`.
Document decode(JsonValue&& root, const Input& input, const ReaderOptions& options);

}  // namespace sheaf::json
