#include "converters/jekyll/kramdown_config.hpp"

#include <charconv>
#include <string_view>

#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

const std::string* string_of(const MetaValue& v) { return std::get_if<std::string>(&v.value); }

/// An entity name or number (kramdown's smart_quotes items) as UTF-8; "" when unknown.
std::string entity_text(std::string_view name) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
      {"rdquo", "\xE2\x80\x9D"}, {"apos", "'"}, {"quot", "\""}, {"laquo", "\xC2\xAB"},
      {"raquo", "\xC2\xBB"}, {"sbquo", "\xE2\x80\x9A"}, {"bdquo", "\xE2\x80\x9E"},
      {"lsaquo", "\xE2\x80\xB9"}, {"rsaquo", "\xE2\x80\xBA"}};
  for (const auto& [n, text] : kNames)
    if (name == n) return std::string(text);
  unsigned code = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), code);
  if (ec != std::errc{} || end != name.data() + name.size() || code == 0 || code > 0x10FFFF) return "";
  std::string out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

void read_quotes(const MetaValue& v, KramdownConfig& config) {
  std::vector<std::string> items;
  if (const std::string* s = string_of(v)) {
    std::size_t start = 0;
    for (std::size_t comma = s->find(','); ; comma = s->find(',', start)) {
      items.push_back(entity_text(std::string_view(*s).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else if (const auto* list = std::get_if<MetaList>(&v.value)) {
    for (const MetaValue& item : *list) {
      if (const std::string* text = string_of(item)) items.push_back(entity_text(*text));
      else if (const auto* n = std::get_if<std::int64_t>(&item.value)) items.push_back(entity_text(std::to_string(*n)));
      else items.emplace_back();
    }
  }
  if (items.size() != 4) return;
  for (const std::string& item : items)
    if (item.empty()) return;
  for (std::size_t i = 0; i < 4; ++i) config.quotes[i] = items[i];
}

void read_symbols(const MetaMap& map, KramdownConfig& config) {
  const std::pair<std::string_view, std::string*> targets[] = {
      {"hellip", &config.hellip}, {"mdash", &config.mdash}, {"ndash", &config.ndash},
      {"laquo", &config.laquo}, {"raquo", &config.raquo}, {"laquo_space", &config.laquo_space},
      {"raquo_space", &config.raquo_space}};
  for (const auto& [name, target] : targets)
    if (const MetaValue* v = meta_find(map, name))
      if (const std::string* s = string_of(*v)) *target = *s;
}

void read_toc_levels(const MetaValue& v, KramdownConfig& config) {
  int low = 0, high = 0;
  if (const std::string* s = string_of(v)) {
    const std::size_t dots = s->find("..");
    if (dots == std::string::npos) return;
    std::from_chars(s->data(), s->data() + dots, low);
    std::from_chars(s->data() + dots + 2, s->data() + s->size(), high);
  } else if (const auto* list = std::get_if<MetaList>(&v.value); list && !list->empty()) {
    low = 7;
    for (const MetaValue& item : *list)
      if (const auto* n = std::get_if<std::int64_t>(&item.value)) {
        low = std::min(low, static_cast<int>(*n));
        high = std::max(high, static_cast<int>(*n));
      }
  }
  if (low >= 1 && high <= 6 && low <= high) {
    config.toc_min = low;
    config.toc_max = high;
  }
}

}  // namespace

KramdownConfig kramdown_config(const MetaMap* site) {
  KramdownConfig config;
  if (!site) return config;
  const MetaValue* section = meta_find(*site, "kramdown");
  const auto* map = section ? std::get_if<MetaMap>(&section->value) : nullptr;
  if (!map) return config;
  if (const MetaValue* v = meta_find(*map, "input"); v && string_of(*v))
    config.kramdown_input = *string_of(*v) == "kramdown" || *string_of(*v) == "Kramdown";
  if (const MetaValue* v = meta_find(*map, "smart_quotes")) read_quotes(*v, config);
  if (const MetaValue* v = meta_find(*map, "typographic_symbols"); v && std::get_if<MetaMap>(&v->value))
    read_symbols(std::get<MetaMap>(v->value), config);
  if (const MetaValue* v = meta_find(*map, "toc_levels")) read_toc_levels(*v, config);
  if (const MetaValue* v = meta_find(*map, "auto_ids"); v && std::get_if<bool>(&v->value))
    config.auto_ids = std::get<bool>(v->value);
  if (const MetaValue* v = meta_find(*map, "math_engine"))
    config.math = !std::holds_alternative<MetaNull>(v->value);
  if (const MetaValue* v = meta_find(*map, "parse_block_html"); v && std::get_if<bool>(&v->value))
    config.parse_block_html = std::get<bool>(v->value);
  if (const MetaValue* v = meta_find(*map, "parse_span_html"); v && std::get_if<bool>(&v->value))
    config.parse_span_html = std::get<bool>(v->value);
  if (const MetaValue* v = meta_find(*map, "html_to_native"); v && std::get_if<bool>(&v->value))
    config.html_to_native = std::get<bool>(v->value);
  if (const MetaValue* v = meta_find(*map, "link_defs"); v && std::get_if<MetaMap>(&v->value))
    for (const MetaField& f : std::get<MetaMap>(v->value))
      if (const auto* list = std::get_if<MetaList>(&f.value.value); list && !list->empty() && string_of(list->front()))
        config.link_defs.push_back({f.key, *string_of(list->front()),
                                    list->size() > 1 && string_of((*list)[1]) ? *string_of((*list)[1]) : ""});
  return config;
}

}  // namespace sheaf::jekyll
