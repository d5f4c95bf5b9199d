#pragma once
// Block layout (docs/formats/text.md): blocks separated by one blank line (none between the items
// of a tight list); headings 1 and 2 underlined with '=' and '-' as wide as their text, deeper
// headings bare lines; lists with "- " or "N. " markers and hanging indentation; quotes with "> ";
// code indented 4 and never wrapped; figures as "[Image: alt]" then caption and credit lines.
#include <cstddef>
#include <span>
#include <string>

#include "converters/text/flow.hpp"
#include "converters/text/render_state.hpp"
#include "core/document.hpp"

namespace sheaf::text {

void render_blocks(std::span<const Block> blocks, RenderState& state, bool tight);

/// Writes a flow wrapped at the state's width; returns the widest line written (display width).
std::size_t render_flow(const Flow& flow, RenderState& state);

/// Writes `text` line by line as it is (code, raw text): never wrapped, controls dropped.
void render_verbatim(const std::string& text, RenderState& state);

}  // namespace sheaf::text
