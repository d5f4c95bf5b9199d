#include "converters/markdown/md_table.hpp"

#include <algorithm>

#include "converters/markdown/md_inline.hpp"

namespace sheaf::markdown {
namespace {

bool inline_only(const TableCell& cell) {
  return cell.content.empty() ||
         (cell.content.size() == 1 && std::holds_alternative<Paragraph>(cell.content.front().node));
}

std::string cell_text(const TableCell* cell, MdState& state) {
  if (!cell || cell->content.empty()) return {};
  const auto& para = std::get<Paragraph>(cell->content.front().node);
  return md_render_inlines(para.children, InlineMode::table_cell, state).text;
}

std::string row_line(const TableRow& row, std::size_t columns, MdState& state) {
  std::string out = "|";
  for (std::size_t c = 0; c < columns; ++c) {
    const TableCell* cell = c < row.cells.size() ? &row.cells[c] : nullptr;
    const std::string text = cell_text(cell, state);
    out += ' ';
    out += text;
    out += text.empty() ? "|" : " |";
  }
  return out;
}

}  // namespace

std::size_t md_table_columns(const Table& table) {
  std::size_t n = table.columns.size();
  if (n == 0) {
    for (const TableRow& r : table.head) n = std::max(n, r.cells.size());
    for (const TableRow& r : table.body) n = std::max(n, r.cells.size());
  }
  return n;
}

bool md_pipe_table_fits(const Table& table) {
  if (table.head.size() != 1 || !table.caption.empty() || md_table_columns(table) == 0) return false;
  const std::size_t columns = md_table_columns(table);
  auto simple = [&](const TableRow& row, bool body) {
    if (row.cells.size() > columns) return false;
    for (const TableCell& cell : row.cells)
      if (cell.col_span != 1 || cell.row_span != 1 || !inline_only(cell) || (body && cell.header))
        return false;
    return true;
  };
  if (!simple(table.head.front(), false)) return false;
  return std::all_of(table.body.begin(), table.body.end(),
                     [&](const TableRow& r) { return simple(r, true); });
}

std::string md_pipe_table(const Table& table, MdState& state) {
  const std::size_t columns = md_table_columns(table);
  std::string out = row_line(table.head.front(), columns, state);
  out += "\n|";
  for (std::size_t c = 0; c < columns; ++c) {
    const Alignment a = c < table.columns.size() ? table.columns[c] : Alignment::none;
    switch (a) {
      case Alignment::none: out += " --- |"; break;
      case Alignment::left: out += " :-- |"; break;
      case Alignment::center: out += " :-: |"; break;
      case Alignment::right: out += " --: |"; break;
    }
  }
  for (const TableRow& row : table.body) {
    out += '\n';
    out += row_line(row, columns, state);
  }
  return out;
}

}  // namespace sheaf::markdown
