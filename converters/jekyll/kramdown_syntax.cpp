// kramdown syntax rewritten for cmark-gfm. Works on lines; a line is looked at once, plus the
// bounded look-backs at lines already written (heading before an IAL, list before `{:toc}`).
#include "converters/jekyll/kramdown_syntax.hpp"

#include "converters/jekyll/kramdown_html.hpp"
#include "converters/jekyll/kramdown_links.hpp"
#include "converters/jekyll/kramdown_spans.hpp"
#include "converters/jekyll/text_search.hpp"
#include "converters/jekyll/typography.hpp"
#include "converters/markdown/cmark_bridge.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <cctype>
#include <optional>
#include <vector>

namespace sheaf::jekyll {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool blank_line(std::string_view s) { return trim(s).empty(); }

std::size_t indent(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  return n;
}

/// The id (`#id`) and whether the bare word `toc` occur in an IAL's inside.
struct IalParts {
  std::string id;
  bool toc = false;
  bool no_toc = false;  // the class `.no_toc`
  bool footnotes = false;  // `{:footnotes}`: the list it follows marks where footnotes go
};

IalParts parse_ial(std::string_view inner) {
  IalParts parts;
  std::size_t i = 0;
  while (i < inner.size()) {
    while (i < inner.size() && is_blank(inner[i])) ++i;
    const std::size_t start = i;
    char quote = 0;
    while (i < inner.size() && (quote || !is_blank(inner[i]))) {
      if (quote && inner[i] == quote) quote = 0;
      else if (!quote && (inner[i] == '"' || inner[i] == '\'')) quote = inner[i];
      ++i;
    }
    const std::string_view token = inner.substr(start, i - start);
    if (token.size() > 1 && token.front() == '#') parts.id = std::string(token.substr(1));
    else if (token == "toc") parts.toc = true;
    else if (token == ".no_toc") parts.no_toc = true;
    else if (token == "footnotes") parts.footnotes = true;
  }
  return parts;
}

/// A block IAL or ALD line: `{:` (not `{::`, not `{:/`) … `}`.
std::optional<std::string_view> block_ial(std::string_view line) {
  if (indent(line) > 3) return std::nullopt;
  const std::string_view t = trim(line);
  if (t.size() < 3 || !t.starts_with("{:") || t.back() != '}' || t[2] == ':' || t[2] == '/')
    return std::nullopt;
  const std::string_view inner = t.substr(2, t.size() - 3);
  for (std::size_t p = inner.find('}'); p != std::string_view::npos; p = inner.find('}', p + 1))
    if (p == 0 || inner[p - 1] != '\\') return std::nullopt;  // `\}` may stand inside
  if (!inner.empty() && inner.back() == '\\') return std::nullopt;
  return inner;
}

bool atx_heading(std::string_view line) {
  const std::size_t n = indent(line);
  if (n > 3 || n >= line.size() || line[n] != '#') return false;
  std::size_t h = n;
  while (h < line.size() && line[h] == '#') ++h;
  return h - n <= 6 && (h == line.size() || is_blank(line[h]));
}

bool setext_underline(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || indent(line) > 3 || (t[0] != '=' && t[0] != '-')) return false;
  return t.find_first_not_of(t[0]) == std::string_view::npos;
}

/// A list item's first line; a bare marker (`*`, `1.`) is an empty item.
bool list_item_line(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() == 1 && indent(line) <= 3 && (t[0] == '*' || t[0] == '-' || t[0] == '+') &&
      line.size() > indent(line) + 1)  // `* ` with its space, not a lone `-` (setext underline)
    return true;
  if (t.size() >= 2 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && is_blank(t[1])) return true;
  std::size_t d = 0;
  while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
  return d > 0 && d + 1 < t.size() && (t[d] == '.' || t[d] == ')') && is_blank(t[d + 1]);
}

/// CommonMark's HTML block starts (types 1–7), approximately: a comment, `<?`, `<!`, a block-level
/// or raw-text tag name, or a line that is one complete tag.
bool opens_html_block(std::string_view t) {
  if (t.size() < 2 || t[0] != '<') return false;
  if (t[1] == '!' || t[1] == '?') return true;
  std::size_t n = t[1] == '/' ? 2 : 1;
  const std::size_t start = n;
  while (n < t.size() && std::isalnum(static_cast<unsigned char>(t[n])) != 0) ++n;
  std::string name(t.substr(start, n - start));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kBlockTags[] = {
      "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
      "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
      "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
      "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
      "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source",
      "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
      "script", "pre", "style", "textarea"};
  for (std::string_view tag : kBlockTags)
    if (name == tag) return true;
  return !name.empty() && t.back() == '>' && t.find('<', 1) == std::string_view::npos;
}

std::string escape_attribute(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n': out += "&#10;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string math_html(std::string_view tex, bool display) {
  return "<math alttext=\"" + escape_attribute(trim(tex)) + "\"" +
         (display ? " display=\"block\"" : "") + "></math>";
}

/// A line made only of rule, underline and table-delimiter characters (`---`, `===`, `|--|:-:|`):
/// block syntax, never typography.
bool rule_like(std::string_view line) {
  const std::string_view t = trim(line);
  return !t.empty() && t.find_first_not_of("-=*_:|+ \t") == std::string_view::npos;
}

/// The closer searches of one rewrite_spans call (issue 9: linear time on hostile lines).
/// Every closer search of the line goes through these (text_search.hpp), so that a line of
/// openers without their closer (`[^`, `{:`, `{::comment}`, `<code>`, backtick runs of
/// decreasing length) is not scanned to its end once per opener.
struct SpanClosers {
  explicit SpanClosers(std::string_view line)
      : angle(line, ">"), comment_end(line, "-->"), brace(line, "}"), square(line, "]"), runs(line),
        bracket(line, '[', ']'), paren(line, '(', ')'), line_(line) {}
  OccurrenceIndex angle;
  OccurrenceIndex comment_end;
  OccurrenceIndex brace;
  OccurrenceIndex square;
  BacktickRuns runs;
  BracketMatcher bracket;
  BracketMatcher paren;

  /// `line.find(needle, from)` for the few other needles (`</code`, `{:/comment}`, `{:/}`).
  std::size_t find(const std::string& needle, std::size_t from) {
    auto it = named_.find(needle);
    if (it == named_.end()) it = named_.emplace(needle, OccurrenceIndex(line_, needle)).first;
    return it->second(from);
  }

 private:
  std::string_view line_;
  std::map<std::string, OccurrenceIndex> named_;
};

/// The end of the inline HTML tag, comment or autolink starting at `line[i]` (`<`), or npos when
/// `<` does not start one.
std::size_t tag_end(std::string_view line, std::size_t i, SpanClosers& closers) {
  if (i + 1 >= line.size()) return std::string_view::npos;
  const char c = line[i + 1];
  if (line.substr(i).starts_with("<!--")) {
    const std::size_t close = closers.comment_end(i + 4);
    return close == std::string_view::npos ? std::string_view::npos : close + 3;
  }
  if (!(std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '!' || c == '?'))
    return std::string_view::npos;
  const std::size_t close = closers.angle(i + 1);
  return close == std::string_view::npos ? std::string_view::npos : close + 1;
}

/// The end of `<name@host>` at `line[i]` when the address holds a non-ASCII letter, else npos.
std::size_t email_autolink_end(std::string_view line, std::size_t i) {
  bool at = false, wide = false;
  for (std::size_t k = i + 1; k < line.size(); ++k) {
    const char c = line[k];
    if (c == '>') return at && wide && k > i + 1 ? k + 1 : std::string_view::npos;
    if (c == ' ' || c == '\t' || c == '<' || c == '(' || c == '[' || c == ']') return std::string_view::npos;
    if (c == '@') at = true;
    if (static_cast<unsigned char>(c) >= 0x80) wide = true;
  }
  return std::string_view::npos;
}

/// The end of a link destination `(…)` starting at `line[i]`, parentheses balanced.
std::size_t destination_end(std::size_t i, SpanClosers& closers) {
  const std::size_t close = closers.paren(i);
  return close == std::string_view::npos ? close : close + 1;
}

