#include "cli/grouping.hpp"

#include <algorithm>
#include <optional>

#include "cli/manifest.hpp"
#include "core/meta.hpp"

namespace sheaf::cli {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "YYYY-MM" of a date as written: 2024-06-25…, 2024/06/25, 2024-06.
std::optional<std::string> year_month(std::string_view date) {
  const auto start = date.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::nullopt;
  date.remove_prefix(start);
  if (date.size() < 7 || !digits(date.substr(0, 4)) || (date[4] != '-' && date[4] != '/')) return std::nullopt;
  const std::string_view month = date.substr(5, 2);
  if (!digits(month) || month < "01" || month > "12") return std::nullopt;
  if (date.size() > 7 && digits(date.substr(7, 1))) return std::nullopt;  // 2024-123
  return std::string(date.substr(0, 4)) + "-" + std::string(month);
}

/// Names under `key`: a list of scalars or mappings with `name`, a mapping with `name`, or a
/// scalar — split into words when `words` (Jekyll's `tags: a b c`).
void collect(const MetaMap& meta, std::string_view key, bool words, std::vector<std::string>& out) {
  const MetaValue* v = meta_find(meta, key);
  if (!v) return;
  const auto one = [&](const MetaValue& item) {
    if (const auto* map = std::get_if<MetaMap>(&item.value)) {
      if (auto name = meta_string(*map, "name")) out.push_back(*name);
    } else if (auto text = meta_text(item)) {
      out.push_back(*text);
    }
  };
  if (const auto* list = std::get_if<MetaList>(&v->value)) {
    for (const MetaValue& item : *list) one(item);
  } else if (words && std::holds_alternative<std::string>(v->value)) {
    for (std::string& word : meta_string_list(meta, key)) out.push_back(std::move(word));
  } else {
    one(*v);
  }
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  const auto put = [&](std::string_view piece) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += piece;
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) put(std::string_view(&c, 1));
    else if (c >= 'A' && c <= 'Z') put(std::string(1, static_cast<char>(c - 'A' + 'a')));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(std::string_view(&c, 1));
    else if (c == '+' || c == '#') {
      // "c++" → "c-plus-plus", "C#" → "c-sharp": a symbol spelled out is a word of its own.
      dash = true;
      put(c == '+' ? "plus" : "sharp");
      dash = true;
    } else {
      dash = true;
    }
  }
  constexpr std::size_t kMax = 120;
  if (out.empty()) return "x-" + content_hash(text).substr(0, 8);
  if (out.size() <= kMax) return out;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return out.substr(0, cut) + "-" + content_hash(text).substr(0, 8);
}

std::vector<GroupName> group_names(const MetaMap& meta, GroupBy by) {
  std::vector<GroupName> out;
  const auto add = [&](std::string stem, std::string label) {
    for (const GroupName& g : out)
      if (g.stem == stem) return;
    out.push_back(GroupName{std::move(stem), std::move(label)});
  };
  const auto named = [&](const char* prefix, std::initializer_list<const char*> keys, bool words, const char* none) {
    std::vector<std::string> names;
    for (const char* key : keys) collect(meta, key, words, names);
    for (std::string& name : names) {
      name = trim(std::move(name));
      if (!name.empty()) add(std::string(prefix) + "-" + slugify(name), name);
    }
    if (out.empty()) add(none, none);
  };
  switch (by) {
    case GroupBy::month:
    case GroupBy::year: {
      const auto date = meta_string(meta, meta_key::date);
      const auto ym = date ? year_month(*date) : std::nullopt;
      if (!ym) add("undated", "undated");
      else if (by == GroupBy::month) add(*ym, *ym);
      else add(ym->substr(0, 4), ym->substr(0, 4));
      break;
    }
    case GroupBy::category: named("category", {meta_key::categories, "category"}, true, "uncategorized"); break;
    case GroupBy::tag: named("tag", {meta_key::tags, "tag"}, true, "untagged"); break;
    case GroupBy::author: named("author", {meta_key::author, "authors"}, false, "anonymous"); break;
  }
  return out;
}

}  // namespace sheaf::cli
