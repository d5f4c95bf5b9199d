#include "converters/shared/url_resolve.hpp"

#include <vector>

#include "core/meta.hpp"

namespace sheaf::shared {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Length of "scheme:" at the start of `s`, or 0.
std::size_t scheme_length(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i + 1;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

bool is_http(std::string_view s) {
  const std::size_t n = scheme_length(s);
  if (n == 0) return false;
  std::string scheme(s.substr(0, n));
  for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return (scheme == "http:" || scheme == "https:") && s.compare(n, 2, "//") == 0 && s.size() > n + 2;
}

/// RFC 3986 section 5.2.4 on a path (no query or fragment).
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  const bool absolute = !path.empty() && path[0] == '/';
  if (absolute) start = 1;
  bool trailing = false;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    trailing = false;
    if (seg == ".") {
      trailing = true;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing = true;
    } else {
      out.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (trailing && !result.empty() && result.back() != '/') result += '/';
  return result;
}

}  // namespace

std::string url_base(const Document& doc) {
  for (const char* key : {meta_key::source, meta_key::from})
    if (auto url = meta_string(doc.meta, key); url && is_http(*url)) return *url;
  return is_http(doc.base) ? doc.base : std::string();
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  if (base.empty() || ref.empty() || ref[0] == '#' || scheme_length(ref) > 0) return std::string(ref);
  const std::size_t scheme_end = scheme_length(base);        // "https:"
  const std::size_t authority_end = base.find_first_of("/?#", scheme_end + 2);
  const std::string_view origin = base.substr(0, authority_end);  // "https://host"
  if (ref.size() >= 2 && ref[0] == '/' && ref[1] == '/') return std::string(base.substr(0, scheme_end)) + std::string(ref);
  // Split the reference into path and the query/fragment that follow it.
  const std::size_t tail_at = ref.find_first_of("?#");
  const std::string_view ref_path = ref.substr(0, tail_at);
  const std::string_view tail = tail_at == std::string_view::npos ? std::string_view() : ref.substr(tail_at);
  const std::string_view base_path_query =
      authority_end == std::string_view::npos ? std::string_view() : base.substr(authority_end);
  const std::string_view base_path = base_path_query.substr(0, base_path_query.find_first_of("?#"));
  std::string path;
  if (ref_path.empty()) {
    path = std::string(base_path.empty() ? "/" : base_path);
    if (!tail.empty() && tail[0] == '#') {
      // "?query" keeps the base query only when the reference has none.
      const std::size_t q = base_path_query.find('?');
      const std::size_t f = base_path_query.find('#');
      if (q != std::string_view::npos && (f == std::string_view::npos || q < f))
        path += std::string(base_path_query.substr(q, f == std::string_view::npos ? std::string_view::npos : f - q));
    }
    return std::string(origin) + path + std::string(tail);
  }
  if (ref_path[0] == '/') {
    path = remove_dot_segments(ref_path);
  } else {
    const std::size_t last = base_path.rfind('/');
    const std::string dir = last == std::string_view::npos ? "/" : std::string(base_path.substr(0, last + 1));
    path = remove_dot_segments(dir + std::string(ref_path));
  }
  return std::string(origin) + path + std::string(tail);
}

}  // namespace sheaf::shared
