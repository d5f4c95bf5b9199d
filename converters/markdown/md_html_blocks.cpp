#include "converters/markdown/md_html_blocks.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sheaf::markdown {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr std::array<std::string_view, 62> kBlockTags = {
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
    "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
    "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul"};

/// Length of a complete open or closing tag at the start of `s` (CommonMark's grammar), or 0.
std::size_t tag_length(std::string_view s) {
  std::size_t i = 1;
  const bool closing = i < s.size() && s[i] == '/';
  if (closing) ++i;
  if (i >= s.size() || !is_alpha(s[i])) return 0;
  while (i < s.size() && (is_alnum(s[i]) || s[i] == '-')) ++i;
  if (closing) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i < s.size() && s[i] == '>' ? i + 1 : 0;
  }
  while (true) {
    const std::size_t ws = i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '>' || s[i] == '/')) break;
    if (i == ws || i >= s.size() || !(is_alpha(s[i]) || s[i] == '_' || s[i] == ':')) return 0;
    while (i < s.size() && (is_alnum(s[i]) || s[i] == '_' || s[i] == '.' || s[i] == ':' || s[i] == '-')) ++i;
    std::size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      ++j;
      while (j < s.size() && is_space(s[j])) ++j;
      if (j >= s.size()) return 0;
      if (s[j] == '"' || s[j] == '\'') {
        const auto close = s.find(s[j], j + 1);
        if (close == std::string_view::npos) return 0;
        i = close + 1;
      } else {
        const std::size_t v = j;
        while (j < s.size() && !is_space(s[j]) && std::string_view("\"'=<>`").find(s[j]) == std::string_view::npos) ++j;
        if (j == v) return 0;
        i = j;
      }
    }
  }
  if (s[i] == '/') ++i;
  return i < s.size() && s[i] == '>' ? i + 1 : 0;
}

}  // namespace

std::string md_html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string md_html_attribute(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '"') out += "&quot;";
    else out += md_html_text(std::string_view(&c, 1));
  }
  return out;
}

std::optional<std::string> md_plain_inline_text(const Inlines& inlines) {
  std::string out;
  for (const Inline& in : inlines) {
    const auto* t = std::get_if<Text>(&in.node);
    if (!t) return std::nullopt;
    out += t->text;
  }
  if (out.find('\n') != std::string::npos) return std::nullopt;
  return out;
}

int md_html_block_start(std::string_view line) noexcept {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent >= 4) return 0;
  const std::string_view s = line.substr(indent);
  if (s.empty() || s[0] != '<') return 0;
  // The GFM spec (0.29-gfm, which cmark-gfm implements): `<textarea>` is not kind 1 as in
  // CommonMark 0.30 but an ordinary tag of kind 7, which a blank line ends.
  for (std::string_view tag : {"<script", "<pre", "<style"})
    if (starts_with_ci(s, tag) &&
        (s.size() == tag.size() || is_space(s[tag.size()]) || s[tag.size()] == '>'))
      return 1;
  if (s.substr(0, 4) == "<!--") return 2;
  if (s.substr(0, 2) == "<?") return 3;
  if (s.size() > 2 && s[1] == '!' && is_alpha(s[2])) return 4;
  if (s.substr(0, 9) == "<![CDATA[") return 5;
  {
    std::size_t i = 1;
    if (i < s.size() && s[i] == '/') ++i;
    std::size_t start = i;
    while (i < s.size() && is_alnum(s[i])) ++i;
    std::string name;
    for (std::size_t k = start; k < i; ++k) name += lower(s[k]);
    if (!name.empty() && std::find(kBlockTags.begin(), kBlockTags.end(), name) != kBlockTags.end() &&
        (i == s.size() || is_space(s[i]) || s[i] == '>' || s.substr(i, 2) == "/>"))
      return 6;
  }
  if (const std::size_t n = tag_length(s); n > 0) {
    std::string name;
    for (std::size_t k = (s[1] == '/' ? 2 : 1); k < s.size() && is_alnum(s[k]); ++k) name += lower(s[k]);
    if (name == "script" || name == "style" || name == "pre") return 0;
    for (std::size_t k = n; k < s.size(); ++k)
      if (!is_space(s[k])) return 0;
    return 7;
  }
  return 0;
}

std::string md_raw_html_block(std::string_view html) {
  std::string text(html);
  for (std::size_t p = text.find('\r'); p != std::string::npos; p = text.find('\r', p)) {
    if (p + 1 < text.size() && text[p + 1] == '\n') text.erase(p, 1);
    else text[p] = '\n';
  }
  // Leading blank lines go; so does the first line's indentation when it is four columns or a
  // tab (it would make code), while up to three spaces stay: they are part of the HTML block.
  std::size_t start = 0;
  while (start < text.size() && is_space(text[start])) ++start;
  {
    std::size_t line_start = start;
    while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
    if (start - line_start < 4 &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(line_start),
                    text.begin() + static_cast<std::ptrdiff_t>(start), [](char c) { return c == ' '; }))
      start = line_start;
  }
  std::size_t end = text.size();
  while (end > start && is_space(text[end - 1])) --end;
  text = text.substr(start, end - start);
  if (text.empty()) return {};
  const std::string_view first_line = std::string_view(text).substr(0, text.find('\n'));
  const int kind = md_html_block_start(first_line);
  if (kind == 0) text = "<div>\n" + text + "\n</div>";
  if (kind == 0 || kind >= 6) {
    // A blank line would end the HTML block and turn the rest into Markdown.
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos <= text.size()) {
      const std::size_t nl = text.find('\n', pos);
      const std::string_view l = std::string_view(text).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (!std::all_of(l.begin(), l.end(), is_space)) {
        if (!out.empty()) out += '\n';
        out += l;
      }
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    return out;
  }
  return text;
}

}  // namespace sheaf::markdown
