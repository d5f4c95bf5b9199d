#pragma once
// HTML reader: whole pages and fragments into the sheaf model, through libxml2's recovering HTML
// parser. Widget junk (zoom icons, share bars, scripts, empty elements, presentational wrappers) is
// dropped; text is never lost. See docs/formats/html.md for the mapping.
#include <string_view>

#include "core/registry.hpp"

namespace sheaf::html {

/// Reads a page or fragment. `<head>` fills title, lang, author, description, date and source.
Document read(const Input& input, const ReaderOptions& options, Context& context);

/// Reads an HTML fragment into blocks, ignoring any <head>. Used by the Markdown reader on
/// cmark-gfm's HTML. Diagnostics name `source_name`.
Blocks read_fragment(std::string_view html, const std::string& source_name,
                     const ReaderOptions& options, Context& context);

}  // namespace sheaf::html
