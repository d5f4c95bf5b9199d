#pragma once
// HTML reader: whole pages and fragments into the sheaf model, through libxml2's recovering HTML
// parser. Pages are decoded from their bytes (BOM, declaration, detection; --input-encoding), keep
// only their main content (unless ReaderOptions::main_content is off) and get page metadata.
// Junk (zoom icons, share bars, comments, ads, cookie notices, scripts, empty elements,
// presentational wrappers) is dropped from pages and fragments alike; every cleanup rule reports an
// info diagnostic `html.clean.<rule>`. See docs/formats/html.md for the mapping and the rules.
#include <string_view>

#include "core/registry.hpp"

namespace sheaf::html {

/// Reads a page or fragment. `<head>` fills title, lang, author, description, date and source.
Document read(const Input& input, const ReaderOptions& options, Context& context);

/// Reads an HTML fragment into blocks, ignoring any <head>. Used by the Markdown reader on
/// cmark-gfm's HTML. The text is UTF-8 already (repaired, never re-decoded); no main-content
/// extraction, but the junk rules apply. Diagnostics name `source_name`.
Blocks read_fragment(std::string_view html, const std::string& source_name,
                     const ReaderOptions& options, Context& context);

/// As read_fragment, for the marked HTML of markdown::read_marked: the marks of
/// converters/html/markdown_marks.hpp are honoured (empty Markdown blocks, links and code spans
/// kept, code text exact, raw HTML kept raw with ReaderOptions::raw_html == keep).
Blocks read_markdown_fragment(std::string_view html, const std::string& source_name,
                              const ReaderOptions& options, Context& context);

}  // namespace sheaf::html
