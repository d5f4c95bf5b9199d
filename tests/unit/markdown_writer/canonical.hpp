#pragma once
// A canonical text form of document structure, computed both from a sheaf Document and from
// cmark-gfm's tree of the Markdown written for it, so that tests compare what a reader of the
// rendered page gets rather than bytes:
//   - blocks as `P[...]`, `H2[...]`, `UL tight{LI{...}}`, `OL 3 loose{...}`, `Q{...}`,
//     `CODE lang "text"`, `HR`, `TABLE l,c{HEAD{ROW{CELL[...]}}BODY{...}}`, `NOTE{...}`;
//   - inline content as runs of characters with the same formatting: `{E}`, `{S}`, `{D}` for
//     emphasis, strong, strikeout (a multiset, so nesting order does not count), `{C}` code,
//     `{L url|title}` links; images `<IMG src|alt|title>`, hard breaks `<BR>`, footnote calls
//     `<FN>`. Whitespace and punctuation carry no E/S/D (the writer may move them out of emphasis).
#include <string>

#include "core/document.hpp"

namespace sheaf::test_md {

/// One inline element: a character with its formatting, or a token.
struct CanonChar {
  std::string ch;   ///< one UTF-8 character, or a token like <BR>
  std::string fmt;  ///< formatting letters and link targets, sorted
};

/// Canonical string of a run of CanonChars (merges runs, drops E/S/D on space and punctuation).
std::string canonical_inline(const std::vector<CanonChar>& chars);

/// The canonical form of `doc` (footnotes as NOTE blocks after the body, in call order).
std::string canonical(const Document& doc);

}  // namespace sheaf::test_md
