#pragma once
// Inlines as the one line of text a label needs: a chapter title taken from a heading, a table of
// contents entry, a figure's accessible name. Unlike sheaf::plain_text (core/plain_text.hpp),
// which keeps every word of a subtree, a label leaves notes out and reads a line break as a space.
#include <string>

#include "core/document.hpp"

namespace sheaf::epub {

/// The text of `inlines`: images give their alt text, code and math their source; notes and raw
/// markup give nothing; a line break is a space. Spaces are kept as written (not collapsed).
std::string label_text(const Inlines& inlines);

}  // namespace sheaf::epub
