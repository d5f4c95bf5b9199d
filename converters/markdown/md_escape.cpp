#include "converters/markdown/md_escape.hpp"

#include <set>

#include "converters/markdown/md_unicode.hpp"
#include "core/utf8.hpp"

namespace sheaf::markdown {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// Escapes what a destination or title would otherwise interpret. cmark decodes entities first
/// and backslash escapes second (cmark_clean_url), so an '&' that starts an entity is written as
/// `&amp;` (a backslash would not protect it), and a backslash before ASCII punctuation or at
/// the end (where the closing delimiter follows) is doubled. `extra` lists further characters
/// escaped with a backslash everywhere.
std::string escape_reference_text(std::string_view s, std::string_view extra) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&' && md_starts_entity(s.substr(i))) {
      out += "&amp;";
      continue;
    }
    if (c == '\\') {
      if (i + 1 == s.size() || md_is_ascii_punct(s[i + 1])) out += '\\';
    } else if (extra.find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string md_code_span(std::string_view code) {
  if (code.empty()) return {};
  std::string text(code);
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  std::set<std::size_t> runs;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] == '`') ++j;
    runs.insert(j - i);
    i = j;
  }
  std::size_t fence = 1;
  while (runs.count(fence)) ++fence;
  const bool all_spaces = text.find_first_not_of(' ') == std::string::npos;
  const bool pad = text.front() == '`' || text.back() == '`' ||
                   (!all_spaces && text.front() == ' ' && text.back() == ' ');
  std::string out(fence, '`');
  if (pad) out += ' ';
  out += text;
  if (pad) out += ' ';
  out.append(fence, '`');
  return out;
}

std::string md_link_destination(std::string_view url) {
  if (url.empty()) return "<>";
  std::string clean;
  clean.reserve(url.size());
  for (char c : url) {
    if (c == '\n') clean += "%0A";
    else if (c == '\r') clean += "%0D";
    else clean += c;
  }
  bool bare = !clean.empty() && clean[0] != '<';
  for (char c : clean) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '(' || c == ')') bare = false;
  }
  if (bare) return escape_reference_text(clean, "");
  std::string out = "<";
  out += escape_reference_text(clean, "<>");
  out += '>';
  return out;
}

std::string md_info_string(std::string_view info) {
  std::string clean(info);
  for (char& c : clean)
    if (c == '\n' || c == '\r') c = ' ';
  return escape_reference_text(clean, "");
}

std::string md_link_title(std::string_view title) {
  if (title.empty()) return {};
  // A title may span lines, but not a blank one, and each line is paragraph text to the block
  // parser: a line that would start a block gets its backslash, leading spaces (which the block
  // parser strips) are kept by staying on the previous line.
  std::string clean;
  for (std::size_t i = 0; i < title.size(); ++i) {
    char c = title[i];
    if (c == '\r') c = '\n';
    if (c == '\n') {
      std::size_t j = i;  // a run of line breaks (a blank line would end the paragraph) is one
      while (j + 1 < title.size() && (title[j + 1] == '\n' || title[j + 1] == '\r')) ++j;
      const bool keep = j + 1 >= title.size() || (title[j + 1] != ' ' && title[j + 1] != '\t');
      clean += keep ? '\n' : ' ';
      i = j;
      continue;
    }
    clean += c;
  }
  // `|` too: kramdown (Jekyll) reads any line holding an unescaped `|` as a table row.
  std::string escaped = escape_reference_text(clean, "\"|");
  std::string out = " \"";
  std::size_t line = 0;
  while (true) {
    const std::size_t nl = escaped.find('\n', line);
    const std::string_view text = std::string_view(escaped).substr(line, nl == std::string::npos ? std::string::npos : nl - line);
    const auto at = line > 0 ? md_line_start_escape(text, false, false) : std::nullopt;
    if (at) {
      out.append(text.substr(0, *at));
      out += '\\';
      out.append(text.substr(*at));
    } else {
      out.append(text);
    }
    if (nl == std::string::npos) break;
    out += '\n';
    line = nl + 1;
  }
  out += '"';
  return out;
}

