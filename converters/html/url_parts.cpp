#include "converters/html/url_parts.hpp"

#include <charconv>

namespace sheaf::html {
namespace {

bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string best_srcset_candidate(std::string_view s) {
  std::string best_w, best_x;
  double max_w = -1, max_x = -1;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (html_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    const std::size_t start = i;
    while (i < s.size() && !html_space(s[i])) ++i;
    std::string_view url = s.substr(start, i - start);
    std::string_view descriptor;
    if (!url.empty() && url.back() == ',') {
      while (!url.empty() && url.back() == ',') url.remove_suffix(1);  // "a.jpg, b.jpg 2x"
    } else {
      // Descriptors run to the next comma outside parentheses.
      const std::size_t d = i;
      int parens = 0;
      while (i < s.size() && (parens > 0 || s[i] != ',')) {
        if (s[i] == '(') ++parens;
        if (s[i] == ')' && parens > 0) --parens;
        ++i;
      }
      descriptor = s.substr(d, i - d);
    }
    if (url.empty() || is_unsafe_url(url)) continue;
    while (!descriptor.empty() && html_space(descriptor.front())) descriptor.remove_prefix(1);
    while (!descriptor.empty() && html_space(descriptor.back())) descriptor.remove_suffix(1);
    double value = 1;
    char unit = 'x';
    if (!descriptor.empty()) {
      unit = descriptor.back();
      const std::string_view number = descriptor.substr(0, descriptor.size() - 1);
      if (std::from_chars(number.data(), number.data() + number.size(), value).ec != std::errc{}) continue;
    }
    if (unit == 'w' && value > max_w) { max_w = value; best_w = std::string(url); }
    else if (unit == 'x' && value > max_x) { max_x = value; best_x = std::string(url); }
  }
  return best_w.empty() ? best_x : best_w;
}

std::string url_host(std::string_view url) {
  std::size_t p = url.find("//");
  if (p == std::string_view::npos) return {};
  const std::string_view scheme = url.substr(0, p);
  if (!(scheme.empty() || (scheme.size() >= 2 && scheme.back() == ':'))) return {};
  std::string_view rest = url.substr(p + 2);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && rest.find(']') == std::string_view::npos)
    rest = rest.substr(0, colon);
  std::string host(rest);
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return host;
}

bool is_absolute_http_url(std::string_view url) {
  std::string scheme(url.substr(0, url.find(':')));
  for (char& c : scheme)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (scheme != "http" && scheme != "https") return false;
  if (url.compare(scheme.size(), 3, "://") != 0) return false;
  return !url_host(url).empty() && url.find_first_of(" \t\n\r\f") == std::string_view::npos;
}

std::string url_file_name(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  if (const auto slash = url.rfind('/'); slash != std::string_view::npos) url.remove_prefix(slash + 1);
  return std::string(url);
}

}  // namespace sheaf::html
