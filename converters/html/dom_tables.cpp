// Tables: rows from thead/tbody/tfoot or bare <tr>, header rows, spans, column alignment.
#include "converters/html/dom_reader.hpp"
#include "converters/html/libxml_document.hpp"

#include <algorithm>
#include <charconv>

namespace sheaf::html {
namespace {

int span_attribute(const xmlNode* cell, const char* name) {
  const std::string v = attribute(cell, name);
  int value = 1;
  if (std::from_chars(v.data(), v.data() + v.size(), value).ec != std::errc{}) return 1;
  return std::clamp(value, 1, 1000);  // HTML caps colspan at 1000
}

Alignment cell_alignment(const xmlNode* cell) {
  std::string a = attribute(cell, "align");
  if (a.empty()) {
    const std::string style = attribute(cell, "style");
    auto p = style.find("text-align");
    if (p != std::string::npos) {
      for (const char* v : {"left", "center", "right"})
        if (style.find(v, p) != std::string::npos) { a = v; break; }
    }
  }
  if (a == "left") return Alignment::left;
  if (a == "center") return Alignment::center;
  if (a == "right") return Alignment::right;
  return Alignment::none;
}

bool all_header(const TableRow& row) {
  return !row.cells.empty() &&
         std::all_of(row.cells.begin(), row.cells.end(), [](const TableCell& c) { return c.header; });
}

}  // namespace

TableRow DomReader::table_row(const xmlNode* tr, std::size_t depth) {
  TableRow row;
  for (const xmlNode* c = tr->children; c; c = c->next) {
    const auto name = element_name(c);
    if (name != "td" && name != "th") continue;
    TableCell cell;
    cell.content = sub_blocks(c, depth);
    cell.align = cell_alignment(c);
    cell.col_span = span_attribute(c, "colspan");
    cell.row_span = span_attribute(c, "rowspan");
    cell.header = name == "th";
    row.cells.push_back(std::move(cell));
  }
  return row;
}

void DomReader::table(const xmlNode* el, Flow& flow, std::size_t depth) {
  Table t;
  std::vector<TableRow> head, body, foot;
  for (const xmlNode* c = el->children; c; c = c->next) {
    const auto name = element_name(c);
    if (name == "caption" && t.caption.empty()) {
      t.caption = sub_inlines(c, depth);
    } else if (name == "tr") {
      body.push_back(table_row(c, depth));
    } else if (name == "thead" || name == "tbody" || name == "tfoot") {
      auto& target = name == "thead" ? head : (name == "tfoot" ? foot : body);
      for (const xmlNode* r = c->children; r; r = r->next)
        if (element_name(r) == "tr") target.push_back(table_row(r, depth + 1));
    }
  }
  // Without <thead>, leading rows of <th> cells are the header.
  if (head.empty()) {
    std::size_t n = 0;
    while (n < body.size() && n + 1 < body.size() && all_header(body[n])) ++n;
    head.assign(std::make_move_iterator(body.begin()), std::make_move_iterator(body.begin() + static_cast<std::ptrdiff_t>(n)));
    body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(n));
  }
  for (TableRow& r : foot) body.push_back(std::move(r));
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
    if (!t.caption.empty()) flow.block(Block{Paragraph{std::move(t.caption)}});
    return;
  }
  // A one-cell table is layout, not data: keep its content only.
  if (head.size() + body.size() == 1) {
    TableRow& only = head.empty() ? body.front() : head.front();
    if (only.cells.size() == 1 && t.caption.empty()) {
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
  t.columns = std::move(aligns);
  t.head = std::move(head);
  t.body = std::move(body);
  flow.block(Block{std::move(t)});
}

}  // namespace sheaf::html
