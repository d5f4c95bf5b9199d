#include "converters/text/title_block.hpp"

#include <optional>
#include <string>
#include <vector>

#include "converters/text/blocks.hpp"
#include "converters/text/char_refs.hpp"
#include "converters/text/inline_flow.hpp"
#include "core/meta.hpp"
#include "core/overloaded.hpp"

namespace sheaf::text {
namespace {

/// Authors as text: a string, a list of strings (joined with ", "), or maps with a "name".
std::optional<std::string> authors(const MetaMap& meta) {
  const MetaValue* value = meta_find(meta, meta_key::author);
  if (!value) return std::nullopt;
  const auto name_of = [](const MetaValue& v) -> std::optional<std::string> {
    if (const auto* map = std::get_if<MetaMap>(&v.value)) return meta_string(*map, "name");
    return meta_text(v);
  };
  if (const auto* list = std::get_if<MetaList>(&value->value)) {
    std::string joined;
    for (const MetaValue& item : *list) {
      const auto name = name_of(item);
      if (!name || name->empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += *name;
    }
    if (joined.empty()) return std::nullopt;
    return joined;
  }
  return name_of(*value);
}

std::optional<std::string> source_url(const MetaMap& meta) {
  for (const char* key : {meta_key::source, meta_key::from})
    if (auto url = meta_string(meta, key); url && !url->empty()) return url;
  return std::nullopt;
}

Flow words(const std::string& s) {
  FlowBuilder builder(true);
  builder.text(decode_char_refs(s));
  return builder.finish();
}

struct HeadingTargets {
  std::vector<std::string> urls;
  bool has_note = false;
};

void collect_targets(const Inlines& inlines, HeadingTargets& out) {
  for (const Inline& node : inlines) {
    std::visit(overloaded{
                   [&](const Text&) { /* words are compared separately */ },
                   [&](const Emph& e) { collect_targets(e.children, out); },
                   [&](const Strong& s) { collect_targets(s.children, out); },
                   [&](const Strikeout& s) { collect_targets(s.children, out); },
                   [&](const Superscript& s) { collect_targets(s.children, out); },
                   [&](const Subscript& s) { collect_targets(s.children, out); },
                   [&](const Code&) { /* literal text, no target */ },
                   [&](const Link& l) {
                     out.urls.push_back(l.url);
                     collect_targets(l.children, out);
                   },
                   [&](const Image&) { /* its alt text is compared with the words */ },
                   [&](const LineBreak&) { /* layout only */ },
                   [&](const Note&) { out.has_note = true; },
                   [&](const Math&) { /* TeX text, no target */ },
                   [&](const Span& s) { collect_targets(s.children, out); },
                   [&](const RawInline&) { /* markup, no target */ },
               },
               node.node);
  }
}

}  // namespace

bool render_title_block(const Document& doc, RenderState& state) {
  const std::size_t before = state.sink.lines();
  if (auto title = meta_string(doc.meta, meta_key::title); title && !title->empty()) {
    const std::size_t widest = render_flow(words(*title), state);
    if (widest > 0) state.sink.line(std::string(widest, '='));
  }
  const auto labelled = [&](const char* label, const std::optional<std::string>& value) {
    if (value && !value->empty()) render_flow(words(std::string(label) + ": " + *value), state);
  };
  labelled("Author", authors(doc.meta));
  labelled("Date", meta_string(doc.meta, meta_key::date));
  labelled("Source", source_url(doc.meta));
  return state.sink.lines() != before;
}

bool repeats_title(const Document& doc, const Block& block) {
  const auto* heading = std::get_if<Heading>(&block.node);
  if (!heading) return false;
  const auto title = meta_string(doc.meta, meta_key::title);
  if (!title || words(*title).text.empty() || words(*title).text != inline_words(heading->children))
    return false;
  HeadingTargets targets;
  collect_targets(heading->children, targets);
  if (targets.has_note) return false;
  const auto source = source_url(doc.meta);
  for (const std::string& url : targets.urls)
    if (!source || url != *source) return false;
  return true;
}

}  // namespace sheaf::text
