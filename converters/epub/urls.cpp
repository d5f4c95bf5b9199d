#include "converters/epub/urls.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "converters/shared/url_resolve.hpp"
#include "core/utf8.hpp"

namespace sheaf::epub {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string url_scheme(std::string_view url) {
  url = trim(url);
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url.front()))) return {};
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') {
      std::string s(url.substr(0, i));
      std::transform(s.begin(), s.end(), s.begin(),
                     [](char ch) { return static_cast<char>(std::tolower(static_cast<unsigned char>(ch))); });
      // "C:\x.png" is a Windows drive, not a scheme.
      return s.size() == 1 ? std::string{} : s;
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return {};
  }
  return {};
}

bool is_remote_url(std::string_view url) {
  url = trim(url);
  const std::string scheme = url_scheme(url);
  return scheme == "http" || scheme == "https" || url.substr(0, 2) == "//";
}

namespace {

// Percent-encodes what may not appear in a URL; keeps valid escapes and the first '#'.
std::string escape_url_chars(std::string_view url) {
  static constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  bool seen_hash = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(url[i]);
    bool escape = c <= 0x20 || c >= 0x7F || std::string_view("<>\"{}|\\^`[]").find(static_cast<char>(c)) != std::string_view::npos;
    if (c == '%') escape = i + 2 >= url.size() || hex_value(url[i + 1]) < 0 || hex_value(url[i + 2]) < 0;
    if (c == '#') {
      escape = seen_hash;
      seen_hash = true;
    }
    if (escape) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The host of a special URL in the form epubcheck parses: ASCII labels, IDNA for the others;
// nullopt when it holds a code point the URL standard forbids in hosts.
std::optional<std::string> clean_host(std::string_view host) {
  if (host.empty()) return std::nullopt;
  if (host.front() == '[') {  // IPv6 literal
    const bool ok = host.back() == ']' && host.find_first_not_of("0123456789abcdefABCDEF:.[]") == std::string_view::npos;
    return ok ? std::optional<std::string>(host) : std::nullopt;
  }
  std::string out;
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t dot = std::min(host.find('.', start), host.size());
    const std::string_view label = host.substr(start, dot - start);
    bool ascii = true;
    for (char ch : label) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (c >= 0x80) { ascii = false; continue; }
      if (c <= 0x20 || c == 0x7F || std::string_view("#%/:<>?@[\\]^|\"{}`").find(ch) != std::string_view::npos)
        return std::nullopt;
    }
    if (!out.empty() || start > 0) out += '.';
    if (ascii) {
      for (char ch : label) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      out += "xn--";
      out += punycode(label);
    }
    start = dot + 1;
  }
  return out;
}

}  // namespace

std::string clean_href(std::string_view url) {
  url = trim(url);
  const std::string scheme = url_scheme(url);
  if (scheme != "http" && scheme != "https" && scheme != "ftp" && scheme != "ftps") return escape_url_chars(url);
  // Special schemes: "http:/x", "http:///x" and "http:\\x" all mean "http://x".
  std::string_view rest = url.substr(scheme.size() + 1);
  while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  const std::size_t end = std::min(rest.find_first_of("/?#\\"), rest.size());
  std::string_view authority = rest.substr(0, end);
  if (authority.empty()) return {};
  std::string userinfo;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = escape_url_chars(authority.substr(0, at + 1));
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority, port;
  const std::size_t colon = authority.front() == '['
                                ? (authority.find("]:") == std::string_view::npos ? std::string_view::npos
                                                                                 : authority.find("]:") + 1)
                                : authority.find(':');
  if (colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string_view::npos || port.size() > 5) return {};
  }
  const std::optional<std::string> clean = clean_host(host);
  if (!clean) return {};
  std::string out = scheme;
  out += "://";
  out += userinfo;
  out += *clean;
  if (!port.empty()) {
    out += ':';
    out += port;
  }
  out += escape_url_chars(rest.substr(end));
  return out;
}

std::string punycode(std::string_view label) {
  // RFC 3492 §6.3 with its parameters.
  constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  std::vector<char32_t> cps;
  for (std::size_t pos = 0; pos < label.size();) cps.push_back(utf8::decode(label, pos));
  const auto digit = [](std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); };
  const auto adapt = [&](std::uint32_t delta, std::uint32_t points, bool first) {
    delta = first ? delta / damp : delta / 2;
    delta += delta / points;
    std::uint32_t k = 0;
    while (delta > ((base - tmin) * tmax) / 2) {
      delta /= base - tmin;
      k += base;
    }
    return k + (base - tmin + 1) * delta / (delta + skew);
  };
  std::string out;
  for (char32_t c : cps)
    if (c < 0x80) out += static_cast<char>(std::tolower(static_cast<int>(c)));
  const std::uint32_t basic = static_cast<std::uint32_t>(out.size());
  std::uint32_t handled = basic;
  if (basic > 0) out += '-';
  std::uint32_t n = 0x80, delta = 0, bias = 72;
  while (handled < cps.size()) {
    std::uint32_t m = 0x10FFFF;
    for (char32_t c : cps)
      if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (char32_t c : cps) {
      if (c < n) ++delta;
      if (c != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = base;; k += base) {
        const std::uint32_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
        if (q < t) break;
        out += digit(t + (q - t) % (base - t));
        q = (q - t) / (base - t);
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  base = trim(base);
  ref = trim(ref);
  if (url_scheme(base).empty()) return std::string(ref);
  // url_scheme reads "C:\x.png" as a Windows path, not a scheme: "./" makes the resolver agree.
  if (ref.size() >= 2 && std::isalpha(static_cast<unsigned char>(ref[0])) && ref[1] == ':')
    return shared::resolve_reference(base, "./" + std::string(ref));
  return shared::resolve_reference(base, ref);
}

std::string url_key(std::string_view url) {
  url = trim(url);
  url = split_fragment(url).first;
  const std::string scheme = url_scheme(url);
  if (!scheme.empty()) url.remove_prefix(scheme.size() + 1);
  std::string key;
  if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
    const auto slash = std::min(url.find('/'), url.size());
    for (char c : url.substr(0, slash))
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url.remove_prefix(slash);
    if (key.substr(0, 4) == "www.") key.erase(0, 4);
  }
  std::string path = percent_decode(url);
  for (std::string_view suffix : {"/index.html", "/index.htm", ".html", ".htm", "/"}) {
    if (path.size() > suffix.size() && path.ends_with(suffix)) {
      path.resize(path.size() - suffix.size());
      break;
    }
  }
  return key + path;
}

std::pair<std::string_view, std::string_view> split_fragment(std::string_view url) {
  const auto hash = url.find('#');
  if (hash == std::string_view::npos) return {url, {}};
  return {url.substr(0, hash), url.substr(hash + 1)};
}

}  // namespace sheaf::epub
