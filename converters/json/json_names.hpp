#pragma once
// The names the JSON format gives to node kinds and enumerations (docs/json-format.md). The writer
// and the reader both take them from here, so the two cannot drift apart. Renaming one is an
// incompatible format change (a new major version).
#include <array>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

#include "core/document.hpp"

namespace sheaf::json::names {

/// Block kinds, indexed like the alternatives of Block::node.
inline constexpr std::array<std::string_view, 12> blocks = {
    "paragraph", "heading", "bullet_list", "ordered_list", "block_quote", "code_block",
    "thematic_break", "table", "figure", "definition_list", "div", "raw_block"};

/// Inline kinds, indexed like the alternatives of Inline::node.
inline constexpr std::array<std::string_view, 14> inlines = {
    "text", "emph", "strong", "strikeout", "superscript", "subscript", "code",
    "link", "image", "line_break", "note", "math", "span", "raw_inline"};

static_assert(blocks.size() == std::variant_size_v<decltype(Block::node)>,
              "a block kind was added or removed: name it here and bump the format version");
static_assert(inlines.size() == std::variant_size_v<decltype(Inline::node)>,
              "an inline kind was added or removed: name it here and bump the format version");

/// Indexed by the enumerator's value.
inline constexpr std::array<std::string_view, 4> alignments = {"none", "left", "center", "right"};
inline constexpr std::array<std::string_view, 3> tasks = {"none", "open", "done"};

/// Position of `T` among the alternatives of variant `V`.
template <class T, class V>
struct alternative_index;
template <class T, class... Ts>
struct alternative_index<T, std::variant<Ts...>> {
  static constexpr std::size_t value = [] {
    constexpr std::array<bool, sizeof...(Ts)> same = {std::is_same_v<T, Ts>...};
    for (std::size_t i = 0; i < same.size(); ++i)
      if (same[i]) return i;
    return same.size();
  }();
  static_assert(value < sizeof...(Ts), "not an alternative of this variant");
};

/// The name of block alternative `T` (e.g. "block_quote" for BlockQuote).
template <class T>
inline constexpr std::string_view block_name = blocks[alternative_index<T, decltype(Block::node)>::value];
/// The name of inline alternative `T` (e.g. "line_break" for LineBreak).
template <class T>
inline constexpr std::string_view inline_name = inlines[alternative_index<T, decltype(Inline::node)>::value];

/// The index of `name` in `table`, or nullopt.
template <std::size_t N>
constexpr std::optional<std::size_t> find(const std::array<std::string_view, N>& table,
                                          std::string_view name) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (table[i] == name) return i;
  return std::nullopt;
}

}  // namespace sheaf::json::names
