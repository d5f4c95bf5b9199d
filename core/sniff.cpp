#include "core/sniff.hpp"

namespace sheaf {

std::string_view sniff_format(std::string_view bytes) noexcept {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "markdown";
  bytes.remove_prefix(start);
  if (bytes.starts_with("---")) {
    // Front matter opens with a line holding only the dashes (trailing blanks allowed).
    const auto rest = bytes.substr(3);
    const auto end = rest.find_first_not_of(" \t\r");
    if (end == std::string_view::npos || rest[end] == '\n') return "jekyll";
  }
  if (bytes.front() == '<') return "html";
  if (bytes.front() == '{') return "json";
  return "markdown";
}

}  // namespace sheaf
