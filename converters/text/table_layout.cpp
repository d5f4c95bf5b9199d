#include "converters/text/table_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "converters/shared/unicode.hpp"
#include "converters/text/blocks.hpp"
#include "converters/text/inline_flow.hpp"
#include "converters/text/wrap.hpp"

namespace sheaf::text {
namespace {

constexpr std::size_t kGap = 2;  // spaces between columns
// A wrapped column narrower than this (or than its natural width, if less) is unreadable: the
// table is printed as records instead.
constexpr std::size_t kReadableColumn = 10;

struct PlacedCell {
  std::size_t row = 0;
  std::size_t column = 0;
  std::size_t span = 1;
  Alignment align = Alignment::none;
  Flow flow;
};

struct Grid {
  std::size_t columns = 0;
  std::size_t head_rows = 0;
  std::size_t rows = 0;
  std::vector<PlacedCell> cells;  // row-major, in source order
};

/// Places each cell at the first free column of its row, HTML-style, and renders its text once
/// (so notes and links are numbered once, in reading order).
Grid build_grid(const Table& table, RenderState& state) {
  Grid grid;
  grid.head_rows = table.head.size();
  grid.rows = table.head.size() + table.body.size();
  const std::size_t declared = table.columns.size();
  std::vector<std::size_t> busy_until;  // per column: first row not covered by a row span above
  std::size_t row_index = 0;
  const auto place_section = [&](const std::vector<TableRow>& rows) {
    const std::size_t section_end = row_index + rows.size();
    for (const TableRow& row : rows) {
      std::size_t column = 0;
      for (const TableCell& cell : row.cells) {
        while (column < busy_until.size() && busy_until[column] > row_index) ++column;
        const std::size_t limit = std::max(declared, column + 1);
        const std::size_t span =
            std::clamp<std::size_t>(static_cast<std::size_t>(std::max(cell.col_span, 1)), 1, limit - column);
        const std::size_t rows_left = section_end - row_index;
        const std::size_t down =
            std::clamp<std::size_t>(static_cast<std::size_t>(std::max(cell.row_span, 1)), 1, rows_left);
        if (busy_until.size() < column + span) busy_until.resize(column + span, 0);
        for (std::size_t c = column; c < column + span; ++c) busy_until[c] = row_index + down;
        PlacedCell placed;
        placed.row = row_index;
        placed.column = column;
        placed.span = span;
        placed.align = cell.align != Alignment::none ? cell.align
                       : column < declared           ? table.columns[column]
                                                     : Alignment::none;
        FlowBuilder builder(true);
        add_blocks_flat(cell.content, builder, state);
        placed.flow = builder.finish();
        grid.cells.push_back(std::move(placed));
        column += span;
      }
      ++row_index;
    }
  };
  place_section(table.head);
  place_section(table.body);
  grid.columns = std::max(declared, busy_until.size());
  return grid;
}

/// Per-column widths meeting `need(cell)` for every cell: single-column cells first, then each
/// spanning cell widens the last column it covers by what it still lacks.
template <class Need>
std::vector<std::size_t> column_widths(const Grid& grid, Need need) {
  std::vector<std::size_t> widths(grid.columns, 0);
  for (const PlacedCell& cell : grid.cells)
    if (cell.span == 1) widths[cell.column] = std::max(widths[cell.column], need(cell));
  for (const PlacedCell& cell : grid.cells) {
    if (cell.span == 1) continue;
    std::size_t have = 0;
    for (std::size_t c = cell.column; c < cell.column + cell.span; ++c)
      have += widths[c] + (c > cell.column && widths[c] > 0 ? kGap : 0);
    const std::size_t wanted = need(cell);
    if (wanted > have) widths[cell.column + cell.span - 1] += wanted - have;
  }
  return widths;
}

std::size_t total_width(const std::vector<std::size_t>& widths) {
  std::size_t total = 0, shown = 0;
  for (std::size_t w : widths)
    if (w > 0) {
      total += w;
      ++shown;
    }
  return shown == 0 ? 0 : total + kGap * (shown - 1);
}

/// Columns a cell spanning [column, column + span) may fill.
std::size_t span_width(const std::vector<std::size_t>& widths, std::size_t column, std::size_t span) {
  std::size_t total = 0;
  bool any = false;
  for (std::size_t c = column; c < column + span; ++c) {
    if (widths[c] == 0) continue;
    total += widths[c] + (any ? kGap : 0);
    any = true;
  }
  return total;
}

/// Shares `available` columns out. Every column gets its minimum; then, by water-filling, the
/// columns that lack least get their natural width while that costs no more than an equal share
/// of what is left, and the rest split the remainder equally. Narrow columns (numbers, names) so
/// stay whole and long text columns wrap.
std::vector<std::size_t> share_out(const std::vector<std::size_t>& minimum,
                                   const std::vector<std::size_t>& natural, std::size_t available) {
  std::vector<std::size_t> widths = minimum;
  std::size_t spare = available - total_width(minimum);
  const auto lack = [&](std::size_t c) { return natural[c] > minimum[c] ? natural[c] - minimum[c] : 0; };
  std::vector<std::size_t> short_of;  // columns below their natural width, least lacking first
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (lack(c) > 0 && widths[c] > 0) short_of.push_back(c);
  std::stable_sort(short_of.begin(), short_of.end(), [&](std::size_t a, std::size_t b) { return lack(a) < lack(b); });
  std::size_t next = 0;
  for (; next < short_of.size(); ++next) {
    const std::size_t c = short_of[next];
    if (lack(c) * (short_of.size() - next) > spare) break;
    widths[c] = natural[c];
    spare -= lack(c);
  }
  const std::size_t left = short_of.size() - next;
  if (left == 0) return widths;
  // The remaining columns all lack more than an equal share, so each takes the share; the
  // leftover columns of the division go to the leftmost of them.
  std::vector<std::size_t> rest(short_of.begin() + static_cast<std::ptrdiff_t>(next), short_of.end());
  std::sort(rest.begin(), rest.end());
  for (std::size_t i = 0; i < rest.size(); ++i)
    widths[rest[i]] += spare / left + (i < spare % left ? 1 : 0);
  return widths;
}

std::string aligned(std::string_view text, std::size_t width, std::size_t target, Alignment align) {
  const std::size_t pad = target > width ? target - width : 0;
  std::size_t left = 0;
  if (align == Alignment::right) left = pad;
  if (align == Alignment::center) left = pad / 2;
  std::string out(left, ' ');
  out += printable(text);
  out.append(pad - left, ' ');
  return out;
}

void render_columns(const Grid& grid, const std::vector<std::size_t>& widths, bool wrapped,
                    RenderState& state) {
  // Lines of each cell, at the width of the columns it spans.
  std::vector<std::vector<LineSpan>> lines(grid.cells.size());
  std::vector<std::size_t> height(grid.rows, 1);
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    const PlacedCell& cell = grid.cells[i];
    lines[i] = wrap(cell.flow, wrapped ? span_width(widths, cell.column, cell.span) : 0, state.breaker);
    height[cell.row] = std::max(height[cell.row], lines[i].size());
  }
  const bool multi_line = std::any_of(height.begin(), height.end(), [](std::size_t h) { return h > 1; });
  std::size_t next = 0;  // first cell of the current row
  for (std::size_t row = 0; row < grid.rows; ++row) {
    std::size_t end = next;
    while (end < grid.cells.size() && grid.cells[end].row == row) ++end;
    if (multi_line && row > grid.head_rows && row > 0) state.sink.line("");
    for (std::size_t l = 0; l < height[row]; ++l) {
      std::string out;
      bool any = false;
      std::size_t column = 0;
      std::size_t at = next;
      while (column < grid.columns) {
        const PlacedCell* cell = at < end && grid.cells[at].column == column ? &grid.cells[at] : nullptr;
        const std::size_t span = cell ? cell->span : 1;
        const std::size_t target = span_width(widths, column, span);
        if (target > 0) {
          if (any) out.append(kGap, ' ');
          any = true;
          if (cell && l < lines[at].size()) {
            const LineSpan s = lines[at][l];
            const std::string_view text = std::string_view(cell->flow.text).substr(s.begin, s.end - s.begin);
            out += aligned(text, unicode::display_width(text), target, cell->align);
          } else {
            out.append(target, ' ');
          }
        }
        if (cell) ++at;
        column += span;
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      state.sink.line(out);
    }
    if (row + 1 == grid.head_rows && grid.rows > grid.head_rows) {
      std::string rule;
      for (std::size_t w : widths) {
        if (w == 0) continue;
        if (!rule.empty()) rule.append(kGap, ' ');
        rule.append(w, '-');
      }
      state.sink.line(rule);
    }
    next = end;
  }
}

/// The header text over each column (several header rows joined with " / ").
std::vector<std::string> column_labels(const Grid& grid) {
  std::vector<std::string> labels(grid.columns);
  for (const PlacedCell& cell : grid.cells) {
    if (cell.row >= grid.head_rows || cell.flow.text.empty()) continue;
    std::string& label = labels[cell.column];
    if (label == cell.flow.text) continue;
    if (!label.empty()) label += " / ";
    label += printable(cell.flow.text);
  }
  return labels;
}

void render_records(const Grid& grid, RenderState& state) {
  const bool has_body = grid.rows > grid.head_rows;
  const std::vector<std::string> labels =
      has_body ? column_labels(grid) : std::vector<std::string>(grid.columns);
  const std::size_t first_row = has_body ? grid.head_rows : 0;
  std::size_t at = 0;
  while (at < grid.cells.size() && grid.cells[at].row < first_row) ++at;
  for (std::size_t row = first_row; row < grid.rows; ++row) {
    state.sink.push("- ", "  ");
    const std::size_t before = state.sink.lines();
    for (; at < grid.cells.size() && grid.cells[at].row == row; ++at) {
      const PlacedCell& cell = grid.cells[at];
      if (cell.flow.text.empty()) continue;
      const std::string& label = labels[cell.column];
      if (label.empty()) {
        render_flow(cell.flow, state);
        continue;
      }
      Flow labelled;
      labelled.text = label + ": ";
      const std::size_t shift = labelled.text.size();
      labelled.text += cell.flow.text;
      for (Keep k : cell.flow.keep) labelled.keep.push_back({k.begin + shift, k.end + shift});
      render_flow(labelled, state);
    }
    if (state.sink.lines() == before) state.sink.line("");
    state.sink.pop();
    state.sink.separate(true);
  }
}

}  // namespace

void render_table(const Table& table, RenderState& state) {
  if (!table.caption.empty()) {
    FlowBuilder caption;
    add_inlines(table.caption, caption, state);
    render_flow(caption.finish(), state);
    state.sink.separate(false);
  }
  const Grid grid = build_grid(table, state);
  if (grid.cells.empty()) return;
  const std::vector<std::size_t> natural =
      column_widths(grid, [](const PlacedCell& cell) { return natural_width(cell.flow); });
  const std::size_t available = state.width();
  if (available == 0 || total_width(natural) <= available) {
    render_columns(grid, natural, false, state);
    return;
  }
  // A column with text keeps at least one column even if its text is all zero-width.
  std::vector<std::size_t> minimum = column_widths(grid, [&](const PlacedCell& cell) {
    return cell.flow.text.empty() ? std::size_t{0} : std::max<std::size_t>(1, widest_token(cell.flow, state.breaker));
  });
  for (std::size_t c = 0; c < minimum.size(); ++c)
    minimum[c] = std::max(minimum[c], std::min(natural[c], kReadableColumn));
  if (total_width(minimum) <= available) {
    render_columns(grid, share_out(minimum, natural, available), true, state);
    return;
  }
  render_records(grid, state);
}

}  // namespace sheaf::text
