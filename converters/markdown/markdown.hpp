#pragma once
// Markdown: the reader (cmark-gfm with GFM extensions; raw HTML parsed into the model by the HTML
// reader) and the writer (clean GitHub-Flavored Markdown, docs/formats/markdown.md).
#include <ostream>

#include "core/registry.hpp"

namespace sheaf::markdown {

/// Reads Markdown without front matter.
Document read(const Input& input, const ReaderOptions& options, Context& context);

/// Reads a Markdown body into blocks (shared with the Jekyll reader).
Blocks read_body(std::string_view markdown, const std::string& source_name,
                 const ReaderOptions& options, Context& context);

/// Writes GFM (with YAML front matter from metadata unless options.markdown.front_matter is off).
void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

}  // namespace sheaf::markdown
