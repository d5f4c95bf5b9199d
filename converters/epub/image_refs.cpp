#include "converters/epub/image_refs.hpp"

#include "core/overloaded.hpp"

namespace sheaf::epub {
namespace {

class Collector {
 public:
  std::vector<std::string> sources;

  void blocks(const Blocks& list) {
    for (const Block& b : list) block(b);
  }

 private:
  void inlines(const Inlines& list) {
    for (const Inline& i : list) inline_node(i);
  }
  void items(const std::vector<ListItem>& list) {
    for (const ListItem& item : list) blocks(item.children);
  }
  void rows(const std::vector<TableRow>& list) {
    for (const TableRow& row : list)
      for (const TableCell& cell : row.cells) blocks(cell.content);
  }

  void block(const Block& b) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { inlines(p.children); },
                   [&](const Heading& h) { inlines(h.children); },
                   [&](const BulletList& l) { items(l.items); },
                   [&](const OrderedList& l) { items(l.items); },
                   [&](const BlockQuote& q) { blocks(q.children); },
                   [&](const CodeBlock&) {},      // literal text: no references
                   [&](const ThematicBreak&) {},  // no content
                   [&](const Table& t) {
                     inlines(t.caption);
                     rows(t.head);
                     rows(t.body);
                   },
                   [&](const Figure& f) {
                     sources.push_back(f.image.src);
                     inlines(f.caption);
                     inlines(f.credit);
                   },
                   [&](const DefinitionList& l) {
                     for (const DefinitionItem& item : l.items) {
                       inlines(item.term);
                       for (const Blocks& d : item.definitions) blocks(d);
                     }
                   },
                   [&](const Div& d) { blocks(d.children); },
                   [&](const RawBlock&) {},  // not rendered by the EPUB writer's image path
               },
               b.node);
  }

  void inline_node(const Inline& i) {
    std::visit(overloaded{
                   [&](const Text&) {},
                   [&](const Emph& e) { inlines(e.children); },
                   [&](const Strong& s) { inlines(s.children); },
                   [&](const Strikeout& s) { inlines(s.children); },
                   [&](const Superscript& s) { inlines(s.children); },
                   [&](const Subscript& s) { inlines(s.children); },
                   [&](const Code&) {},
                   [&](const Link& l) { inlines(l.children); },
                   [&](const Image& img) { sources.push_back(img.src); },
                   [&](const LineBreak&) {},
                   [&](const Note& n) { blocks(n.content); },
                   [&](const Math&) {},
                   [&](const Span& s) { inlines(s.children); },
                   [&](const RawInline&) {},  // raw markup: the EPUB writer embeds no image from it
               },
               i.node);
  }
};

}  // namespace

std::vector<std::string> image_sources(const Document& doc) {
  Collector c;
  c.blocks(doc.blocks);
  return std::move(c.sources);
}

}  // namespace sheaf::epub
