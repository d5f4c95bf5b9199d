#pragma once
// Tables as aligned columns, measured in display width (CJK two columns, combining marks zero),
// two spaces between columns, a rule of '-' under the header rows. The caption comes first.
//
//  1. If every cell fits on one line within the width, columns are as wide as their widest cell.
//  2. Otherwise, if every column can have at least its widest unbreakable token and at least 10
//     columns (or its natural width, if less), the spare width is shared out by water-filling,
//     cells wrap inside their columns, and a blank line separates body rows.
//  3. Otherwise (too many or too wide columns) each body row becomes a list item of
//     "header: value" lines (just the values when there is no header row).
// Column spans take the width of the columns they cover; a row-spanning cell is printed in its
// first row. Columns with no text at all are left out.
#include "converters/text/render_state.hpp"
#include "core/document.hpp"

namespace sheaf::text {

void render_table(const Table& table, RenderState& state);

}  // namespace sheaf::text
