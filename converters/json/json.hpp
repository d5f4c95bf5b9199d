#pragma once
// sheaf's JSON document format (docs/json-format.md, schema in docs/sheaf-document.schema.json).
// Lossless and deterministic: write(read(x)) == x byte for byte for anything write produced.
#include <ostream>

#include "core/registry.hpp"

namespace sheaf::json {

/// Version of the JSON format; bumped with any change to core/document.hpp.
inline constexpr int kFormatVersionMajor = 1;
inline constexpr int kFormatVersionMinor = 0;

Document read(const Input& input, const ReaderOptions& options, Context& context);
void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

}  // namespace sheaf::json
