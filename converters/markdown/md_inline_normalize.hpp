#pragma once
// The inline tree reshaped into what CommonMark can say exactly, before any text is written.
// Documented normalisations (docs/formats/markdown.md, "Normalisations"):
//   - whitespace and hard line breaks at the edges of emphasis, strong and strikeout move outside
//     them (`*a *` cannot close); empty ones disappear;
//   - ASCII spaces and tabs at the start and end of the block and around hard line breaks, and
//     hard breaks at the end, are dropped (HTML does not render them);
//   - a punctuation character at the edge of emphasis whose outer neighbour is a letter moves
//     outside (`**（测试）**后文` → `（**测试**）后文`), because CommonMark's flanking rules would
//     leave the delimiters literal; emphasis a renderer still would not pair is repaired later;
//   - strong whose only child is emphasis becomes emphasis around strong (same rendering; `***x***`
//     nests that way); emphasis, strong or strikeout directly inside the same kind is unwrapped,
//     and two of the same kind in a row become one (they render as one, and their delimiters
//     would run together);
//   - links inside link text keep their text only; spans without id or lang keep their children;
//     adjacent code spans become one (their fences would run together); empty code, math, superscript and subscript disappear; newlines in text become spaces.
#include <cstddef>

#include "core/document.hpp"

namespace sheaf::markdown {

/// Counts taken while normalising, so that a caller can reserve for what it builds from the
/// result without walking it again. The result has as many nodes as were visited or fewer, unless
/// punctuation or whitespace was split off emphasis.
struct MdNormalizeCounts {
  std::size_t inlines = 0;     ///< nodes visited
  std::size_t containers = 0;  ///< of those, nodes with children (at least as many as the result has)
  std::size_t emphasis = 0;    ///< at least the emphasis, strong and strikeout nodes of the result
};

/// `html_breaks`: hard breaks will be written as `<br />` (headings, table cells) rather than as
/// backslash-newline, which changes how a neighbouring delimiter sees them. `counts`, when given,
/// receives the counts above.
Inlines md_normalize_inlines(const Inlines& inlines, bool html_breaks,
                             MdNormalizeCounts* counts = nullptr);

/// Whether md_normalize_inlines(inlines, html_breaks) would return `inlines` unchanged, decided
/// without building anything, so that a caller can use them as they are (a long paragraph's copy
/// is as large as the document's tree). False also where it does not look: links, spans,
/// superscript, subscript and hard breaks. `counts`, when given and the answer is true, receives
/// what md_normalize_inlines would count.
bool md_inlines_are_normal(const Inlines& inlines, bool html_breaks,
                           MdNormalizeCounts* counts = nullptr);

}  // namespace sheaf::markdown
