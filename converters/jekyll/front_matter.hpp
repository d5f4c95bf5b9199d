#pragma once
// The only door to yaml-cpp: front-matter YAML into typed, ordered metadata, typed the way Jekyll
// (Ruby's Psych, YAML 1.1) types it. See docs/formats/jekyll.md.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::jekyll {

/// Parses the YAML of a front-matter block that starts on line `first_line` of the post.
///   - a mapping gives its fields in source order; empty YAML (or only comments, or null) gives {};
///   - quoted and block scalars and `!!str` are strings; plain scalars follow resolve_plain_scalar
///     (yaml_scalar.hpp); `!!int`/`!!float`/`!!bool`/`!!null` are honoured; other tags keep the
///     text; sequences are lists; keys are the key text as written;
///   - a duplicate key keeps its first position and takes the last value, with one warning
///     `jekyll.duplicate_key` per repeat; `<<` merge keys merge as in YAML 1.1;
///   - nesting deeper than options.max_depth becomes null with a `jekyll.depth_limit` warning.
/// Throws Error{parse} naming `source_name` with the line:col in the post for a YAML syntax error
/// (yaml-cpp's message; a quoted string never closed is one, at the end of the YAML) and for
/// YAML that is not a mapping ("front matter is not a YAML mapping");
/// Error{limit} when aliases expand to more than 10 values per byte of YAML (a "billion laughs").
MetaMap parse_front_matter(std::string_view yaml, std::uint32_t first_line,
                           const std::string& source_name, const ReaderOptions& options,
                           Context& context);

}  // namespace sheaf::jekyll
