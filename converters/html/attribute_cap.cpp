#include "converters/html/attribute_cap.hpp"

namespace sheaf::html {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// One attribute [begin, end) inside a start tag, found by the HTML tokenizer's rules (name up to
// space, '/', '>' or '='; value quoted or up to space or '>').
struct Scan {
  std::string_view s;
  std::size_t i;
  void skip_spaces() {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
  }
  // Advances past one attribute; false at the end of the tag.
  bool attribute() {
    skip_spaces();
    if (i >= s.size() || s[i] == '>') return false;
    ++i;  // the first character of a name may be anything but space, '/' or '>'
    while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    std::size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      i = j + 1;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const std::size_t close = s.find(s[i], i + 1);
        i = close == std::string_view::npos ? s.size() : close + 1;
      } else {
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
      }
    }
    return true;
  }
};

}  // namespace

std::optional<CappedHtml> cap_attributes(std::string_view html, std::size_t max) {
  // A tag with more than `max` attributes needs more than 2 * max bytes; fast path for most pages.
  if (html.size() <= 2 * max) return std::nullopt;
  std::optional<CappedHtml> out;
  std::size_t copied = 0;  // html[0, copied) is already in out->html
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {  // a comment may hold anything
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (i + 1 >= html.size() || !is_alpha(html[i + 1])) {
      ++i;
      continue;
    }
    Scan scan{html, i + 1};
    while (scan.i < html.size() && !is_space(html[scan.i]) && html[scan.i] != '/' && html[scan.i] != '>') ++scan.i;
    std::size_t count = 0;
    std::size_t keep_end = scan.i;  // end of the last attribute kept
    while (scan.attribute()) {
      if (++count <= max) keep_end = scan.i;
    }
    if (count > max) {
      if (!out) out.emplace().first_at = i;
      out->html.append(html, copied, keep_end - copied);
      copied = scan.i;  // the dropped attributes are skipped; '>' (if any) is copied next
      out->dropped += count - max;
    }
    i = scan.i;
  }
  if (out) out->html.append(html, copied, std::string_view::npos);
  return out;
}

}  // namespace sheaf::html
