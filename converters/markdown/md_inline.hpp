#pragma once
// Inline content to Markdown text with exact, minimal escaping: a character gets a backslash (or,
// at a line edge, a character reference) only where cmark-gfm would otherwise read it as syntax.
// Emphasis delimiters are chosen, then checked against a model of cmark-gfm's delimiter
// algorithm (md_emphasis.hpp); a node the model would not pair is repaired by switching `*` and
// `_`, then by writing the letter outside it as a character reference, and as a last resort as
// raw HTML (`<em>`), which the model cannot misread.
#include <cstddef>
#include <string>
#include <vector>

#include "converters/markdown/md_state.hpp"
#include "core/document.hpp"

namespace sheaf::markdown {

enum class InlineMode {
  paragraph,   ///< block text: hard breaks as backslash-newline; block starts escaped per line
  heading,     ///< ATX heading: one line, hard breaks as <br />, a closing `#` run escaped
  table_cell,  ///< pipe-table cell: one line, hard breaks as <br />, every `|` escaped
};

struct MdInlineText {
  std::string text;                 ///< '\n' only after a hard break (paragraph mode)
  std::vector<std::size_t> breaks;  ///< offsets of spaces a wrap may turn into a newline
};

/// Renders `inlines` (any shape; normalised first, see md_inline_normalize.hpp).
MdInlineText md_render_inlines(const Inlines& inlines, InlineMode mode, MdState& state);

}  // namespace sheaf::markdown
