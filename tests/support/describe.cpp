#include "tests/support/describe.hpp"

#include "core/overloaded.hpp"

namespace sheaf::test {
namespace {

std::string quote(const std::string& s) { return "\"" + s + "\""; }

std::string items(const std::vector<ListItem>& list) {
  std::string out;
  for (const ListItem& item : list) {
    out += "Item";
    if (item.task == Task::open) out += "(todo)";
    if (item.task == Task::done) out += "(done)";
    out += "[" + describe(item.children) + "]";
  }
  return out;
}

std::string rows(const std::vector<TableRow>& rows) {
  std::string out;
  for (const TableRow& r : rows) {
    out += "Row[";
    for (const TableCell& c : r.cells) {
      out += c.header ? "Th" : "Td";
      if (c.col_span != 1) out += "(colspan=" + std::to_string(c.col_span) + ")";
      if (c.row_span != 1) out += "(rowspan=" + std::to_string(c.row_span) + ")";
      out += "[" + describe(c.content) + "]";
    }
    out += "]";
  }
  return out;
}

}  // namespace

std::string describe(const Inlines& inlines) {
  std::string out;
  for (const Inline& node : inlines) {
    if (!out.empty()) out += ' ';
    out += std::visit(
        overloaded{
            [](const Text& t) { return "Text " + quote(t.text); },
            [](const Emph& e) { return "Emph[" + describe(e.children) + "]"; },
            [](const Strong& e) { return "Strong[" + describe(e.children) + "]"; },
            [](const Strikeout& e) { return "Strike[" + describe(e.children) + "]"; },
            [](const Superscript& e) { return "Sup[" + describe(e.children) + "]"; },
            [](const Subscript& e) { return "Sub[" + describe(e.children) + "]"; },
            [](const Code& c) { return "Code " + quote(c.text); },
            [](const Link& l) { return "Link(" + l.url + ")[" + describe(l.children) + "]"; },
            [](const Image& i) { return "Image(" + i.src + (i.alt.empty() ? "" : " alt=" + quote(i.alt)) + ")"; },
            [](const LineBreak&) { return std::string("Br"); },
            [](const Note& n) { return "Note[" + describe(n.content) + "]"; },
            [](const Math& m) { return std::string(m.display ? "DisplayMath " : "Math ") + quote(m.tex); },
            [](const Span& s) {
              std::string classes;
              for (const std::string& c : s.attr.classes) classes += "." + c;
              return "Span(" + (s.attr.id.empty() ? "" : "#" + s.attr.id) + classes +
                     (s.attr.lang.empty() ? "" : " lang=" + s.attr.lang) + ")[" + describe(s.children) + "]";
            },
            [](const RawInline& r) { return "RawInline(" + r.format + ") " + quote(r.text); },
        },
        node.node);
  }
  return out;
}

std::string describe(const Blocks& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    if (!out.empty()) out += ' ';
    out += std::visit(
        overloaded{
            [](const Paragraph& p) { return "Para[" + describe(p.children) + "]"; },
            [](const Heading& h) {
              return "H" + std::to_string(h.level) + (h.id.empty() ? "" : "#" + h.id) + "[" + describe(h.children) + "]";
            },
            [](const BulletList& l) { return std::string(l.tight ? "Bullets" : "LooseBullets") + "[" + items(l.items) + "]"; },
            [](const OrderedList& l) {
              return std::string(l.tight ? "Ordered" : "LooseOrdered") + "(" + std::to_string(l.start) + ")[" + items(l.items) + "]";
            },
            [](const BlockQuote& q) { return "Quote[" + describe(q.children) + "]"; },
            [](const CodeBlock& c) { return "CodeBlock(" + c.language + ") " + quote(c.text); },
            [](const ThematicBreak&) { return std::string("Hr"); },
            [](const Table& t) {
              return "Table(cols=" + std::to_string(t.columns.size()) + ")" +
                     (t.caption.empty() ? "" : "{caption=[" + describe(t.caption) + "]}") + "{head=" + rows(t.head) +
                     " body=" + rows(t.body) + "}";
            },
            [](const Figure& f) {
              return "Figure{img=" + quote(f.image.src) + " caption=[" + describe(f.caption) + "] credit=[" +
                     describe(f.credit) + "]}";
            },
            [](const DefinitionList& d) {
              std::string s = "Defs[";
              for (const DefinitionItem& i : d.items) {
                s += "Term[" + describe(i.term) + "]";
                for (const Blocks& def : i.definitions) s += "Def[" + describe(def) + "]";
              }
              return s + "]";
            },
            [](const Div& d) {
              std::string classes;  // ".related": shown only when present, so older examples read as before
              for (const std::string& c : d.attr.classes) classes += "." + c;
              return "Div(" + d.attr.id + classes + (d.attr.lang.empty() ? "" : " lang=" + d.attr.lang) + ")[" +
                     describe(d.children) + "]";
            },
            [](const RawBlock& r) { return "Raw(" + r.format + ") " + quote(r.text); },
        },
        block.node);
  }
  return out;
}

}  // namespace sheaf::test
