#pragma once
// Helpers over the ordered metadata map. Lookups are by exact key, in source order.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace sheaf {

/// The value stored under `key`, or nullptr.
[[nodiscard]] const MetaValue* meta_find(const MetaMap& meta, std::string_view key) noexcept;
/// Replaces the value under `key` in place, or appends the field when the key is new.
void meta_set(MetaMap& meta, std::string_view key, MetaValue value);
/// The value as text when it is a string, number or bool; nullopt for null, lists and maps.
[[nodiscard]] std::optional<std::string> meta_text(const MetaValue& value);
/// `meta_text` of the value under `key`, or nullopt.
[[nodiscard]] std::optional<std::string> meta_string(const MetaMap& meta, std::string_view key);
/// A list of strings: each scalar of a list, or the words of a space-separated string
/// (Jekyll's `tags: a b c`).
[[nodiscard]] std::vector<std::string> meta_string_list(const MetaMap& meta, std::string_view key);

}  // namespace sheaf
