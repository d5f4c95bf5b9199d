// for_each_block / for_each_inline (include/sheaf/sheaf.hpp): one walker over every node kind.
// Visits are exhaustive (no catch-all), so a new node kind fails to compile here until the walk
// decides where its children are. Recursion is bounded by ReaderOptions::max_depth.
#include <variant>

#include "sheaf/sheaf.hpp"

namespace sheaf {
namespace {

/// Walks blocks and inlines; either callback may be empty. Children are walked after the callback
/// ran on their container, so a callback's changes to the children are seen.
class Walker {
 public:
  Walker(const std::function<void(Block&)>* on_block, const std::function<void(Inline&)>* on_inline)
      : on_block_(on_block), on_inline_(on_inline) {}

  void blocks(Blocks& list) {
    for (Block& b : list) block(b);
  }

  void inlines(Inlines& list) {
    for (Inline& i : list) inline_node(i);
  }

 private:
  void block(Block& b) {
    if (on_block_) (*on_block_)(b);
    std::visit(overloaded{
                   [&](Paragraph& p) { inlines(p.children); },
                   [&](Heading& h) { inlines(h.children); },
                   [&](BulletList& l) { items(l.items); },
                   [&](OrderedList& l) { items(l.items); },
                   [&](BlockQuote& q) { blocks(q.children); },
                   [](CodeBlock&) {},      // literal text: no nodes inside
                   [](ThematicBreak&) {},  // no content
                   [&](Table& t) {
                     inlines(t.caption);
                     rows(t.head);
                     rows(t.body);
                   },
                   [&](Figure& f) {
                     inlines(f.caption);
                     inlines(f.credit);
                   },
                   [&](DefinitionList& l) {
                     for (DefinitionItem& item : l.items) {
                       inlines(item.term);
                       for (Blocks& d : item.definitions) blocks(d);
                     }
                   },
                   [&](Div& d) { blocks(d.children); },
                   [](RawBlock&) {},  // raw text: no nodes inside
               },
               b.node);
  }

  void items(std::vector<ListItem>& list) {
    for (ListItem& item : list) blocks(item.children);
  }

  void rows(std::vector<TableRow>& list) {
    for (TableRow& row : list)
      for (TableCell& cell : row.cells) blocks(cell.content);
  }

  void inline_node(Inline& i) {
    if (on_inline_) (*on_inline_)(i);
    std::visit(overloaded{
                   [](Text&) {},
                   [&](Emph& e) { inlines(e.children); },
                   [&](Strong& s) { inlines(s.children); },
                   [&](Strikeout& s) { inlines(s.children); },
                   [&](Superscript& s) { inlines(s.children); },
                   [&](Subscript& s) { inlines(s.children); },
                   [](Code&) {},
                   [&](Link& l) { inlines(l.children); },
                   [](Image&) {},      // alt is plain text
                   [](LineBreak&) {},
                   [&](Note& n) { blocks(n.content); },
                   [](Math&) {},       // TeX source
                   [&](Span& s) { inlines(s.children); },
                   [](RawInline&) {},  // raw text: no nodes inside
               },
               i.node);
  }

  const std::function<void(Block&)>* on_block_;
  const std::function<void(Inline&)>* on_inline_;
};

}  // namespace

void for_each_block(Document& document, const std::function<void(Block&)>& visit) {
  Walker(&visit, nullptr).blocks(document.blocks);
}

void for_each_inline(Document& document, const std::function<void(Inline&)>& visit) {
  Walker(nullptr, &visit).blocks(document.blocks);
}

// The const walks reuse the mutable walker: it never modifies a node itself, and the callbacks
// below only pass const references on, so no const object is ever written.
void for_each_block(const Document& document, const std::function<void(const Block&)>& visit) {
  const std::function<void(Block&)> adapter = [&](Block& b) { visit(b); };
  Walker(&adapter, nullptr).blocks(const_cast<Document&>(document).blocks);
}

void for_each_inline(const Document& document, const std::function<void(const Inline&)>& visit) {
  const std::function<void(Inline&)> adapter = [&](Inline& i) { visit(i); };
  Walker(nullptr, &adapter).blocks(const_cast<Document&>(document).blocks);
}

}  // namespace sheaf
