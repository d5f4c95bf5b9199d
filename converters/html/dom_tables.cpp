// Tables: rows from thead/tbody/tfoot or bare <tr>, header rows, spans, column alignment.
#include "converters/html/dom_reader.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/table_shape.hpp"

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
  Inlines caption;
  std::vector<TableRow> head, body, foot;
  for (const xmlNode* c = el->children; c; c = c->next) {
    const auto name = element_name(c);
    if (name == "caption" && caption.empty()) {
      caption = sub_inlines(c, depth);
    } else if (name == "tr") {
      body.push_back(table_row(c, depth));
    } else if (name == "thead" || name == "tbody" || name == "tfoot") {
      auto& target = name == "thead" ? head : (name == "tfoot" ? foot : body);
      for (const xmlNode* r = c->children; r; r = r->next)
        if (element_name(r) == "tr") target.push_back(table_row(r, depth + 1));
    }
  }
  for (TableRow& r : foot) body.push_back(std::move(r));
  add_table(std::move(caption), std::move(head), std::move(body), flow);
}

}  // namespace sheaf::html
