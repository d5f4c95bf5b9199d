#include "core/meta.hpp"

#include <charconv>
#include <sstream>

#include "core/overloaded.hpp"

namespace sheaf {

const MetaValue* meta_find(const MetaMap& meta, std::string_view key) noexcept {
  for (const MetaField& f : meta)
    if (f.key == key) return &f.value;
  return nullptr;
}

void meta_set(MetaMap& meta, std::string_view key, MetaValue value) {
  for (MetaField& f : meta)
    if (f.key == key) { f.value = std::move(value); return; }
  meta.push_back(MetaField{std::string(key), std::move(value)});
}

std::optional<std::string> meta_text(const MetaValue& value) {
  return std::visit(
      overloaded{
          [](const MetaNull&) -> std::optional<std::string> { return std::nullopt; },
          [](bool b) -> std::optional<std::string> { return b ? "true" : "false"; },
          [](std::int64_t i) -> std::optional<std::string> { return std::to_string(i); },
          [](double d) -> std::optional<std::string> {
            char buf[64];
            auto res = std::to_chars(buf, buf + sizeof buf, d);
            return std::string(buf, res.ptr);
          },
          [](const std::string& s) -> std::optional<std::string> { return s; },
          [](const MetaList&) -> std::optional<std::string> { return std::nullopt; },
          [](const MetaMap&) -> std::optional<std::string> { return std::nullopt; },
      },
      value.value);
}

std::optional<std::string> meta_string(const MetaMap& meta, std::string_view key) {
  const MetaValue* v = meta_find(meta, key);
  return v ? meta_text(*v) : std::nullopt;
}

std::vector<std::string> meta_string_list(const MetaMap& meta, std::string_view key) {
  std::vector<std::string> out;
  const MetaValue* v = meta_find(meta, key);
  if (!v) return out;
  if (const auto* list = std::get_if<MetaList>(&v->value)) {
    for (const MetaValue& item : *list)
      if (auto s = meta_text(item); s && !s->empty()) out.push_back(*s);
  } else if (const auto* s = std::get_if<std::string>(&v->value)) {
    std::istringstream words(*s);
    for (std::string w; words >> w;) out.push_back(w);
  } else if (auto text = meta_text(*v)) {
    out.push_back(*text);
  }
  return out;
}

}  // namespace sheaf
