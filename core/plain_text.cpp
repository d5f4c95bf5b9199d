#include "core/plain_text.hpp"

#include "core/overloaded.hpp"

namespace sheaf {
namespace {

void add_inlines(const Inlines& inlines, std::string& out);
void add_blocks(const Blocks& blocks, std::string& out);

void separate(std::string& out) {
  if (!out.empty() && out.back() != '\n') out += '\n';
}

void add_inlines(const Inlines& inlines, std::string& out) {
  for (const Inline& node : inlines) {
    std::visit(overloaded{
                   [&](const Text& t) { out += t.text; },
                   [&](const Emph& e) { add_inlines(e.children, out); },
                   [&](const Strong& e) { add_inlines(e.children, out); },
                   [&](const Strikeout& e) { add_inlines(e.children, out); },
                   [&](const Superscript& e) { add_inlines(e.children, out); },
                   [&](const Subscript& e) { add_inlines(e.children, out); },
                   [&](const Code& c) { out += c.text; },
                   [&](const Link& l) { add_inlines(l.children, out); },
                   [&](const Image& i) { out += i.alt; },
                   [&](const LineBreak&) { out += '\n'; },
                   [&](const Note& n) {
                     std::string inner;
                     add_blocks(n.content, inner);
                     while (!inner.empty() && inner.back() == '\n') inner.pop_back();
                     out += inner;
                   },
                   [&](const Math& m) { out += m.tex; },
                   [&](const Span& s) { add_inlines(s.children, out); },
                   [](const RawInline&) {},  // markup (a tag, a comment): no text of its own
               },
               node.node);
  }
}

void add_cells(const std::vector<TableRow>& rows, std::string& out) {
  for (const TableRow& row : rows)
    for (const TableCell& cell : row.cells) add_blocks(cell.content, out);
}

void add_blocks(const Blocks& blocks, std::string& out) {
  for (const Block& block : blocks) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { separate(out); add_inlines(p.children, out); },
                   [&](const Heading& h) { separate(out); add_inlines(h.children, out); },
                   [&](const BulletList& l) {
                     for (const ListItem& item : l.items) add_blocks(item.children, out);
                   },
                   [&](const OrderedList& l) {
                     for (const ListItem& item : l.items) add_blocks(item.children, out);
                   },
                   [&](const BlockQuote& q) { add_blocks(q.children, out); },
                   [&](const CodeBlock& c) { separate(out); out += c.text; },
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                     separate(out);
                     add_inlines(t.caption, out);
                     add_cells(t.head, out);
                     add_cells(t.body, out);
                   },
                   [&](const Figure& f) {
                     separate(out);
                     add_inlines(f.caption, out);
                     separate(out);
                     add_inlines(f.credit, out);
                   },
                   [&](const DefinitionList& d) {
                     for (const DefinitionItem& item : d.items) {
                       separate(out);
                       add_inlines(item.term, out);
                       for (const Blocks& def : item.definitions) add_blocks(def, out);
                     }
                   },
                   [&](const Div& d) { add_blocks(d.children, out); },
                   [&](const RawBlock& r) { separate(out); out += r.text; },
               },
               block.node);
  }
  separate(out);
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  add_inlines(inlines, out);
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  add_blocks(blocks, out);
  return out;
}

}  // namespace sheaf