/// `text` with the Markdown punctuation escaped, so cmark shows it as written; `<` and `&` stay,
/// so raw HTML is still HTML (kramdown's nomarkdown content goes to the output as it is).
std::string literal_markdown(std::string_view text) {
  std::string out;
  OccurrenceIndex angle(text, ">");  // `x<a` × n: no scan to the end per `<`
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' && i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0 || text[i + 1] == '/')) {
      const std::size_t close = angle(i);
      if (close != std::string_view::npos) {
        out.append(text.substr(i, close + 1 - i));
        i = close;
        continue;
      }
    }
    if (std::string_view("\\`*_[]!#~|$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

/// kramdown's span extensions at `line[i]` (`{::`): `{::comment}…{:/comment}` (or `{:/}`) and
/// `{::comment …/}` vanish, `{::options …/}` vanishes, `{::nomarkdown}…{:/}` shows its content
/// literally. Appends to `out`, moves `i` and returns true; false (text as written) for other
/// names and for an extension without its end tag.
bool span_extension(std::string_view line, std::size_t& i, std::string& out, SpanClosers& closers) {
  const std::size_t close = closers.brace(i);
  if (close == std::string_view::npos) return false;
  const std::string_view tag = line.substr(i + 3, close - i - 3);
  std::size_t n = 0;
  while (n < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[n])) != 0 || tag[n] == '_')) ++n;
  const std::string_view name = tag.substr(0, n);
  if (name != "comment" && name != "nomarkdown" && name != "options") return false;
  if (tag.ends_with("/")) {  // self-closing: no content
    if (name == "nomarkdown") return false;
    i = close + 1;
    return true;
  }
  if (name == "options") return false;
  const std::string named_end = "{:/" + std::string(name) + "}";
  std::size_t end = closers.find(named_end, close + 1);
  std::size_t end_size = named_end.size();
  const std::size_t bare = closers.find("{:/}", close + 1);
  if (bare != std::string_view::npos && (end == std::string_view::npos || bare < end)) {
    end = bare;
    end_size = 4;
  }
  if (end == std::string_view::npos) return false;
  if (name == "nomarkdown") out += literal_markdown(line.substr(close + 1, end - close - 1));
  i = end + end_size;
  return true;
}

/// Span-level rewriting of one line: span IALs removed, `$$…$$` to math, kramdown's typography
/// (typography.hpp) in the text; code spans, tags, URLs and link destinations untouched.
/// A thematic break, a setext underline or a table delimiter row: block syntax, never typography.
bool block_rule_line(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty()) return false;
  if (t.find('|') != std::string_view::npos) return t.find_first_not_of("-:|+ \t") == std::string_view::npos;
  const char c = t[0];
  if (c != '-' && c != '=' && c != '*' && c != '_') return false;
  std::size_t marks = 0;
  for (char x : t) {
    if (x == c) ++marks;
    else if (!is_blank(x)) return false;
  }
  return c == '=' || c == '-' || marks >= 3;
}

/// The `]` that closes an image's alt text opened by the `[` at `open` (brackets balanced,
/// backslash escapes skipped) when a destination `(` or reference `[` follows it; else npos.
std::size_t image_alt_end(std::string_view line, std::size_t open, SpanClosers& closers) {
  const std::size_t k = closers.bracket(open);
  if (k == std::string_view::npos) return k;
  return k + 1 < line.size() && (line[k + 1] == '(' || line[k + 1] == '[') ? k : std::string_view::npos;
}

/// The bytes rewrite_spans may act on (besides ` `, `h` and `w`: see `plain` there): its branches'
/// first bytes and typographic_at's (`-` `.` `<` `>` and the quotes).
constexpr std::array<bool, 256> kSpanSyntaxByte = [] {
  std::array<bool, 256> table{};
  for (const unsigned char b : std::string_view("\\`<!][{$*_-.>\"'")) table[b] = true;
  return table;
}();

std::string rewrite_spans(std::string_view line, const KramdownConfig& config, bool* in_tag = nullptr) {
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  if (in_tag && *in_tag) {  // an inline tag opened on an earlier line of the paragraph
    const std::size_t close = line.find('>');
    if (close == std::string_view::npos) return std::string(line);
    *in_tag = false;
    i = close + 1;
    out.append(line.substr(0, i));
  }
  // Block syntax first: quote markers (`>>` is not a guillemet there), and link definitions,
  // whose titles keep their quotes.
  while (i < line.size() && (is_blank(line[i]) || line[i] == '>')) out += line[i++];
  if (list_item_line(line.substr(i))) {  // a list marker, then an IAL for the item may follow
    while (i < line.size() && !is_blank(line[i])) out += line[i++];
    while (i < line.size() && is_blank(line[i])) out += line[i++];
  }
  const std::size_t content_start = i;
  const std::string_view content = line.substr(i);
  const bool definition = content.starts_with("[") && !content.starts_with("[^") &&
                          content.find("]:") != std::string_view::npos &&
                          content.find(']') == content.find("]:") &&
                          (!config.kramdown_input || kramdown_link_definition(content, "").has_value());
  const bool typography = !block_rule_line(line) && !definition;
  char prev = 0;  // the last plain-text character, 0 after other syntax (typographic_at)
  std::size_t alt_end = 0;
  SpanClosers closers(line);
  kramdown_html::SpanIndex span_index(line);
  auto copy_to = [&](std::size_t end) {
    out.append(line.substr(i, end - i));
    i = end;
    prev = 0;
  };
  // A byte no branch below acts on is copied with the run of such bytes it starts, as the last
  // branch would copy them one by one (`prev` ends as the run's last byte). A space counts unless
  // ` >>` follows it; `h` and `w` unless a URL starts there.
  auto plain = [&](std::size_t k) {
    const char b = line[k];
    if (b == ' ') return !line.substr(k + 1).starts_with(">>");
    if (b == 'h' || b == 'w') {
      const std::string_view rest = line.substr(k);
      return !rest.starts_with("http://") && !rest.starts_with("https://") && !rest.starts_with("www.");
    }
    return !kSpanSyntaxByte[static_cast<unsigned char>(b)];
  };
  while (i < line.size()) {
    const char c = line[i];
    if (plain(i)) {
      std::size_t end = i + 1;
      while (end < line.size() && plain(end)) ++end;
      out.append(line.substr(i, end - i));
      prev = line[end - 1];
      i = end;
      continue;
    }
    if (c == '\\' && i + 1 < line.size()) {
      out.append(line.substr(i, 2));
      i += 2;
      prev = 0;
    } else if (c == '`') {
      std::size_t k = i;
      while (k < line.size() && line[k] == '`') ++k;
      const std::string_view run = line.substr(i, k - i);
      const std::size_t close = closers.runs(k, run.size());
      copy_to(close == std::string_view::npos ? k : close + run.size());
    } else if (c == '<' && email_autolink_end(line, i) != std::string_view::npos) {
      // kramdown's email autolinks allow any letters (cmark's only ASCII ones).
      const std::size_t end = email_autolink_end(line, i);
      const std::string_view address = line.substr(i + 1, end - i - 2);
      out += "[" + std::string(address) + "](mailto:" + std::string(address) + ")";
      i = end;
      prev = 0;
    } else if (c == '<' && line.substr(i).starts_with("<mailto:") && tag_end(line, i, closers) != std::string_view::npos) {
      // kramdown shows a mailto autolink without its scheme.
      const std::size_t end = tag_end(line, i, closers);
      const std::string_view address = line.substr(i + 8, end - i - 9);
      out += "[" + std::string(address) + "](mailto:" + std::string(address) + ")";
      i = end;
      prev = 0;
    } else if (c == '<' && config.kramdown_input &&
               kramdown_html::span_markup(line, i, out, config.parse_span_html, [&](std::string_view s) {
                 return rewrite_spans(s, config);
               }, &span_index)) {
      prev = 0;
    } else if (c == '<' && tag_end(line, i, closers) != std::string_view::npos) {
      // kramdown keeps the content of these span elements raw.
      std::size_t end = tag_end(line, i, closers);
      std::size_t n = i + 1;
      while (n < line.size() && std::isalnum(static_cast<unsigned char>(line[n])) != 0) ++n;
      std::string name(line.substr(i + 1, n - i - 1));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (std::string_view raw : {"code", "kbd", "samp", "var", "script", "style", "math", "textarea", "pre"})
        if (name == raw && line[end - 2] != '/') {
          const std::size_t close = closers.find("</" + name, end);
          if (close != std::string_view::npos) end = close;
        }
      copy_to(end);
    } else if (c == '<' && i + 1 < line.size() &&
               ((std::isalpha(static_cast<unsigned char>(line[i + 1])) != 0 && closers.angle(i) == std::string_view::npos) ||
                (line.substr(i).starts_with("<!--") && closers.comment_end(i) == std::string_view::npos))) {
      if (in_tag) *in_tag = true;  // a tag whose attributes run onto the next line
      copy_to(line.size());
    } else if (c == '!' && i + 1 < line.size() && line[i + 1] == '[' &&
               (alt_end = image_alt_end(line, i + 1, closers)) != std::string_view::npos) {
      copy_to(alt_end);  // kramdown's alt text is plain: no typography
    } else if (c == ']' && i + 1 < line.size() && (line[i + 1] == '(' || line[i + 1] == '[')) {
      const std::size_t end = line[i + 1] == '(' ? destination_end(i + 1, closers) : closers.square(i + 1);
      copy_to(end == std::string_view::npos ? i + 1 : (line[i + 1] == '(' ? end : end + 1));
    } else if (c == '[' && i + 1 < line.size() && line[i + 1] == '^') {
      const std::size_t end = closers.square(i);
      copy_to(end == std::string_view::npos ? i + 2 : end + 1);
    } else if ((c == 'h' || c == 'w') && (prev == 0 || !std::isalnum(static_cast<unsigned char>(prev))) &&
               (line.substr(i).starts_with("http://") || line.substr(i).starts_with("https://") ||
                line.substr(i).starts_with("www."))) {
      std::size_t end = i;
      while (end < line.size() && !is_blank(line[end]) && line[end] != '<') ++end;
      copy_to(end);
    } else if (c == '{' && line.substr(i).starts_with("{::") && span_extension(line, i, out, closers)) {
      prev = 0;
    } else if (c == '{' && line.substr(i).starts_with("{:") && !line.substr(i).starts_with("{:/") &&
               !line.substr(i).starts_with("{::") &&
               closers.brace(i) != std::string_view::npos &&
               (out.empty() || i == content_start ||
                std::string_view("`*_)]>}").find(out.back()) != std::string_view::npos ||
                (!config.kramdown_input && trim(line.substr(closers.brace(i) + 1)).empty()))) {
      // A span IAL after a span element; attributes have no place in the model. kramdown keeps one
      // after plain text as text: so does this reader, except at the end of a line, where it is
      // plainly an attribute list (`text {: .x}`) and never shown; with `input: kramdown` that
      // one is text too, as kramdown shows it.
      i = closers.brace(i) + 1;
      prev = 0;
    } else if (c == '$' && line.substr(i).starts_with("$$")) {
      const std::size_t close = closers.find("$$", i + 2);
      if (close == std::string_view::npos || close == i + 2) {
        out += "$$";
        i += 2;
      } else {
        // kramdown without a math engine (`math_engine: ~`) shows inline math as `$tex$`.
        const std::string_view tex = line.substr(i + 2, close - i - 2);
        out += config.math ? math_html(tex, false) : "$" + std::string(tex) + "$";
        i = close + 2;
      }
      prev = 0;
    } else if (typography && (c == '*' || c == '_')) {
      out += c;
      ++i;
      prev = 0;  // an emphasis mark: a quote after it opens a new run of text
    } else if (typography && typographic_at(line, i, prev, config, out)) {
      prev = 0;
    } else {
      out += c;
      ++i;
      prev = c;
    }
  }
  // kramdown's line break `\\` at the end of a line is cmark's `\`.
  std::size_t slashes = 0;
  while (slashes < line.size() && line[line.size() - 1 - slashes] == '\\') ++slashes;
  if (slashes >= 2 && slashes % 2 == 0 && out.ends_with("\\\\")) out.pop_back();
  return out;
}