std::string md_escape_alt(std::string_view alt) {
  std::string out;
  out.reserve(alt.size() + 8);
  for (std::size_t i = 0; i < alt.size(); ++i) {
    const char c = alt[i];
    const char prev = i > 0 ? alt[i - 1] : ' ';
    const char next = i + 1 < alt.size() ? alt[i + 1] : ' ';
    bool escape = false;
    switch (c) {
      case '\\': escape = i + 1 == alt.size() || md_is_ascii_punct(next); break;
      case '[': case ']': case '*': case '`': case '~': escape = true; break;
      case '_': escape = !(is_alnum(prev) && is_alnum(next)); break;
      case '<': escape = is_alpha(next) || next == '/' || next == '!' || next == '?'; break;
      case '!': escape = next == '['; break;
      case '&': escape = md_starts_entity(alt.substr(i)); break;
      default: break;
    }
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

std::string md_char_reference(char32_t cp) {
  if (cp == ' ') return "&#32;";
  if (cp == '\t') return "&#9;";
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string digits;
  for (char32_t v = cp; v; v >>= 4) digits += hex[v & 0xF];
  if (digits.empty()) digits += '0';
  std::string out = "&#x";
  out.append(digits.rbegin(), digits.rend());
  out += ';';
  return out;
}

bool md_starts_entity(std::string_view s) noexcept {
  if (s.size() < 3 || s[0] != '&') return false;
  std::size_t i = 1;
  if (s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t start = i;
    while (i < s.size() && (hex ? is_hex(s[i]) : is_digit(s[i]))) ++i;
    const std::size_t n = i - start;
    return n >= 1 && n <= (hex ? 6u : 7u) && i < s.size() && s[i] == ';';
  }
  // Named references: conservatively any name shape, since cmark's table is long.
  const std::size_t start = i;
  while (i < s.size() && is_alnum(s[i])) ++i;
  return i > start && i - start <= 48 && is_alpha(s[start]) && i < s.size() && s[i] == ';';
}

std::optional<std::size_t> md_line_start_escape(std::string_view line, bool first_line,
                                                bool kramdown) noexcept {
  if (line.empty()) return std::nullopt;
  if (kramdown) {
    // `#x` is a heading to kramdown (no space needed), `: definition` a definition list and
    // `*[ABBR]: text` an abbreviation definition.
    if (line[0] == '#') return 0;
    if (line[0] == ':' && (line.size() == 1 || line[1] == ' ' || line[1] == '\t')) return 0;
    if (line.substr(0, 2) == "*[" && line.find("]:") != std::string_view::npos) return 0;
  }
  auto blank_from = [&](std::size_t i) {
    for (; i < line.size(); ++i)
      if (line[i] != ' ' && line[i] != '\t') return false;
    return true;
  };
  auto space_or_end = [&](std::size_t i) {
    return i >= line.size() || line[i] == ' ' || line[i] == '\t';
  };
  const char c = line[0];
  // Thematic break (and a setext underline of '-'): three or more of one of -*_ with spaces.
  if (c == '-' || c == '*' || c == '_') {
    std::size_t count = 0;
    bool only = true;
    for (char d : line) {
      if (d == c) ++count;
      else if (d != ' ' && d != '\t') only = false;
    }
    if (only && count >= 3) return 0;
  }
  if (c == '#') {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    if (n <= 6 && space_or_end(n)) return 0;
    return std::nullopt;
  }
  if (c == '>') return 0;
  if (c == '-' || c == '+' || c == '*') {
    // A lone marker is an empty list item, which cannot interrupt a paragraph.
    if (first_line ? space_or_end(1) : (line.size() > 1 && space_or_end(1) && !blank_from(1)))
      return 0;
  }
  if (is_digit(c)) {
    std::size_t n = 0;
    while (n < line.size() && is_digit(line[n])) ++n;
    if (n <= 9 && n < line.size() && (line[n] == '.' || line[n] == ')') && space_or_end(n + 1)) {
      if (first_line) return n;
      if (line.substr(0, n) == "1" && !blank_from(n + 1)) return n;
    }
    return std::nullopt;
  }
  if (c == '`' || c == '~') {
    std::size_t n = 0;
    while (n < line.size() && line[n] == c) ++n;
    if (n >= 3) return 0;
  }
  if (!first_line) {
    if (c == '=' || c == '-') {
      std::size_t n = 0;
      while (n < line.size() && line[n] == c) ++n;
      if (blank_from(n)) return 0;
    }
    if (c == '|' || c == ':' || c == '-') {
      bool dash = false;
      bool only = true;
      for (char d : line) {
        if (d == '-') dash = true;
        else if (d != '|' && d != ':' && d != ' ' && d != '\t') only = false;
      }
      if (only && dash) return 0;
    }
  }
  return std::nullopt;
}

std::string md_protect_liquid(std::string_view body) {
  static constexpr std::string_view open = "{% raw %}", close = "{% endraw %}";
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '{' && i + 1 < body.size() && (body[i + 1] == '{' || body[i + 1] == '%')) {
      out += open;
      out.append(body, i, 2);
      out += close;
      ++i;
      continue;
    }
    out += body[i];
  }
  return out;
}

bool md_is_autolink_uri(std::string_view url) noexcept {
  std::size_t i = 0;
  if (url.empty() || !is_alpha(url[0])) return false;
  while (i < url.size() && (is_alnum(url[i]) || url[i] == '+' || url[i] == '.' || url[i] == '-'))
    ++i;
  if (i < 2 || i > 32 || i >= url.size() || url[i] != ':') return false;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>') return false;
  }
  return true;
}

bool md_is_autolink_email(std::string_view a) noexcept {
  const auto at = a.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  static constexpr std::string_view local_extra = ".!#$%&'*+/=?^_`{|}~-";
  for (std::size_t i = 0; i < at; ++i)
    if (!is_alnum(a[i]) && local_extra.find(a[i]) == std::string_view::npos) return false;
  std::string_view domain = a.substr(at + 1);
  if (domain.empty()) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t end = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (label.empty() || label.size() > 63 || !is_alnum(label.front()) || !is_alnum(label.back()))
      return false;
    for (char c : label)
      if (!is_alnum(c) && c != '-') return false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace sheaf::markdown
