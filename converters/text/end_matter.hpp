#pragma once
// What follows the body: the footnotes ("[^N] text", hanging indentation, numbered in call order)
// and then, with LinkStyle::references, the link targets ("[N] URL", one a line, never wrapped;
// a URL that does not fit after its marker goes alone on the next line).
#include "converters/text/render_state.hpp"

namespace sheaf::text {

void render_end_matter(RenderState& state);

}  // namespace sheaf::text