/// The heading line with its kramdown suffix (`{#id}`, `{: #id .cls}`) normalised to ` {#id}`
/// (or removed when it holds no id) and closing hashes dropped.
std::string heading_with_id(std::string_view line, std::string_view extra_id, bool no_toc = false) {
  std::string_view t = trim(line);
  std::string id(extra_id);
  if (t.ends_with("}")) {
    const std::size_t open = t.rfind('{');
    // kramdown's header id: ` {#id}`, a space before it and a letter first.
    const bool id_suffix = open != std::string_view::npos && t.substr(open).starts_with("{#") && open > 0 &&
                           is_blank(t[open - 1]) && open + 2 < t.size() &&
                           std::isalpha(static_cast<unsigned char>(t[open + 2])) != 0;
    if (open != std::string_view::npos &&
        (id_suffix || t.substr(open).starts_with("{:") || t.substr(open).starts_with("{."))) {
      std::string_view inner = t.substr(open + 1, t.size() - open - 2);
      if (inner.starts_with(":")) inner.remove_prefix(1);
      const IalParts p = parse_ial(inner);
      if (!p.id.empty() && id.empty()) id = p.id;
      no_toc = no_toc || p.no_toc;
      t = trim(t.substr(0, open));
    }
  }
  if (atx_heading(t)) {
    std::string_view body = t;
    while (!body.empty() && body.back() == '#') body.remove_suffix(1);
    if (body.size() < t.size() && !body.empty() && is_blank(body.back())) t = trim(body);
  }
  std::string out(t);
  if (no_toc && !out.ends_with(kNoTocMarker)) out += kNoTocMarker;
  if (!id.empty()) (out += " {#") += id + "}";
  return out;
}

class Rewriter {
 public:
  explicit Rewriter(const KramdownConfig& config) : config_(config) {}

