#include "converters/text/blocks.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "converters/shared/unicode.hpp"
#include "converters/text/inline_flow.hpp"
#include "converters/text/table_layout.hpp"
#include "converters/text/wrap.hpp"
#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::text {
namespace {

Flow inline_flow(const Inlines& inlines, RenderState& state) {
  FlowBuilder builder;
  add_inlines(inlines, builder, state);
  return builder.finish();
}

void render_heading(const Heading& heading, RenderState& state) {
  const std::size_t widest = render_flow(inline_flow(heading.children, state), state);
  if (widest == 0 || heading.level > 2) return;
  state.sink.line(std::string(widest, heading.level == 1 ? '=' : '-'));
}

std::string task_box(Task task) {
  switch (task) {
    case Task::none: return "";
    case Task::open: return "[ ] ";
    case Task::done: return "[x] ";
  }
  return "";
}

/// One list item under `marker` (already padded to the list's marker width).
void render_item(const ListItem& item, const std::string& marker, bool tight, RenderState& state) {
  const std::string first = marker + task_box(item.task);
  state.sink.push(first, std::string(unicode::display_width(first), ' '));
  const std::size_t before = state.sink.lines();
  render_blocks(item.children, state, tight);
  if (state.sink.lines() == before) state.sink.line("");  // an empty item still shows its marker
  state.sink.pop();
}

void render_items(const std::vector<ListItem>& items, const std::vector<std::string>& markers,
                  bool tight, RenderState& state) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    render_item(items[i], markers[i], tight, state);
    state.sink.separate(!tight);
  }
}

void render_bullets(const BulletList& list, RenderState& state) {
  render_items(list.items, std::vector<std::string>(list.items.size(), "- "), list.tight, state);
}

void render_ordered(const OrderedList& list, RenderState& state) {
  std::vector<std::string> markers;
  markers.reserve(list.items.size());
  std::size_t widest = 0;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    markers.push_back(std::to_string(static_cast<std::int64_t>(list.start) + static_cast<std::int64_t>(i)) + ".");
    widest = std::max(widest, markers.back().size());
  }
  // Numbers are left-aligned and padded, so every item's text starts in the same column.
  for (std::string& m : markers) m.append(widest + 1 - m.size(), ' ');
  render_items(list.items, markers, list.tight, state);
}

void render_quote(const BlockQuote& quote, RenderState& state) {
  state.sink.push("> ", "> ");
  render_blocks(quote.children, state, false);
  state.sink.pop();
}

void render_code(const CodeBlock& code, RenderState& state) {
  state.sink.push("    ", "    ");
  render_verbatim(code.text, state);
  state.sink.pop();
}

/// A rule of '-' across the columns left after the indentation: at least 3, at most 200 (a huge
/// --columns must not make a huge line).
void render_rule(RenderState& state) {
  constexpr std::size_t kLongest = 200;
  const std::size_t columns =
      state.options.columns > 0 ? std::min(static_cast<std::size_t>(state.options.columns), kLongest) : 78;
  const std::size_t indent = state.sink.indent();
  state.sink.line(std::string(indent + 3 > columns ? 3 : columns - indent, '-'));
}

void render_figure(const Figure& figure, RenderState& state) {
  // The alt text is not repeated when the caption already says the same.
  const std::string caption_words = inline_words(figure.caption);
  FlowBuilder label(true);
  label.text(caption_words == inline_words({Inline{Text{figure.image.alt}}})
                 ? image_label("")
                 : image_label(figure.image.alt));
  render_flow(label.finish(), state);
  if (!figure.caption.empty()) render_flow(inline_flow(figure.caption, state), state);
  if (!figure.credit.empty()) render_flow(inline_flow(figure.credit, state), state);
}

void render_definitions(const DefinitionList& list, RenderState& state) {
  for (const DefinitionItem& item : list.items) {
    render_flow(inline_flow(item.term, state), state);
    state.sink.separate(false);
    state.sink.push("    ", "    ");
    for (const Blocks& definition : item.definitions) {
      render_blocks(definition, state, false);
      state.sink.separate(true);
    }
    state.sink.pop();
    state.sink.separate(true);
  }
}

void render_raw(const RawBlock& raw, RenderState& state) {
  if (is_plain_raw_format(raw.format)) {
    render_verbatim(raw.text, state);
    return;
  }
  state.context.report(Diagnostic{Severity::info, "text.raw_dropped",
                                  "raw " + (raw.format.empty() ? std::string("block") : raw.format + " block") +
                                      " has no plain-text form and is left out",
                                  state.source_name, {}});
}

void render_block(const Block& block, RenderState& state, bool tight) {
  std::visit(overloaded{
                 [&](const Paragraph& p) { render_flow(inline_flow(p.children, state), state); },
                 [&](const Heading& h) { render_heading(h, state); },
                 [&](const BulletList& l) { render_bullets(l, state); },
                 [&](const OrderedList& l) { render_ordered(l, state); },
                 [&](const BlockQuote& q) { render_quote(q, state); },
                 [&](const CodeBlock& c) { render_code(c, state); },
                 [&](const ThematicBreak&) { render_rule(state); },
                 [&](const Table& t) { render_table(t, state); },
                 [&](const Figure& f) { render_figure(f, state); },
                 [&](const DefinitionList& d) { render_definitions(d, state); },
                 [&](const Div& d) { render_blocks(d.children, state, tight); },
                 [&](const RawBlock& r) { render_raw(r, state); },
             },
             block.node);
}

}  // namespace

void render_blocks(std::span<const Block> blocks, RenderState& state, bool tight) {
  for (const Block& block : blocks) {
    const std::size_t before = state.sink.lines();
    render_block(block, state, tight);
    if (state.sink.lines() != before) state.sink.separate(!tight);
  }
}

std::size_t render_flow(const Flow& flow, RenderState& state) {
  std::size_t widest = 0;
  for (const LineSpan& span : wrap(flow, state.width(), state.breaker)) {
    const std::string_view line = std::string_view(flow.text).substr(span.begin, span.end - span.begin);
    widest = std::max(widest, unicode::display_width(line));
    state.sink.line(printable(line));
  }
  return widest;
}

void render_verbatim(const std::string& text, RenderState& state) {
  std::string_view rest(text);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) rest.remove_suffix(1);
  if (rest.empty()) return;
  std::string line;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = rest.find('\n', pos);
    std::string_view raw = rest.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    line.clear();
    // Tabs stay (code indentation); other controls could drive a terminal and are dropped.
    std::size_t at = 0;
    while (at < raw.size()) {
      const auto byte = static_cast<unsigned char>(raw[at]);
      if (byte < 0x80) {
        ++at;
        if ((byte >= 0x20 && byte != 0x7F) || byte == '\t') line += static_cast<char>(byte);
        continue;
      }
      const std::size_t start = at;
      const char32_t cp = utf8::decode(raw, at);
      if (cp >= 0x80 && cp < 0xA0) continue;
      if (cp == utf8::replacement && at - start == 1) {
        utf8::append(line, cp);
        continue;
      }
      line.append(raw.substr(start, at - start));
    }
    state.sink.line(line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
}

}  // namespace sheaf::text
