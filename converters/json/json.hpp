#pragma once
// sheaf's JSON document format (docs/json-format.md, schema in docs/sheaf-document.schema.json).
// Lossless and deterministic: write(read(x)) == x byte for byte for anything write produced.
#include <ostream>

#include "core/registry.hpp"

namespace sheaf::json {

/// Version of the JSON format; bumped with any change to core/document.hpp.
inline constexpr int kFormatVersionMajor = 1;
inline constexpr int kFormatVersionMinor = 1;

/// Reads a sheaf JSON document. Its "source" object, when present, gives source_name and base
/// (so JSON → JSON is byte-identical); otherwise they come from `input`. Throws Error{parse}
/// (line:column for bad syntax, a path such as `blocks[3].content[0]` for a wrong shape or an
/// unsupported major version) and Error{limit} (max_input_bytes; nesting beyond twice
/// max_depth). Invalid UTF-8 is repaired with a `json.invalid_utf8` warning.
Document read(const Input& input, const ReaderOptions& options, Context& context);

/// Writes `doc`, pretty (two-space indent) or on one line (options.json.pretty = false), ending
/// with a newline. Throws Error{io} when `out` fails.
void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

}  // namespace sheaf::json
