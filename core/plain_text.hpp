#pragma once
// The text of a subtree, for places that must keep text but not structure (a list inside a
// heading, a caption with paragraphs) and for tests that check no text was lost.
#include <string>

#include "core/document.hpp"

namespace sheaf {

/// Inline text; images give their alt text, notes their content, line breaks a newline.
std::string plain_text(const Inlines& inlines);
/// Block text; blocks are separated by a newline. Figures give caption and credit; code and raw
/// blocks their text.
std::string plain_text(const Blocks& blocks);

}  // namespace sheaf
