#pragma once
// The title block, from metadata: the title underlined with '=' (as wide as its widest line),
// then "Author: …", "Date: …" (as written in the source) and "Source: …" (`source`, else `from`)
// lines, each only when present. HTML character references in these values are decoded
// (char_refs.hpp): Jekyll pages show them as characters.
#include "converters/text/render_state.hpp"
#include "core/document.hpp"

namespace sheaf::text {

/// Writes the title block; returns false when the metadata has none of its fields.
bool render_title_block(const Document& doc, RenderState& state);

/// True when `block` is a heading that only repeats the title block: the same words as the
/// title, no notes, and links only to the source URL (a Jekyll mirror's "[title](from)" line).
/// The writer then leaves it out, so the title is not printed twice.
[[nodiscard]] bool repeats_title(const Document& doc, const Block& block);

}  // namespace sheaf::text
