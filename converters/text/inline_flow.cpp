#include "converters/text/inline_flow.hpp"

#include <string_view>

#include "converters/text/references.hpp"
#include "converters/shared/url_resolve.hpp"
#include "core/overloaded.hpp"
#include "core/plain_text.hpp"

namespace sheaf::text {
namespace {

void add_link(const Link& link, FlowBuilder& flow, RenderState& state) {
  const bool local = is_local_target(link.url);
  const std::string target = local ? link.url : shared::resolve_url(state.url_base, link.url);
  if (link.children.empty()) {
    // Nothing to click on but the target itself: the URL is the text.
    if (!local) flow.token(target);
    return;
  }
  add_inlines(link.children, flow, state);
  if (local || state.options.links == LinkStyle::none) return;
  if (text_names_url(inline_words(link.children), link.url) || text_names_url(inline_words(link.children), target))
    return;
  switch (state.options.links) {
    case LinkStyle::references:
      flow.glued(marker(state.links.number(target)));
      return;
    case LinkStyle::inline_links: {
      const bool space_after = flow.space_pending();
      flow.space();
      flow.token("(" + target + ")");
      if (space_after) flow.space();
      return;
    }
    case LinkStyle::none:
      return;
  }
}

/// A numeric superscript right after a letter, digit or ')' is an exponent: "mc^2", "10^-6".
/// Other superscripts ("1st", a bracketed reference) and all subscripts ("H2O") are plain text.
void add_superscript(const Superscript& sup, FlowBuilder& flow, RenderState& state) {
  const char32_t before = flow.last();
  const bool after_operand = !flow.space_pending() &&
                             ((before >= U'a' && before <= U'z') || (before >= U'A' && before <= U'Z') ||
                              (before >= U'0' && before <= U'9') || before == U')');
  const std::string words = inline_words(sup.children);
  const bool numeric = !words.empty() && words.find_first_not_of("0123456789+-=()") == std::string::npos;
  if (after_operand && numeric) flow.literal("^");
  add_inlines(sup.children, flow, state);
}

}  // namespace

std::string image_label(const std::string& alt) {
  FlowBuilder words(true);
  words.text(alt);
  const Flow flow = words.finish();
  return flow.text.empty() ? std::string("[Image]") : "[Image: " + flow.text + "]";
}

std::string inline_words(const Inlines& inlines) {
  FlowBuilder words(true);
  words.text(plain_text(inlines));
  return words.finish().text;
}

bool is_plain_raw_format(const std::string& format) {
  return format == "text" || format == "plain";
}

void add_inlines(const Inlines& inlines, FlowBuilder& flow, RenderState& state) {
  for (const Inline& node : inlines) {
    std::visit(overloaded{
                   [&](const Text& t) { flow.text(t.text); },
                   [&](const Emph& e) { add_inlines(e.children, flow, state); },
                   [&](const Strong& s) { add_inlines(s.children, flow, state); },
                   [&](const Strikeout& s) { add_inlines(s.children, flow, state); },
                   [&](const Superscript& s) { add_superscript(s, flow, state); },
                   [&](const Subscript& s) { add_inlines(s.children, flow, state); },
                   [&](const Code& c) { flow.literal(c.text); },
                   [&](const Link& l) { add_link(l, flow, state); },
                   [&](const Image& i) { flow.text(image_label(i.alt)); },
                   [&](const LineBreak&) { flow.hard_break(); },
                   [&](const Note& n) {
                     flow.glued(marker(state.notes.add(n), true));
                   },
                   [&](const Math& m) { flow.text(m.tex); },
                   [&](const Span& s) { add_inlines(s.children, flow, state); },
                   [&](const RawInline& r) {
                     // As a RawBlock: plain text is shown, markup (a tag) has no text of its own.
                     if (is_plain_raw_format(r.format)) flow.text(r.text);
                   },
               },
               node.node);
  }
}

void add_blocks_flat(const Blocks& blocks, FlowBuilder& flow, RenderState& state) {
  const auto items = [&](const std::vector<ListItem>& list) {
    for (const ListItem& item : list) add_blocks_flat(item.children, flow, state);
  };
  const auto rows = [&](const std::vector<TableRow>& list) {
    for (const TableRow& row : list)
      for (const TableCell& cell : row.cells) add_blocks_flat(cell.content, flow, state);
  };
  for (const Block& block : blocks) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { add_inlines(p.children, flow, state); },
                   [&](const Heading& h) { add_inlines(h.children, flow, state); },
                   [&](const BulletList& l) { items(l.items); },
                   [&](const OrderedList& l) { items(l.items); },
                   [&](const BlockQuote& q) { add_blocks_flat(q.children, flow, state); },
                   [&](const CodeBlock& c) { flow.literal(c.text); },
                   [&](const ThematicBreak&) { /* a rule has no text; the space below separates */ },
                   [&](const Table& t) {
                     add_inlines(t.caption, flow, state);
                     flow.space();
                     rows(t.head);
                     rows(t.body);
                   },
                   [&](const Figure& f) {
                     flow.text(image_label(f.image.alt));
                     flow.space();
                     add_inlines(f.caption, flow, state);
                     flow.space();
                     add_inlines(f.credit, flow, state);
                   },
                   [&](const DefinitionList& d) {
                     for (const DefinitionItem& item : d.items) {
                       add_inlines(item.term, flow, state);
                       for (const Blocks& def : item.definitions) {
                         flow.space();
                         add_blocks_flat(def, flow, state);
                       }
                       flow.space();
                     }
                   },
                   [&](const Div& d) { add_blocks_flat(d.children, flow, state); },
                   [&](const RawBlock& r) {
                     // Other raw formats (TeX, Liquid…) have no plain-text reading.
                     if (is_plain_raw_format(r.format)) flow.text(r.text);
                   },
               },
               block.node);
    flow.space();
  }
}

}  // namespace sheaf::text
