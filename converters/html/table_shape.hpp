#pragma once
// How rows read from any source become a model Table: shared by the HTML reader (<table>) and the
// Markdown reader's direct reading of cmark-gfm tables, so both shape tables the same way.
#include <vector>

#include "converters/html/flow.hpp"
#include "core/document.hpp"

namespace sheaf::html {

/// Appends to `flow` what the rows make (footer rows already appended to `body`): without head
/// rows, leading all-<th> rows of the body (not the last) become the head; rows without cells are
/// dropped; a table without any non-empty cell leaves only its caption (as a paragraph); a one-cell
/// table without caption leaves only the cell's blocks (layout, not data); otherwise a Table whose
/// column count and alignments come from an occupancy grid of the spans.
void add_table(Inlines caption, std::vector<TableRow> head, std::vector<TableRow> body, Flow& flow);

}  // namespace sheaf::html
