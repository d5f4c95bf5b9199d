#pragma once
// Raw HTML in Markdown output, for what Markdown cannot express: the skeleton of fallback tables,
// definition lists and attributed divs (their content stays Markdown, between blank lines), and
// raw HTML blocks passed through so that CommonMark keeps them as one HTML block each.
#include <optional>
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sheaf::markdown {

/// Text escaped for HTML element content: & < > as entities.
std::string md_html_text(std::string_view text);
/// Attribute value text: & < > " as entities.
std::string md_html_attribute(std::string_view value);

/// The text of `inlines` when they are plain Text only (so they can go between two tags on one
/// line), else nullopt.
std::optional<std::string> md_plain_inline_text(const Inlines& inlines);

/// Which HTML block kind (1..7) of the GFM spec `line` starts, or 0 when it starts none.
int md_html_block_start(std::string_view line) noexcept;

/// A raw HTML block prepared to stay one HTML block in CommonMark: leading blank lines removed,
/// the first line's indentation removed when it would make code (up to three spaces stay),
/// trailing whitespace removed, and, for blocks that a blank line would end (kinds 6 and 7),
/// blank lines removed. Text that starts no HTML block is wrapped in <div>...</div>. Empty when
/// there is nothing to write.
std::string md_raw_html_block(std::string_view html);

}  // namespace sheaf::markdown
