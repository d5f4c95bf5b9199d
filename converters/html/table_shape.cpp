#include "converters/html/table_shape.hpp"

#include <algorithm>

namespace sheaf::html {
namespace {

bool all_header(const TableRow& row) {
  return !row.cells.empty() &&
         std::all_of(row.cells.begin(), row.cells.end(), [](const TableCell& c) { return c.header; });
}

}  // namespace

void add_table(Inlines caption, std::vector<TableRow> head, std::vector<TableRow> body, Flow& flow) {
  // Without <thead>, leading rows of <th> cells are the header.
  if (head.empty()) {
    std::size_t n = 0;
    while (n < body.size() && n + 1 < body.size() && all_header(body[n])) ++n;
    head.assign(std::make_move_iterator(body.begin()), std::make_move_iterator(body.begin() + static_cast<std::ptrdiff_t>(n)));
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(n));
  }
  auto drop_empty = [](std::vector<TableRow>& rows) {
    std::erase_if(rows, [](const TableRow& r) { return r.cells.empty(); });
  };
  drop_empty(head);
  drop_empty(body);

  std::size_t cells = 0;
  for (const auto* rows : {&head, &body})
    for (const TableRow& r : *rows)
      for (const TableCell& cell : r.cells) cells += cell.content.empty() ? 0 : 1;
  if (cells == 0) {
    if (!caption.empty()) flow.block(Block{Paragraph{std::move(caption)}});
    return;
  }
  // A one-cell table is layout, not data: keep its content only.
  if (head.size() + body.size() == 1) {
    TableRow& only = head.empty() ? body.front() : head.front();
    if (only.cells.size() == 1 && caption.empty()) {
      flow.end_paragraph();
      for (Block& b : only.cells.front().content) flow.block(std::move(b));
      return;
    }
  }

  // Column count from an occupancy grid, so row spans are counted once.
  std::vector<int> pending;  // rows still covered by a rowspan, per column
  std::size_t columns = 0;
  std::vector<Alignment> aligns;
  for (const auto* rows : {&head, &body}) {
    for (const TableRow& r : *rows) {
      std::size_t col = 0;
      for (const TableCell& cell : r.cells) {
        while (col < pending.size() && pending[col] > 0) ++col;
        const auto span = static_cast<std::size_t>(cell.col_span);
        if (pending.size() < col + span) pending.resize(col + span, 0);
        if (aligns.size() < col + span) aligns.resize(col + span, Alignment::none);
        if (aligns[col] == Alignment::none) aligns[col] = cell.align;
        for (std::size_t k = col; k < col + span; ++k) pending[k] = cell.row_span;
        col += span;
      }
      columns = std::max(columns, std::max(col, pending.size()));
      for (int& p : pending)
        if (p > 0) --p;
    }
  }
  aligns.resize(columns, Alignment::none);
  Table t;
  t.caption = std::move(caption);
  t.columns = std::move(aligns);
  t.head = std::move(head);
  t.body = std::move(body);
  flow.block(Block{std::move(t)});
}

}  // namespace sheaf::html