  std::string run(std::string_view text) {
    text_ = text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      next_ = nl + 1;
      line_start_ = pos;
      feed(text.substr(pos, nl - pos));
      pos = std::max(next_, pos + 1);  // an HTML element may end inside a line (kramdown_html_line)
    }
    flush_table(true);
    flush_math();
    flush_pending();
    if (dd_open_) close_definition();
    close_html_elements();
    if (config_.kramdown_input) {
      for (const auto& def : config_.link_defs)  // predefined, unless the document defines the id
        if (!link_labels_.count(normalize_link_label(def.id))) {
          link_labels_[normalize_link_label(def.id)] = lines_.size() + 1;
          lines_.emplace_back();
          lines_.push_back(link_definition_markdown(def.id, def.url, def.title));
        }
      spans_in_paragraphs();
    }
    std::string out;
    std::size_t total = 0;
    for (const auto& l : lines_) total += l.size() + 1;
    out.reserve(total);
    for (const auto& l : lines_) (out += l) += '\n';
    return out;
  }

 private:
  /// kramdown tables: a run of lines holding a `|` (outside code spans), between block
  /// boundaries, is buffered and written by flush_table.
  void feed(std::string_view l) {
    if (skip_line_) {  // a link definition's title, already written
      skip_line_ = false;
      return;
    }
    if (!table_.empty()) {
      if (!blank_line(l) && table_pipe(l)) {
        table_.emplace_back(l);
        return;
      }
      flush_table(blank_line(l) || trim(l) == "^" || block_ial(l));  // kramdown's block boundaries
      line(l);
      return;
    }
    if (table_pipe(l) && indent(l) <= 3 && list_indent_ == 0 && !fence_len_ && !in_comment_ &&
        !trim(l).starts_with("$$") &&
        !in_nomarkdown_ && math_.empty() && pending_.empty() && (!dd_open_ || indent(l) == 0) &&
        !html_block_ && close_tags_.empty() && !starts_kramdown_html(l) && !block_ial(l) &&
        (lines_.empty() || blank_line(lines_.back()) || after_ial_)) {
      if (dd_open_) close_definition();  // an unindented line after a blank one ends the definition
      table_.emplace_back(l);
      return;
    }
    line(l);
    after_ial_ = block_ial(l).has_value();
  }

  /// A `|` outside code spans and not escaped.
  static bool table_pipe(std::string_view l) {
    return l.find('|') != std::string_view::npos && split_cells(l).size() > 1;
  }

  /// The cells of a table row, split at unescaped `|` outside code spans (`<code>` too).
  static std::vector<std::string> split_cells(std::string_view l) {
    std::vector<std::string> cells(1);
    BacktickRuns runs(l);  // backtick runs of decreasing length: no scan to the end per run
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l[i] == '\\' && i + 1 < l.size()) {
        cells.back() += l.substr(i, 2);
        ++i;
      } else if (l[i] == '`') {
        std::size_t k = i;
        while (k < l.size() && l[k] == '`') ++k;
        const std::size_t close = runs(k, k - i);
        const std::size_t end = close == std::string_view::npos ? k : close + (k - i);
        cells.back() += l.substr(i, end - i);
        i = end - 1;
      } else if (l.substr(i).starts_with("<code")) {
        const std::size_t close = l.find("</code>", i);
        // kramdown auto-closes an element whose end tag does not follow: no cell ends inside.
        const std::size_t end = close == std::string_view::npos ? l.size() : close + 7;
        cells.back() += l.substr(i, end - i);
        i = end - 1;
      } else if (l[i] == '|') {
        cells.emplace_back();
      } else {
        cells.back() += l[i];
      }
    }
    return cells;
  }

  static bool separator_line(std::string_view l, char mark) {
    const std::string_view t = trim(l);
    const std::string allowed = std::string("+|: \t") + mark;
    return t.find(mark) != std::string_view::npos && t.find_first_not_of(allowed) == std::string_view::npos;
  }

  /// The buffered table lines: a kramdown table (rows, `|---` header separator with alignment,
  /// `|===` footer separator, a leading separator line) written as an HTML table whose cells are
  /// Markdown paragraphs; a table GFM reads the same way is left to cmark-gfm; anything else (no
  /// body, no block boundary after it) is read as ordinary lines.
  void flush_table(bool boundary) {
    if (table_.empty()) return;
    std::vector<std::string> buffered;
    buffered.swap(table_);
    auto as_lines = [&] {
      for (const std::string& l : buffered) line(l);
    };
    if (!boundary) return as_lines();
    const bool leading_pipe = trim(buffered.front()).starts_with("|");
    using Row = std::vector<std::string>;
    std::vector<Row> head, body, rows;
    std::vector<std::string> align;
    bool footer = false;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < buffered.size(); ++i) {
      const std::string& l = buffered[i];
      if (separator_line(l, '-')) {
        if (rows.empty()) continue;
        if (align.empty() && !footer) {
          head = std::move(rows);
          for (std::string cell : split_cells(trim(l))) {
            const std::string_view c = trim(cell);
            if (c.empty()) continue;
            const bool left = c.front() == ':', right = c.back() == ':';
            align.emplace_back(left && right ? "center" : left ? "left" : right ? "right" : "");
          }
        } else {
          body.insert(body.end(), rows.begin(), rows.end());
        }
        rows.clear();
      } else if (separator_line(l, '=')) {
        body.insert(body.end(), rows.begin(), rows.end());
        rows.clear();
        footer = true;
      } else {
        Row cells = split_cells(l);
        if (leading_pipe && !cells.empty() && trim(cells.front()).empty()) cells.erase(cells.begin());
        if (!cells.empty() && trim(cells.back()).empty()) cells.pop_back();
        columns = std::max(columns, cells.size());
        rows.push_back(std::move(cells));
      }
    }
    body.insert(body.end(), rows.begin(), rows.end());
    if (body.empty()) return as_lines();
    const bool gfm = buffered.size() >= 2 && !separator_line(buffered[0], '-') && separator_line(buffered[1], '-') &&
                     head.size() == 1 && !footer && head[0].size() == align.size() &&
                     std::none_of(buffered.begin() + 2, buffered.end(), [](const std::string& l) {
                       return separator_line(l, '-') || separator_line(l, '=');
                     });
    if (gfm) {  // cmark-gfm reads it as kramdown does
      for (const std::string& l : buffered) lines_.push_back(rewrite_spans(trim(l), config_));
      paragraph_lines_ = 0;
      return;
    }
    lines_.emplace_back("<table>");
    auto write_rows = [&](const std::vector<Row>& section, const char* tag) {
      for (Row row : section) {
        row.resize(columns);
        lines_.emplace_back("<tr>");
        for (std::size_t c = 0; c < row.size(); ++c) {
          const std::string a = c < align.size() && !align[c].empty() ? " align=\"" + align[c] + "\"" : "";
          const std::string_view text = trim(row[c]);
          if (text.empty()) {
            lines_.push_back(std::string("<") + tag + a + "></" + tag + ">");
            continue;
          }
          lines_.push_back(std::string("<") + tag + a + ">");
          lines_.emplace_back();
          lines_.push_back(cell_paragraph(rewrite_spans(text, config_)));
          lines_.emplace_back();
          lines_.push_back(std::string("</") + tag + ">");
        }
        lines_.emplace_back("</tr>");
      }
    };
    if (!head.empty()) {
      lines_.emplace_back("<thead>");
      write_rows(head, "th");
      lines_.emplace_back("</thead>");
    }
    lines_.emplace_back("<tbody>");
    write_rows(body, "td");
    lines_.emplace_back("</tbody>");
    lines_.emplace_back("</table>");
    lines_.emplace_back();
  }

  /// Cell text as one Markdown paragraph: what would open a block is escaped.
  static std::string cell_paragraph(std::string text) {
    if (text.empty()) return text;
    const char c = text[0];
    if (c == '#' || c == '>' || c == '=' || text.starts_with("```") || text.starts_with("~~~") || rule_like(text) ||
        ((c == '-' || c == '*' || c == '+') && (text.size() == 1 || is_blank(text[1]))))
      return "\\" + text;
    if (list_item_line(text)) text.insert(text.find_first_not_of("0123456789"), "\\");
    return text;
  }

  void line(std::string_view l) {
    const std::string_view t = trim(l);
    if (dd_open_ && block_ial(l) && indent(l) == 0) close_definition();  // the IAL ends the list
    if (dd_open_) {
      if (t == "^") {
        close_definition();
        end_block(true);
        return;
      }
      if (blank_line(l)) {
        lines_.emplace_back();
        return;
      }
      const bool continues = indent(l) > 0 || !blank_line(lines_.back());
      const bool next_definition = indent(l) <= 3 && t.starts_with(":") && (t.size() == 1 || is_blank(t[1]));
      if (continues && !next_definition) {
        lines_.emplace_back(l.substr(std::min(indent(l), dd_indent_)));
        return;
      }
      close_definition();
    }
    if (!pending_.empty()) {
      if (!blank_line(l) && !fence_len_) {
        paragraph_line(l);
        return;
      }
      flush_pending();
    }
    if (fence_len_) {
      if (indent(l) <= 3 && t.size() >= fence_len_ && t.find_first_not_of(fence_char_) == std::string_view::npos)
        fence_len_ = 0;
      lines_.emplace_back(l);
      return;
    }
    if (html_depth_ > 0) {  // inside a balanced HTML block (balanced_html_block)
      html_depth_ += tag_balance(l, html_tag_);
      if (blank_line(l)) {
        lines_.emplace_back("<!---->");  // keeps cmark's HTML block open; shows nothing
      } else {
        lines_.emplace_back(l);
      }
      if (html_depth_ <= 0) {
        html_depth_ = 0;
        html_block_ = false;
        if (!boundary_next()) lines_.emplace_back();  // the block ends with its end tag, as in kramdown
      }
      return;
    }
    if (in_comment_ || in_nomarkdown_) {
      // kramdown's block extension ends at a line that is only `{:/name}` or `{:/}`.
      if (t == "{:/}" || t == "{:/comment}" || t == "{:/nomarkdown}") {
        if (in_nomarkdown_) lines_.emplace_back();
        in_comment_ = in_nomarkdown_ = false;
      } else if (in_nomarkdown_ && !nomarkdown_hidden_) {
        // Shown as written: raw HTML stays HTML, Markdown punctuation is escaped.
        lines_.push_back(t.starts_with("<") ? std::string(l) : literal_markdown(l));
      }
      return;
    }
    if (!math_.empty()) {
      if (blank_line(l)) {
        abandon_math();
      } else {
        math_lines_.emplace_back(l);
        if (t.find("$$") != std::string_view::npos) flush_math();
        return;
      }
    }
    if (indent(l) <= 3 && (t.starts_with("```") || t.starts_with("~~~"))) {
      const std::size_t run = std::min(t.find_first_not_of(t[0]), t.size());
      if (!fence_closes_ahead(t[0], run)) {  // kramdown: a fence without its end is text
        lines_.push_back("\\" + std::string(t));
        ++paragraph_lines_;
        return;
      }
      fence_char_ = t[0];
      fence_len_ = t.find_first_not_of(fence_char_);
      if (fence_len_ == std::string_view::npos) fence_len_ = t.size();
      lines_.emplace_back(l);
      return;
    }
    if (block_extension(t)) return;
    if (indent(l) <= 3 && t.starts_with("*[") && t.find("]:") != std::string_view::npos) return;  // abbreviation
    if (const auto ial = block_ial(l)) {
      // An IAL line ends the block before it (kramdown's block boundary): a paragraph, list or
      // code block after it is a new one.
      const bool hard = indent(l) == 0 && (in_code_ || list_indent_ > 0 || (!lines_.empty() && lines_.back() == "</dl>"));
      if (attach_ial(*ial) && !lines_.empty() && !blank_line(lines_.back()) && (hard || !boundary_next()))
        end_block(hard);
      return;
    }
    const bool boundary = lines_.empty() || blank_line(lines_.back()) || after_ial_;
    if (t.starts_with("$$") && boundary && indent(l) <= 3) {
      math_ = "start";
      math_lines_.emplace_back(l);
      if (t.find("$$", 2) != std::string_view::npos) flush_math();
      return;
    }
    if (t.starts_with("\\$$") && boundary && indent(l) <= 3) {  // escaped: not block math, inline
      paragraph_line(t.substr(1));
      ++paragraph_lines_;
      return;
    }
    if (kramdown_html_line(l)) return;
    if (indent(l) <= 3 && t.starts_with(":") && (t.size() == 1 || is_blank(t[1])) && start_definition(l)) return;
    // Raw HTML blocks (a `<` line after a blank line, to the next blank line) are left to the HTML
    // reader: kramdown does not read its syntax there (`$$` in a script is not math).
    if (blank_line(l)) html_block_ = false;
    else if (opens_html_block(t) && (lines_.empty() || blank_line(lines_.back())) &&
             !(config_.kramdown_input && t.starts_with("<?")))  // kramdown: `<?` is text (span_markup)
      html_block_ = true;
    if (html_block_ && balanced_html_block(l, t)) return;
    if (html_block_) {
      lines_.emplace_back(l);
      return;
    }
    if (blank_line(l)) {
      in_tag_ = false;
      paragraph_lines_ = 0;
    } else if (indented_code(l)) {  // kept as it is: no typography, no kramdown syntax
      in_code_ = true;
      paragraph_lines_ = 0;
      lines_.emplace_back(l);
      return;
    } else if (in_code_ && t != "^" && !t.starts_with("<") && !t.starts_with(">") && !lines_.empty() &&
               !(list_indent_ > 0 && list_item_line(l)) &&
               !blank_line(lines_.back()) && trim(lines_.back()) != ">") {
      lines_.push_back("    " + std::string(l));  // kramdown's lazy code line
      return;
    } else {
      in_code_ = false;
    }
    if (config_.kramdown_input && paragraph_lines_ == 0 && list_indent_ == 0 && link_definition(l)) return;
    if (config_.kramdown_input && paragraph_lines_ > 0 && !blank_line(l)) {
      // kramdown's paragraph runs to a blank line: what would start a block in CommonMark
      // continues it (only a one-line paragraph may become a setext header).
      const bool new_item = list_item_line(l) && list_indent_ > 0 && indent(l) < list_indent_;
      const bool inside_quote = t.starts_with(">") && trim(lines_.back()).starts_with(">");
      std::optional<std::string> text;
      if (!new_item && !inside_quote) text = as_paragraph_text(l, paragraph_lines_);
      if (text) {
        ++paragraph_lines_;
        paragraph_line(*text);
        return;
      }
    }
    if (!blank_line(l)) note_list_item(l);
    if (t == "^") {  // kramdown's end-of-block marker: separates blocks, shows nothing
      end_block(true);
      return;
    }
    if (config_.kramdown_input && l.starts_with("#") && l.find_first_not_of("# \t") == std::string_view::npos) {
      paragraph_line("\\" + std::string(t));  // kramdown: a header needs text
      ++paragraph_lines_;
      return;
    }
    if (config_.kramdown_input && l.starts_with("#")) {
      // kramdown drops closing hashes even without a space before them (`# header#`).
      std::string_view body = t;
      while (body.size() > 1 && body.back() == '#' && body[body.size() - 2] != '\\' &&
             body.find_first_not_of('#') < body.size() - 1)
        body.remove_suffix(1);
      if (body.size() < t.size() && body.find_first_not_of('#') != std::string_view::npos) {
        std::string spaced(body);
        const std::size_t hashes = spaced.find_first_not_of('#');
        if (!is_blank(spaced[hashes])) spaced.insert(hashes, " ");
        while (!spaced.empty() && is_blank(spaced.back())) spaced.pop_back();
        lines_.push_back(heading_with_id(rewrite_spans_keep_suffix(spaced), ""));
        paragraph_lines_ = 0;
        return;
      }
    }
    if (l.starts_with("#")) {  // kramdown needs no space after the hashes: `##Header`
      const std::size_t hashes = l.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && !is_blank(l[hashes])) {
        const std::string spaced = std::string(l.substr(0, hashes)) + " " + std::string(l.substr(hashes));
        lines_.push_back(heading_with_id(rewrite_spans_keep_suffix(spaced), ""));
        return;
      }
    }
    if (atx_heading(l)) {
      lines_.push_back(heading_with_id(rewrite_spans_keep_suffix(l), ""));
      return;
    }
    // A quote line with text is a paragraph too: kramdown continues it lazily (`> a` then `# b`).
    // A link or footnote definition (`[x]:`) is not.
    const bool definition = t.starts_with("[") && t.find("]:") != std::string_view::npos;
    if (!blank_line(l))
      paragraph_lines_ = list_item_line(l) || (t.starts_with(">") && trim(t.substr(1)).empty()) || rule_like(l) ||
                                 (definition && paragraph_lines_ == 0)
                             ? 0
                             : paragraph_lines_ + 1;
    paragraph_line(l);
  }

  /// Columns of leading whitespace after any blockquote markers (a tab counts 4).
  static std::size_t code_indent(std::string_view l) {
    std::size_t i = 0;
    if (l.find('>') != std::string_view::npos && trim(l).starts_with(">")) {
      while (i < l.size() && (is_blank(l[i]) || l[i] == '>')) {
        if (l[i] == '>') {
          ++i;
          if (i < l.size() && l[i] == ' ') ++i;  // the one optional space after `>`
          continue;
        }
        if (l.find('>', i) == std::string_view::npos) break;
        ++i;
      }
    }
    std::size_t columns = 0;
    for (; i < l.size() && is_blank(l[i]); ++i) columns += l[i] == '\t' ? 4 - columns % 4 : 1;
    return columns;
  }

  /// An indented code line: four columns deeper than the list content it stands in, after a
  /// blank line or another code line.
  bool indented_code(std::string_view l) const {
    if (code_indent(l) < list_indent_ + 4) return false;
    if (in_code_) return true;
    return lines_.empty() || blank_line(lines_.back()) || trim(lines_.back()) == ">";
  }

  /// kramdown's block extensions, a line of their own: `{::comment}` and `{::nomarkdown}` up to a
  /// `{:/…}` line (the start line is text when there is none), `{::options …/}` and other
  /// self-closing ones of those names. Unknown names are text.
  bool block_extension(std::string_view t) {
    if (!t.starts_with("{::") || !t.ends_with("}")) return false;
    if (t.find('}') != t.size() - 1 && !t.ends_with("/}")) return false;  // `}` only inside a self-closing tag's values
    const std::string_view tag = t.substr(3, t.size() - 4);
    std::size_t n = 0;
    while (n < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[n])) != 0 || tag[n] == '_')) ++n;
    const std::string_view name = tag.substr(0, n);
    if (name != "comment" && name != "nomarkdown" && name != "options") return false;
    if (tag.ends_with("/")) return true;
    if (name == "options" || !stop_line_ahead()) return false;
    if (name == "comment") {
      in_comment_ = true;
    } else {
      in_nomarkdown_ = true;
      // `type="latex"` (or any type but html) is output for other converters only.
      const std::size_t type = tag.find("type=");
      nomarkdown_hidden_ = type != std::string_view::npos && tag.substr(type + 6).find("html") != 0;
      lines_.emplace_back();
    }
    return true;
  }

  // ---- kramdown's HTML blocks (kramdown_html.hpp) ----

  /// `l` (a line of text_) starts a kramdown HTML block: a start tag of a non-span element, at
  /// most three spaces in.
  bool starts_kramdown_html(std::string_view l) const {
    if (!config_.kramdown_input || l.data() != text_.data() + line_start_) return false;
    const std::size_t lead = indent(l);
    if (lead > 3 || lead >= l.size() || l[lead] != '<') return false;
    const auto tag = kramdown_html::start_tag(text_, line_start_ + lead);
    return tag && !kramdown_html::span_element(tag->name);
  }

  /// kramdown's block HTML at the start of `l` (a line of text_): a start tag of a non-span
  /// element opens an element whose content is raw HTML (the default), kramdown spans or
  /// kramdown blocks (`parse_block_html`, the `markdown` attribute); the end tag of the open
  /// block-content element closes it; any other end tag is paragraph text. Raw and span content
  /// is written as HTML lines cmark passes through (emit_raw); block content follows as lines.
  /// The element may end inside a line: next_ is moved there. False when `l` is not such a line.
  bool kramdown_html_line(std::string_view l) {
    using kramdown_html::Model;
    // GFM input (Jekyll's default) keeps cmark-gfm's HTML blocks, which take the unbalanced HTML
    // of scraped posts in their stride; see docs/formats/jekyll.md.
    if (!config_.kramdown_input) return legacy_markdown_attribute(l);
    if (l.data() != text_.data() + line_start_) return false;  // a buffered or rewritten line
    const std::size_t lead = indent(l);
    if (lead > 3 || lead >= l.size() || l[lead] != '<') return false;
    const std::size_t at = line_start_ + lead;
    if (const auto end = kramdown_html::end_tag(text_, at)) {
      if (!html_stack_.empty() && html_stack_.back().model == Model::block && end->first == html_stack_.back().name) {
        flush_pending();
        end_paragraph();
        html_stack_.pop_back();
        std::string out = "</" + end->first + ">";
        std::size_t pos = end->second;
        if (!html_stack_.empty() && html_stack_.back().model == Model::raw) {
          return continue_raw(out, pos);
        }
        emit_raw(out);
        resume_at(kramdown_html::skip_trailing_whitespace(text_, pos));
        return true;
      }
      if (kramdown_html::span_element(end->first)) return false;
      // kramdown: an end tag that closes nothing starts a paragraph, where it is text.
      const std::string text = std::string(l.substr(0, lead)) + "&lt;" + std::string(l.substr(lead + 1));
      line(text);
      return true;
    }
    const auto tag = kramdown_html::start_tag(text_, at);
    if (!tag || kramdown_html::span_element(tag->name)) return false;
    flush_pending();
    end_paragraph();
    const Model model = kramdown_html::with_markdown_attribute(
        *tag, config_.parse_block_html ? kramdown_html::content_model(tag->name) : Model::raw);
    std::string out(l.substr(0, lead));
    out += tag->html;
    std::size_t pos = tag->end;
    if (kramdown_html::raw_text_element(tag->name) || (!tag->closed && model == Model::span)) {
      const std::size_t close = kramdown_html::find_end_tag(text_, pos, tag->name);
      const std::string_view content = text_.substr(pos, (close == std::string_view::npos ? text_.size() : close) - pos);
      out += kramdown_html::raw_text_element(tag->name) ? std::string(content) : span_html(content);
      out += "</" + tag->name + ">";
      pos = close == std::string_view::npos ? text_.size() : kramdown_html::end_tag(text_, close)->second;
      emit_raw(out);
      resume_at(kramdown_html::skip_trailing_whitespace(text_, pos));
      return true;
    }
    if (tag->closed) {
      emit_raw(out);
      resume_at(pos);
      return true;
    }
    if (config_.html_to_native && tag->name == "p" && model == Model::raw) {
      // The element becomes a native paragraph, which the text after it (up to a blank line)
      // continues: its content is written as Markdown that shows it as it is.
      const std::size_t close = kramdown_html::find_end_tag(text_, pos, "p");
      const std::string_view content = text_.substr(pos, (close == std::string_view::npos ? text_.size() : close) - pos);
      lines_.push_back(std::string(l.substr(0, lead)) + kramdown_html::raw_as_markdown(content));
      paragraph_lines_ = 1;
      next_ = close == std::string_view::npos ? text_.size() : kramdown_html::end_tag(text_, close)->second;
      return true;
    }
    html_stack_.push_back({tag->name, model});
    if (model == Model::block) {
      emit_raw(out);
      lines_.emplace_back();
      resume_at(kramdown_html::skip_trailing_whitespace(text_, pos));
      return true;
    }
    return continue_raw(out, pos);
  }

  /// GFM input: `markdown="1"` (or `block`) on an HTML line's first tag makes its content
  /// Markdown, by blank lines after the tag and before the end tag; the end tag closes it.
  bool legacy_markdown_attribute(std::string_view l) {
    const std::string_view t = trim(l);
    if (!close_tags_.empty() && t.starts_with("</" + close_tags_.back())) {
      lines_.emplace_back();
      lines_.emplace_back(l);
      close_tags_.pop_back();
      html_block_ = true;
      return true;
    }
    if (!t.starts_with("<")) return false;
    for (std::string_view attr : {" markdown=\"1\"", " markdown='1'", " markdown=\"block\"", " markdown=1"}) {
      const std::size_t a = l.find(attr);
      if (a == std::string_view::npos) continue;
      std::string opened = std::string(l.substr(0, a)) + std::string(l.substr(a + attr.size()));
      std::size_t n = 1;
      while (n < t.size() && (std::isalnum(static_cast<unsigned char>(t[n])) != 0)) ++n;
      const std::string tag(t.substr(1, n - 1));
      lines_.push_back(std::move(opened));
      lines_.emplace_back();
      html_block_ = false;  // the blank line ends the HTML block: Markdown follows
      if (l.find("</" + tag) == std::string_view::npos) close_tags_.push_back(tag);
      return true;
    }
    return false;
  }

  /// Reads raw content from `pos` (kramdown_html::read_raw) after `out`, writes it, and goes on
  /// where it stopped.
  bool continue_raw(std::string& out, std::size_t pos) {
    const auto stop = kramdown_html::read_raw(text_, pos, html_stack_, out,
                                              [this](std::string_view s) { return span_html(s); });
    emit_raw(out);
    if (stop == kramdown_html::RawStop::block_opened) lines_.emplace_back();
    resume_at(pos);
    return true;
  }

  /// The next line starts at `pos` (inside this one or further on); a line start ends the block.
  void resume_at(std::size_t pos) {
    next_ = pos;
    if (pos == 0 || pos >= text_.size() || text_[pos - 1] == '\n') end_paragraph();
  }

  /// A blank line unless one was just written: what follows is a new block.
  void end_paragraph() {
    if (!lines_.empty() && !blank_line(lines_.back())) lines_.emplace_back();
    paragraph_lines_ = 0;
    in_code_ = false;
    in_tag_ = false;
    html_block_ = false;
  }

  /// kramdown closes the elements still open at the end of the text.
  void close_html_elements() {
    while (!html_stack_.empty()) {
      if (html_stack_.back().model == kramdown_html::Model::block) end_paragraph();
      emit_raw("</" + html_stack_.back().name + ">");
      html_stack_.pop_back();
    }
  }

  /// kramdown span text as HTML (through cmark): for span content inside HTML written raw.
  std::string span_html(std::string_view text) {
    std::string markdown;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view piece = trim(text.substr(start, nl - start));
      if (!piece.empty()) (markdown += cell_paragraph(rewrite_spans(piece, config_))) += '\n';
      start = nl + 1;
    }
    std::string html = markdown::render_gfm_html(markdown);
    while (!html.empty() && html.back() == '\n') html.pop_back();
    if (html.starts_with("<p>") && html.ends_with("</p>")) html = html.substr(3, html.size() - 7);
    return html;
  }

  /// HTML written so that cmark passes it through as it is: each line opens with an empty comment
  /// (a one-line HTML block, which the HTML reader drops), a blank line is only the comment; a
  /// line that starts inside a comment opens with `<div>` instead (comment text: not shown, and
  /// an HTML block start for cmark, which runs to the blank line ending the HTML); lines from a
  /// `<pre>`, `<script>` or `<style>` start to its end are cmark's own HTML block and are written
  /// bare. List content keeps its indentation before the prefix.
  void emit_raw(std::string_view html) {
    auto type1_end = [](std::string_view s) {
      for (std::string_view end : {"</script>", "</pre>", "</style>"})
        for (std::size_t p = s.find("</"); p != std::string_view::npos; p = s.find("</", p + 1)) {
          bool same = p + end.size() <= s.size();
          for (std::size_t k = 0; same && k < end.size(); ++k)
            same = std::tolower(static_cast<unsigned char>(s[p + k])) == end[k];
          if (same) return true;
        }
      return false;
    };
    auto type1_start = [](std::string_view s) {
      for (std::string_view name : {"<script", "<pre", "<style"}) {
        if (s.size() < name.size()) continue;
        bool same = true;
        for (std::size_t k = 0; same && k < name.size(); ++k)
          same = std::tolower(static_cast<unsigned char>(s[k])) == name[k];
        if (same && (s.size() == name.size() || s[name.size()] == '>' || is_blank(s[name.size()]))) return true;
      }
      return false;
    };
    std::size_t start = 0;
    while (start < html.size()) {
      std::size_t nl = html.find('\n', start);
      if (nl == std::string_view::npos) nl = html.size();
      const std::string_view piece = html.substr(start, nl - start);
      start = nl + 1;
      if (raw_type1_) {
        lines_.emplace_back(piece);
        raw_type1_ = !type1_end(piece);
        continue;
      }
      const std::size_t keep = std::min(indent(piece), list_indent_);
      const bool in_comment = raw_in_comment_;
      for (std::size_t p = 0; p < piece.size();) {  // where the line leaves the comment state
        const std::size_t next = piece.find(raw_in_comment_ ? "-->" : "<!--", p);
        if (next == std::string_view::npos) break;
        p = next + (raw_in_comment_ ? 3 : 4);
        raw_in_comment_ = !raw_in_comment_;
      }
      if (in_comment) {
        lines_.push_back(std::string(piece.substr(0, keep)) + "<div>" + std::string(piece.substr(keep)));
      } else if (blank_line(piece)) {
        lines_.push_back(std::string(list_indent_, ' ') + "<!---->");
      } else if (indent(piece) <= keep + 3 && type1_start(piece.substr(indent(piece)))) {
        lines_.emplace_back(piece);
        raw_type1_ = !type1_end(piece);
      } else {
        lines_.push_back(std::string(piece.substr(0, keep)) + "<!---->" + std::string(piece.substr(keep)));
      }
    }
  }

  /// kramdown's HTML block: a block-level element runs to its balanced end tag, blank lines
  /// included, and its content is not Markdown. When `l` opens such an element and the end tag
  /// follows, writes `l` and returns true; the lines up to the end tag follow (see line()).
  bool balanced_html_block(std::string_view l, std::string_view t) {
    std::size_t n = 1;
    while (n < t.size() && std::isalnum(static_cast<unsigned char>(t[n])) != 0) ++n;
    std::string name(t.substr(1, n - 1));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::string_view kElements[] = {
        "address", "article", "aside", "blockquote", "body", "center", "details", "dialog", "dir",
        "div", "dl", "fieldset", "figure", "footer", "form", "header", "html", "main", "menu", "nav",
        "ol", "section", "table", "ul", "textarea", "iframe", "noscript", "video", "audio", "object"};
    if (std::find(std::begin(kElements), std::end(kElements), name) == std::end(kElements)) return false;
    const int depth = tag_balance(l, name);
    if (depth <= 0 || failed_balance_scans_ >= 64 || l.find(" markdown=") != std::string_view::npos) return false;
    // The end tag must follow; else CommonMark's rule stands (the block ends at a blank line).
    int ahead = depth;
    for (std::size_t pos = next_; pos < text_.size() && ahead > 0;) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      const std::string_view next = text_.substr(pos, nl - pos);
      if (next.find(" markdown=") != std::string_view::npos) return false;  // Markdown inside: see line()
      ahead += tag_balance(next, name);
      pos = nl + 1;
    }
    if (ahead > 0) {
      ++failed_balance_scans_;
      return false;
    }
    html_tag_ = name;
    html_depth_ = depth;
    // cmark opens an HTML block on these only when the tag stands alone on its line.
    const bool alone_needed = name == "textarea" || name == "video" || name == "audio" || name == "object" || name == "noscript";
    const std::size_t first_close = l.find('>');
    if (alone_needed && first_close != std::string_view::npos && !trim(l.substr(first_close + 1)).empty()) {
      lines_.emplace_back(l.substr(0, first_close + 1));
      lines_.emplace_back(l.substr(first_close + 1));
      return true;
    }
    lines_.emplace_back(l);
    return true;
  }

  /// Opening minus closing tags named `name` (lower case) on the line; `<x/>` does not open.
  static int tag_balance(std::string_view l, std::string_view name) {
    int balance = 0;
    for (std::size_t p = l.find('<'); p != std::string_view::npos; p = l.find('<', p + 1)) {
      const bool closing = p + 1 < l.size() && l[p + 1] == '/';
      const std::size_t start = p + (closing ? 2 : 1);
      if (start + name.size() > l.size()) break;
      bool same = true;
      for (std::size_t k = 0; k < name.size() && same; ++k)
        same = std::tolower(static_cast<unsigned char>(l[start + k])) == name[k];
      if (!same) continue;
      const char after = start + name.size() < l.size() ? l[start + name.size()] : '>';
      if (!(after == '>' || after == ' ' || after == '\t' || after == '/')) continue;
      if (closing) {
        --balance;
      } else {
        const std::size_t close = l.find('>', start);
        if (close == std::string_view::npos || l[close - 1] != '/') ++balance;
      }
    }
    return balance;
  }

  /// Whether a closing fence (`fence` at least `run` times, nothing else) follows the current line.
  bool fence_closes_ahead(char fence, std::size_t run) {
    if (fence_lines_.empty() && !fence_lines_scanned_) {
      fence_lines_scanned_ = true;
      for (std::size_t pos = 0; pos < text_.size();) {
        std::size_t nl = text_.find('\n', pos);
        if (nl == std::string_view::npos) nl = text_.size();
        const std::string_view l = text_.substr(pos, nl - pos);
        const std::string_view t = trim(l);
        if (indent(l) <= 3 && t.size() >= 3 && (t[0] == '`' || t[0] == '~') &&
            t.find_first_not_of(t[0]) == std::string_view::npos)
          fence_lines_.push_back({pos, t.size(), t[0]});
        pos = nl + 1;
      }
    }
    auto it = std::lower_bound(fence_lines_.begin(), fence_lines_.end(), next_,
                               [](const FenceLine& f, std::size_t p) { return f.pos < p; });
    for (; it != fence_lines_.end(); ++it)
      if (it->fence == fence && it->run >= run) return true;
    return false;
  }

  /// Whether a `{:/…}` stop line follows the current line. Remembers the last answer, so a text
  /// full of unclosed extensions is still read in linear time.
  bool stop_line_ahead() {
    if (stop_cache_from_ != std::string_view::npos && stop_cache_from_ <= next_ &&
        (stop_cache_at_ == std::string_view::npos || stop_cache_at_ >= next_))
      return stop_cache_at_ != std::string_view::npos;
    stop_cache_from_ = next_;
    stop_cache_at_ = std::string_view::npos;
    for (std::size_t pos = next_; pos < text_.size();) {
      std::size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      const std::string_view t = trim(text_.substr(pos, nl - pos));
      if (t == "{:/}" || t == "{:/comment}" || t == "{:/nomarkdown}") {
        stop_cache_at_ = pos;
        break;
      }
      pos = nl + 1;
    }
    return stop_cache_at_ != std::string_view::npos;
  }

  /// Tracks the content column of the list the lines stand in (0: none).
  void note_list_item(std::string_view l) {
    if (list_item_line(l)) {
      const std::size_t start = indent(l);
      std::size_t n = start;
      while (n < l.size() && !is_blank(l[n])) ++n;
      while (n < l.size() && is_blank(l[n])) ++n;
      list_indent_ = n - start >= 6 ? start + 2 : n;  // `-     code`: content at marker + 2
    } else if (indent(l) < list_indent_ && !lines_.empty() && blank_line(lines_.back())) {
      list_indent_ = 0;
    }
  }

  /// `l` as paragraph text when it would start a block in CommonMark; nullopt when it is text
  /// anyway or starts a block in kramdown too (a setext underline after one line).
  static std::optional<std::string> as_paragraph_text(std::string_view l, std::size_t lines) {
    const std::string_view t = trim(l);
    const std::size_t at = l.size() - trim_left_size(l);
    auto escaped = [&](std::size_t pos) {
      std::string out(l);
      out.insert(pos, "\\");
      return out;
    };
    if (t.find_first_not_of("- \t") == std::string_view::npos && (lines > 1 || t.find(' ') != std::string_view::npos)) {
      std::string out;  // a dash line is text: kramdown's dashes
      for (std::size_t i = 0; i < t.size();) {
        if (t.substr(i).starts_with("---")) out += "\xE2\x80\x94", i += 3;
        else if (t.substr(i).starts_with("--")) out += "\xE2\x80\x93", i += 2;
        else out += t[i++];
      }
      if (out.starts_with("-")) out.insert(0, "\\");  // a lone `-` would be an underline or an item
      return out;
    }
    if (setext_underline(l) && lines == 1) return std::nullopt;
    if (t.starts_with("#") || t.starts_with(">") || t.starts_with("```") || t.starts_with("~~~") ||
        setext_underline(l) || rule_like(l) || list_item_line(l)) {
      if (!t.empty() && t[0] >= '0' && t[0] <= '9') return escaped(at + t.find_first_not_of("0123456789"));
      return escaped(at);
    }
    return std::nullopt;
  }

  static std::size_t trim_left_size(std::string_view l) {
    std::size_t n = 0;
    while (n < l.size() && is_blank(l[n])) ++n;
    return l.size() - n;
  }

  /// kramdown definition lists: term lines, then `: definition` (after at most one blank line).
  /// Written as <dl>/<dt>/<dd> with blank lines inside so cmark parses their Markdown; one <dl>
  /// per definition, merged again in the model (merge_definition_lists).
  bool start_definition(std::string_view l) {
    std::size_t end = lines_.size();
    if (end > 0 && blank_line(lines_[end - 1])) --end;
    std::size_t begin = end;
    while (begin > 0 && !blank_line(lines_[begin - 1])) --begin;
    const bool continuing = end > 0 && lines_[end - 1] == "</dl>";
    if (!continuing && begin == end) return false;
    std::vector<std::string> terms;
    if (!continuing)
      for (std::size_t i = begin; i < end; ++i) terms.push_back(lines_[i]);
    lines_.resize(continuing ? lines_.size() : begin);
    lines_.emplace_back("<dl>");
    for (std::string& term : terms) {
      lines_.emplace_back("<dt>");
      lines_.emplace_back();
      lines_.push_back(rewrite_spans(term, config_));
      lines_.emplace_back();
      lines_.emplace_back("</dt>");
    }
    lines_.emplace_back("<dd>");
    lines_.emplace_back();
    std::size_t n = indent(l) + 1;
    while (n < l.size() && is_blank(l[n])) ++n;
    dd_indent_ = n;
    if (n < l.size()) lines_.push_back(rewrite_spans(l.substr(n), config_));
    dd_open_ = true;
    return true;
  }

  void close_definition() {
    while (!lines_.empty() && blank_line(lines_.back())) lines_.pop_back();
    lines_.emplace_back();
    lines_.emplace_back("</dd>");
    lines_.emplace_back("</dl>");
    lines_.emplace_back();
    dd_open_ = false;
  }

  /// Inline `$$…$$` may span lines of one paragraph: a line with an odd number of `$$` waits
  /// for the line that closes it (or for the paragraph's end, when it stays text).
  void paragraph_line(std::string_view l) {
    std::size_t marks = 0;
    for (std::size_t p = l.find("$$"); p != std::string_view::npos; p = l.find("$$", p + 2)) ++marks;
    if (pending_.empty()) {
      if (marks % 2 == 0) {
        lines_.push_back(rewrite_spans(l, config_, &in_tag_));
        note_span_line();
        return;
      }
      pending_ = std::string(l);
      return;
    }
    (pending_ += '\n') += l;
    if (marks % 2 == 1) flush_pending();
  }

  void flush_pending() {
    if (pending_.empty()) return;
    std::string joined = rewrite_spans(pending_, config_, &in_tag_);
    pending_.clear();
    std::size_t start = 0;
    for (std::size_t nl = joined.find('\n'); ; nl = joined.find('\n', start)) {
      lines_.push_back(joined.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      note_span_line();
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  /// kramdown's link definition (kramdown_links.hpp), a block of its own: written as cmark reads
  /// it, followed by a blank line; a later definition of the same id replaces an earlier one.
  bool link_definition(std::string_view l) {
    const std::size_t from = std::min(next_, text_.size());
    std::size_t end = text_.find('\n', from);
    if (end == std::string_view::npos) end = text_.size();
    const auto def = kramdown_link_definition(l, text_.substr(from, end - from));
    if (!def) return false;
    if (const auto it = link_labels_.find(def->label); it != link_labels_.end() && it->second < lines_.size())
      lines_[it->second].clear();
    link_labels_[def->label] = lines_.size();
    lines_.push_back(def->markdown);
    // A reference's text gets kramdown's typography before cmark matches it with this id.
    if (const std::string typographic = rewrite_spans(def->id, config_); typographic != def->id) {
      link_labels_[normalize_link_label(typographic)] = lines_.size();
      lines_.push_back("[" + typographic + def->markdown.substr(def->id.size() + 1));
    }
    lines_.emplace_back();
    skip_line_ = def->title_on_next;
    return true;
  }

  /// Remembers the line just written as paragraph text for kramdown's span rules (kramdown_spans).
  void note_span_line() {
    if (config_.kramdown_input && !blank_line(lines_.back())) span_lines_.emplace_back(lines_.size() - 1, lines_.back());
  }

  /// kramdown's span rules over the paragraph lines still as they were written (a definition
  /// list or TOC may have moved or replaced some since).
  void spans_in_paragraphs() {
    std::vector<std::size_t> indices;
    for (const auto& [index, text] : span_lines_)
      if (index < lines_.size() && lines_[index] == text && (indices.empty() || indices.back() < index))
        indices.push_back(index);
    std::set<std::string> labels;
    for (const auto& [label, index] : link_labels_) labels.insert(label);
    apply_kramdown_spans(lines_, indices, labels);
  }

  /// Heading lines keep their `{#id}`/`{: #id}` suffix for heading_with_id; spans before it are
  /// rewritten.
  std::string rewrite_spans_keep_suffix(std::string_view l) {
    const std::string_view t = trim(l);
    if (t.ends_with("}")) {
      const std::size_t open = l.rfind('{');
      if (open != std::string_view::npos)
        return rewrite_spans(l.substr(0, open), config_) + std::string(l.substr(open));
    }
    return rewrite_spans(l, config_);
  }

  /// Ends the block being read: with `hard`, by the EOB marker paragraph (which also ends lists,
  /// code blocks and definition lists; the reader removes it), else by a blank line.
  void end_block(bool hard) {
    lines_.emplace_back();
    if (!hard) return;
    lines_.emplace_back(kEobMarker);
    lines_.emplace_back();
    in_code_ = false;
    list_indent_ = 0;
    paragraph_lines_ = 0;
  }

  /// Applies a block IAL to the block just written; false for `{:toc}`, which replaces it.
  bool attach_ial(std::string_view inner) {
    const IalParts parts = parse_ial(inner);
    if (parts.toc || parts.footnotes) {
      // The list just written is the placeholder kramdown replaces with the contents (or with
      // the footnotes, which the model keeps at their call sites).
      while (!lines_.empty() && !blank_line(lines_.back()) &&
             (list_item_line(lines_.back()) || indent(lines_.back()) >= 2))
        lines_.pop_back();
      if (parts.toc) lines_.emplace_back(kTocMarker);
      lines_.emplace_back();
      return false;
    }
    if ((parts.id.empty() && !parts.no_toc) || lines_.empty()) return true;
    std::string& last = lines_.back();
    if (atx_heading(last)) {
      last = heading_with_id(last, parts.id, parts.no_toc);
    } else if (lines_.size() >= 2 && setext_underline(last) && !blank_line(lines_[lines_.size() - 2])) {
      std::string& text = lines_[lines_.size() - 2];
      text = std::string(trim(text)) + (parts.no_toc ? std::string(kNoTocMarker) : "") +
             (parts.id.empty() ? "" : " {#" + parts.id + "}");
    }
    return true;
  }

  /// kramdown's block math: `$$` at a block boundary up to the first `$$` after it, with only
  /// whitespace after that and a block boundary next (blank line, end, IAL, `^`). Anything else is
  /// a paragraph with inline math.
  void flush_math() {
    if (math_.empty()) return;
    std::string tex;
    for (const auto& l : math_lines_) (tex += l) += '\n';
    const std::string_view body = trim(tex);
    const std::size_t close = body.find("$$", 2);
    if (close != std::string_view::npos && trim(body.substr(close + 2)).empty() && boundary_next()) {
      const std::string_view inner = trim(body.substr(2, close - 2));
      // The first line's indentation keeps the block in the list item it continues.
      const std::string_view first = math_lines_.front();
      const std::string lead(first.substr(0, first.find_first_not_of(" \t")));
      if (config_.math) {
        lines_.push_back(lead + math_html(inner, true));
      } else {  // no math engine: kramdown shows the source, delimiters on lines of their own
        lines_.push_back(lead + "$$");
        lines_.push_back(lead + literal_markdown(inner));
        lines_.push_back(lead + "$$");
      }
      math_.clear();
      math_lines_.clear();
      return;
    }
    abandon_math();
  }

  void abandon_math() {
    std::vector<std::string> lines;
    lines.swap(math_lines_);
    math_.clear();
    for (const auto& l : lines) {
      ++paragraph_lines_;
      paragraph_line(l);
    }
  }

  /// Whether the line after the current one is a block boundary (or there is none).
  bool boundary_next() const {
    if (next_ >= text_.size()) return true;
    std::size_t nl = text_.find('\n', next_);
    if (nl == std::string_view::npos) nl = text_.size();
    const std::string_view n = text_.substr(next_, nl - next_);
    return blank_line(n) || trim(n) == "^" || block_ial(n).has_value();
  }

  const KramdownConfig& config_;
  std::vector<std::string> lines_;
  std::vector<std::string> math_lines_;
  std::string math_;
  std::vector<std::string> close_tags_;  // GFM input: elements with `markdown="1"` (legacy_markdown_attribute)
  std::vector<kramdown_html::Frame> html_stack_;  // open kramdown HTML elements (kramdown_html_line)
  bool raw_type1_ = false;
  bool raw_in_comment_ = false;   // emit_raw is inside an HTML comment        // emit_raw is inside a cmark HTML block of type 1 (`<pre>`…)
  std::size_t line_start_ = 0;    // where the current line starts in text_
  char fence_char_ = 0;
  std::size_t fence_len_ = 0;
  bool in_comment_ = false;
  std::vector<std::string> table_;  // buffered table lines (feed)
  bool after_ial_ = false;           // the last line was a block IAL (a block boundary)
  bool in_tag_ = false;   // an inline tag left open at the end of the last paragraph line
  bool in_code_ = false;  // the last line was indented code
  std::size_t list_indent_ = 0;      // content column of the list being read (0: none)
  std::size_t paragraph_lines_ = 0;  // lines of the paragraph being read (0: none)
  bool in_nomarkdown_ = false;
  bool nomarkdown_hidden_ = false;  // a nomarkdown block for another output format
  std::string_view text_;           // the whole input, for look-ahead
  struct FenceLine {
    std::size_t pos, run;
    char fence;
  };
  std::vector<FenceLine> fence_lines_;  // lines that could close a fence, in order
  bool fence_lines_scanned_ = false;
  std::size_t next_ = 0;            // where the line after the current one starts
  std::size_t stop_cache_from_ = std::string_view::npos, stop_cache_at_ = std::string_view::npos;
  bool html_block_ = false;
  int html_depth_ = 0;            // open elements of the balanced HTML block being read
  std::string html_tag_;          // its element name
  int failed_balance_scans_ = 0;  // look-aheads that found no end tag (bounded: linear time)
  std::string pending_;
  std::vector<std::pair<std::size_t, std::string>> span_lines_;  // note_span_line
  std::map<std::string, std::size_t> link_labels_;  // link definition id → its line (link_definition)
  bool skip_line_ = false;                           // the next line is used up (feed)
  bool dd_open_ = false;
  std::size_t dd_indent_ = 0;
};

}  // namespace

std::string rewrite_kramdown(std::string_view markdown, const KramdownConfig& config) {
  return Rewriter(config).run(markdown);
}

std::string apply_heading_ids(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t h = html.find("<h", pos);
    if (h == std::string_view::npos || h + 4 > html.size()) break;
    const char level = html[h + 2];
    // cmark's own heading tags: `<h2>`, or `<h2 data-sourcepos="…">` (read_marked).
    const std::size_t tag_end =
        html.substr(h + 3).starts_with(" data-sourcepos=\"") ? html.find('>', h + 3) : h + 3;
    if (level < '1' || level > '6' || tag_end == std::string_view::npos || html[tag_end] != '>') {
      out.append(html.substr(pos, h + 2 - pos));
      pos = h + 2;
      continue;
    }
    const std::string close = std::string("</h") + level + ">";
    const std::size_t c = html.find(close, tag_end + 1);
    if (c == std::string_view::npos) break;
    std::string_view content = html.substr(tag_end + 1, c - tag_end - 1);
    out.append(html.substr(pos, h - pos));
    std::string id;
    if (content.ends_with("}")) {
      const std::size_t open = content.rfind("{#");
      // Only what heading_with_id wrote: ` {#id}`, the id starting with a letter.
      if (open != std::string_view::npos && content.find('<', open) == std::string_view::npos && open > 0 &&
          is_blank(content[open - 1]) && open + 2 < content.size() &&
          std::isalpha(static_cast<unsigned char>(content[open + 2])) != 0) {
        id = std::string(content.substr(open + 2, content.size() - open - 3));
        content = content.substr(0, open);
        while (!content.empty() && is_blank(content.back())) content.remove_suffix(1);
      }
    }
    out.append(html.substr(h, tag_end - h));
    if (!id.empty()) (out += " id=\"") += id + "\"";
    out += '>';
    out.append(content);
    out += close;
    pos = c + close.size();
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace sheaf::jekyll
