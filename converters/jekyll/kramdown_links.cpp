// kramdown's link definition syntax (its LINK_DEFINITION_START rule), written for cmark.
#include "converters/jekyll/kramdown_links.hpp"

#include <cctype>

namespace sheaf::jekyll {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

/// A title `"…"` or `'…'` (at least one character) filling `s`, or nullopt.
std::optional<std::string_view> whole_title(std::string_view s) {
  s = trim(s);
  if (s.size() < 3 || (s.front() != '"' && s.front() != '\'') || s.back() != s.front()) return std::nullopt;
  return s.substr(1, s.size() - 2);
}

}  // namespace

std::string link_definition_markdown(std::string_view label, std::string_view url, std::string_view title) {
  std::string out(1, '[');
  out += label;
  out += "]: <";
  for (char c : url) {
    if (c == '<' || c == '>') out += '\\';
    out += c;
  }
  out += '>';
  if (!title.empty()) {
    out += " \"";
    for (char c : title) {
      if (c == '"') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::optional<std::string> normalize_link_label(std::string_view label, std::size_t limit) {
  std::string out;  // a prefix of the result at every step
  bool space = false;
  for (char c : label) {
    if (blank(c) || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (out.size() > limit) return std::nullopt;
  }
  return out;
}

std::string normalize_link_label(std::string_view label) {
  return *normalize_link_label(label, std::string::npos);
}

std::optional<LinkDefinition> kramdown_link_definition(std::string_view line, std::string_view next) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ' && i < 4) ++i;
  if (i > 3 || i >= line.size() || line[i] != '[' || line.substr(i).starts_with("[^")) return std::nullopt;
  const std::size_t close = line.find(']', i);
  if (close == std::string_view::npos || close == i + 1 || close + 1 >= line.size() || line[close + 1] != ':')
    return std::nullopt;
  const std::string_view label = line.substr(i + 1, close - i - 1);
  std::string_view rest = line.substr(close + 2);
  while (!rest.empty() && blank(rest.front())) rest.remove_prefix(1);
  rest = trim(rest);
  if (rest.empty()) return std::nullopt;
  std::string_view url;
  std::optional<std::string_view> title;
  if (rest.front() == '<' && rest.find('>') != std::string_view::npos) {
    const std::size_t end = rest.find('>');
    url = rest.substr(1, end - 1);
    const std::string_view after = trim(rest.substr(end + 1));
    if (!after.empty()) {
      title = whole_title(after);
      if (!title) return std::nullopt;
    }
  } else {
    // The shortest URL after which blanks and a title fill the line (kramdown's lazy match).
    const char quote = rest.back();
    if (quote == '"' || quote == '\'')
      for (std::size_t p = 1; p + 1 < rest.size() && !title; ++p) {
        if (!blank(rest[p]) || rest[p - 1] == ' ' || rest[p - 1] == '\t') continue;
        std::size_t q = p;
        while (q < rest.size() && blank(rest[q])) ++q;
        if (q + 2 < rest.size() && rest[q] == quote) {
          url = rest.substr(0, p);
          title = rest.substr(q + 1, rest.size() - q - 2);
        }
      }
    if (!title) url = rest;
    // kramdown rejects a URL holding a blank and a quote (an unclosed title).
    for (std::size_t p = 1; p < url.size(); ++p)
      if (blank(url[p - 1]) && (url[p] == '"' || url[p] == '\'')) return std::nullopt;
  }
  LinkDefinition def;
  def.label = normalize_link_label(label);
  if (def.label.empty()) return std::nullopt;
  if (!title) {
    title = whole_title(next);
    def.title_on_next = title.has_value();
  }
  def.id = std::string(label);
  def.markdown = link_definition_markdown(label, url, title.value_or(""));
  return def;
}

}  // namespace sheaf::jekyll
