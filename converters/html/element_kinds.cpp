#include "converters/html/element_kinds.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sheaf::html {
namespace {

using K = ElementKind;
constexpr std::pair<std::string_view, ElementKind> kTable[] = {
    {"a", K::link}, {"abbr", K::classed_span}, {"acronym", K::classed_span}, {"address", K::block_container},
    {"area", K::dropped}, {"article", K::block_container}, {"aside", K::block_container},
    {"audio", K::embedded_media}, {"b", K::strong}, {"base", K::head_only}, {"bdi", K::span},
    {"bdo", K::span}, {"big", K::span}, {"blockquote", K::block_quote}, {"body", K::block_container},
    {"br", K::line_break}, {"button", K::dropped}, {"canvas", K::dropped}, {"caption", K::block_container},
    {"center", K::block_container}, {"cite", K::emphasis}, {"code", K::code}, {"col", K::dropped},
    {"colgroup", K::dropped}, {"datalist", K::dropped}, {"dd", K::block_container},
    {"del", K::strikeout}, {"details", K::block_container}, {"dfn", K::emphasis},
    {"dialog", K::block_container}, {"dir", K::bullet_list}, {"div", K::block_container},
    {"dl", K::definition_list}, {"dt", K::block_container}, {"em", K::emphasis},
    {"embed", K::embedded_media}, {"fieldset", K::block_container}, {"figcaption", K::block_container},
    {"figure", K::figure}, {"font", K::span}, {"footer", K::block_container}, {"form", K::block_container},
    {"frame", K::dropped}, {"frameset", K::dropped}, {"h1", K::heading}, {"h2", K::heading},
    {"h3", K::heading}, {"h4", K::heading}, {"h5", K::heading}, {"h6", K::heading},
    {"head", K::head_only}, {"header", K::block_container}, {"hgroup", K::block_container},
    {"hr", K::thematic_break}, {"html", K::block_container}, {"i", K::emphasis},
    {"iframe", K::embedded_media}, {"img", K::image}, {"input", K::input}, {"ins", K::classed_span},
    {"kbd", K::code}, {"label", K::span}, {"legend", K::block_container}, {"li", K::list_item},
    {"link", K::head_only}, {"listing", K::preformatted}, {"main", K::block_container},
    {"map", K::dropped}, {"mark", K::classed_span}, {"math", K::math}, {"menu", K::bullet_list},
    {"meta", K::head_only}, {"meter", K::dropped}, {"nav", K::block_container},
    {"noembed", K::dropped}, {"noframes", K::dropped}, {"noscript", K::dropped},
    {"object", K::dropped}, {"ol", K::ordered_list}, {"optgroup", K::dropped}, {"option", K::dropped},
    {"output", K::span}, {"p", K::paragraph}, {"param", K::dropped}, {"picture", K::span},
    {"plaintext", K::preformatted}, {"pre", K::preformatted}, {"progress", K::dropped},
    {"q", K::span}, {"rp", K::dropped}, {"rt", K::ruby_text}, {"ruby", K::span}, {"s", K::strikeout},
    {"samp", K::code}, {"script", K::dropped}, {"search", K::block_container},
    {"section", K::block_container}, {"select", K::dropped}, {"small", K::span},
    {"source", K::dropped}, {"span", K::span}, {"strike", K::strikeout}, {"strong", K::strong},
    {"style", K::dropped}, {"sub", K::subscript}, {"summary", K::block_container},
    {"sup", K::superscript}, {"svg", K::dropped}, {"table", K::table}, {"tbody", K::block_container},
    {"td", K::block_container}, {"template", K::dropped}, {"textarea", K::dropped},
    {"tfoot", K::block_container}, {"th", K::block_container}, {"thead", K::block_container},
    {"time", K::span}, {"title", K::head_only}, {"tr", K::block_container}, {"track", K::dropped},
    {"tt", K::code}, {"u", K::span}, {"ul", K::bullet_list}, {"var", K::emphasis},
    {"video", K::embedded_media}, {"wbr", K::span}, {"xmp", K::preformatted},
};

constexpr bool sorted() {
  for (std::size_t i = 1; i < std::size(kTable); ++i)
    if (!(kTable[i - 1].first < kTable[i].first)) return false;
  return true;
}
static_assert(sorted(), "kTable must stay sorted by name for binary search");

}  // namespace

ElementKind element_kind(std::string_view name) noexcept {
  const auto* end = std::end(kTable);
  const auto* it = std::lower_bound(std::begin(kTable), end, name,
                                    [](const auto& row, std::string_view n) { return row.first < n; });
  if (it != end && it->first == name) return it->second;
  return K::span;
}

}  // namespace sheaf::html
