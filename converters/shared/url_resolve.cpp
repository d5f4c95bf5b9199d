#include "converters/shared/url_resolve.hpp"

#include <algorithm>
#include <vector>

#include "core/meta.hpp"

namespace sheaf::shared {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Length of "scheme:" at the start of `s` (RFC 3986 section 3.1), or 0.
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
  const bool absolute = !path.empty() && path.front() == '/';
  bool trailing_slash = false;
  std::size_t pos = absolute ? 1 : 0;
  while (pos <= path.size()) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    const std::string_view seg = path.substr(pos, end - pos);
    trailing_slash = end < path.size() || seg == "." || seg == "..";
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
    } else if (seg != ".") {
      out.push_back(seg);
    }
    pos = end + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i) result += '/';
    result += out[i];
  }
  if (trailing_slash && !out.empty() && !out.back().empty()) result += '/';
  return result;
}

/// The five components of RFC 3986 section 3; `has_*` tells an empty component from a missing one.
struct UrlParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

UrlParts split(std::string_view u) {
  UrlParts p;
  if (const auto hash = u.find('#'); hash != std::string_view::npos) {
    p.fragment = u.substr(hash + 1);
    p.has_fragment = true;
    u = u.substr(0, hash);
  }
  if (const auto q = u.find('?'); q != std::string_view::npos) {
    p.query = u.substr(q + 1);
    p.has_query = true;
    u = u.substr(0, q);
  }
  if (const std::size_t n = scheme_length(u); n > 0) {
    p.scheme = u.substr(0, n - 1);
    u = u.substr(n);
  }
  if (u.substr(0, 2) == "//") {
    u.remove_prefix(2);
    const auto slash = std::min(u.find('/'), u.size());
    p.authority = u.substr(0, slash);
    p.has_authority = true;
    u = u.substr(slash);
  }
  p.path = u;
  return p;
}

/// RFC 3986 section 5.2.3: `ref_path` (relative, non-empty) appended to the base path's directory.
std::string merge_paths(const UrlParts& base, std::string_view ref_path) {
  std::string merged;
  if (base.has_authority && base.path.empty()) {
    merged = "/";
  } else if (const auto slash = base.path.rfind('/'); slash != std::string_view::npos) {
    merged = base.path.substr(0, slash + 1);
  }
  merged += ref_path;
  return merged;
}

}  // namespace

std::string url_base(const Document& doc) {
  for (const char* key : {meta_key::source, meta_key::from})
    if (auto url = meta_string(doc.meta, key); url && is_http(*url)) return *url;
  return is_http(doc.base) ? doc.base : std::string();
}

std::string resolve_reference(std::string_view base_url, std::string_view ref_url) {
  if (scheme_length(ref_url) > 0 || scheme_length(base_url) == 0) return std::string(ref_url);
  const UrlParts base = split(base_url);
  const UrlParts ref = split(ref_url);
  // Section 5.2.2, the branch for a reference without a scheme.
  UrlParts target;
  std::string path;
  if (ref.has_authority) {
    target = ref;
    path = remove_dot_segments(ref.path);
  } else {
    target.authority = base.authority;
    target.has_authority = base.has_authority;
    if (ref.path.empty()) {
      path = base.path;
      target.query = ref.has_query ? ref.query : base.query;
      target.has_query = ref.has_query || base.has_query;
    } else {
      path = remove_dot_segments(ref.path.front() == '/' ? std::string(ref.path) : merge_paths(base, ref.path));
      target.query = ref.query;
      target.has_query = ref.has_query;
    }
  }
  // Section 5.3: recomposition.
  std::string out(base.scheme);
  out += ':';
  if (target.has_authority) {
    out += "//";
    out += target.authority;
  }
  out += path;
  if (target.has_query) {
    out += '?';
    out += target.query;
  }
  if (ref.has_fragment) {
    out += '#';
    out += ref.fragment;
  }
  return out;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  if (base.empty() || ref.empty() || ref.front() == '#') return std::string(ref);
  return resolve_reference(base, ref);
}

}  // namespace sheaf::shared
