#pragma once
// Inline content (and, for table cells, whole blocks) into a Flow. Markup carries no characters:
// emphasis, strong, strikeout, super/subscript and spans give their text; inline code its text
// unchanged; images "[Image: alt]"; notes a "[^N]" call; links per TextWriterOptions::links.
#include <string>

#include "converters/text/flow.hpp"
#include "converters/text/render_state.hpp"
#include "core/document.hpp"

namespace sheaf::text {

void add_inlines(const Inlines& inlines, FlowBuilder& flow, RenderState& state);

/// Blocks flattened into one run of text, blocks separated by a space: a table cell's content.
void add_blocks_flat(const Blocks& blocks, FlowBuilder& flow, RenderState& state);

/// "[Image: alt]", or "[Image]" when the alt text is empty.
[[nodiscard]] std::string image_label(const std::string& alt);

/// The words of `inlines` with whitespace collapsed, for comparisons (link text against its URL,
/// alt text against a caption).
[[nodiscard]] std::string inline_words(const Inlines& inlines);

/// True for raw formats whose text is plain text and is printed; other raw blocks are dropped.
[[nodiscard]] bool is_plain_raw_format(const std::string& format);

}  // namespace sheaf::text
