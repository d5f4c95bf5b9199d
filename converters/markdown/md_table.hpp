#pragma once
// GFM pipe tables. A table is written as one when it has exactly one header row, no spans, no
// caption, no header cells in the body, and every cell holds at most one paragraph; otherwise the
// writer falls back to an HTML table (md_html_blocks.hpp), which keeps everything.
#include <string>

#include "converters/markdown/md_state.hpp"
#include "core/document.hpp"

namespace sheaf::markdown {

bool md_pipe_table_fits(const Table& table);

/// The table as pipe-table lines ('\n'-separated, no final newline). Hard breaks in cells become
/// `<br />`, `|` is escaped everywhere in a cell.
std::string md_pipe_table(const Table& table, MdState& state);

/// The number of columns: Table::columns, or the widest row when columns is empty.
std::size_t md_table_columns(const Table& table);

}  // namespace sheaf::markdown
