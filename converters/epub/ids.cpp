#include "converters/epub/ids.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace sheaf::epub {

std::string xml_id(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  std::size_t pos = 0;
  while (pos < id.size()) {
    const unsigned char b = static_cast<unsigned char>(id[pos]);
    if (b < 0x80) {
      const char c = static_cast<char>(b);
      const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_' || c == '.';
      out += keep ? c : '-';
      ++pos;
      continue;
    }
    const char32_t cp = utf8::decode(id, pos);
    char buf[16];
    std::snprintf(buf, sizeof buf, "_%x", static_cast<unsigned>(cp));
    out += buf;
  }
  if (out.empty()) return "id";
  const char first = out.front();
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_'))
    out.insert(0, "id-");
  return out;
}

const std::string& IdSet::add_source(std::string_view source_id) {
  if (auto it = source_.find(source_id); it != source_.end()) return it->second;
  std::string id = fresh(xml_id(source_id));
  return source_.emplace(std::string(source_id), std::move(id)).first->second;
}

const std::string* IdSet::find(std::string_view source_id) const {
  auto it = source_.find(source_id);
  return it == source_.end() ? nullptr : &it->second;
}

bool IdSet::claim(std::string_view source_id) {
  return claimed_.emplace(std::string(source_id)).second;
}

std::string IdSet::fresh(std::string_view stem) {
  std::string id(stem);
  if (used_.count(id)) {
    // Resume numbering where the last collision on this stem stopped: linear for many repeats.
    int& n = next_suffix_[std::string(stem)];
    if (n < 2) n = 2;
    do {
      id = std::string(stem) + "-" + std::to_string(n++);
    } while (used_.count(id));
  }
  used_.insert(id);
  return id;
}

}  // namespace sheaf::epub
