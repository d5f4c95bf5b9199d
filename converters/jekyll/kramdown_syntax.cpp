// kramdown syntax rewritten for cmark-gfm. Works on lines; a line is looked at once, plus the
// bounded look-backs at lines already written (heading before an IAL, list before `{:toc}`).
#include "converters/jekyll/kramdown_syntax.hpp"

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
  if (inner.find('}') != std::string_view::npos) return std::nullopt;
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

bool list_item_line(std::string_view line) {
  const std::string_view t = trim(line);
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

/// Span-level rewriting of one line: span IALs removed, `$$…$$` to math, code spans untouched.
std::string rewrite_spans(std::string_view line) {
  if (line.find('{') == std::string_view::npos && line.find("$$") == std::string_view::npos)
    return std::string(line);
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      out.append(line.substr(i, 2));
      i += 2;
    } else if (c == '`') {
      std::size_t k = i;
      while (k < line.size() && line[k] == '`') ++k;
      const std::string_view run = line.substr(i, k - i);
      const std::size_t close = line.find(run, k);
      const std::size_t end = close == std::string_view::npos ? k : close + run.size();
      out.append(line.substr(i, end - i));
      i = end;
    } else if (c == '{' && line.substr(i).starts_with("{::")) {
      // Span extensions: `{::comment}…{:/comment}` (or `{:/}`) and `{::comment/}` vanish;
      // `{::nomarkdown}`, `{::options …/}` and closing tags are removed, their content kept.
      const std::size_t close = line.find('}', i);
      if (close == std::string_view::npos) {
        out += c;
        ++i;
        continue;
      }
      const std::string_view tag = line.substr(i, close + 1 - i);
      i = close + 1;
      if (tag.starts_with("{::comment") && !tag.ends_with("/}")) {
        const std::size_t end = line.find("{:/", i);
        const std::size_t end_close = end == std::string_view::npos ? end : line.find('}', end);
        i = end_close == std::string_view::npos ? line.size() : end_close + 1;
      }
    } else if (c == '{' && line.substr(i).starts_with("{:/")) {
      const std::size_t close = line.find('}', i);
      if (close == std::string_view::npos) {
        out += c;
        ++i;
      } else {
        i = close + 1;
      }
    } else if (c == '{' && line.substr(i).starts_with("{:") && !line.substr(i).starts_with("{::")) {
      const std::size_t close = line.find('}', i);
      if (close == std::string_view::npos) {
        out += c;
        ++i;
      } else {
        i = close + 1;  // a span IAL: its attributes have no place in the model
      }
    } else if (c == '$' && line.substr(i).starts_with("$$")) {
      const std::size_t close = line.find("$$", i + 2);
      if (close == std::string_view::npos || close == i + 2) {
        out += "$$";
        i += 2;
      } else {
        out += math_html(line.substr(i + 2, close - i - 2), false);
        i = close + 2;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

/// The heading line with its kramdown suffix (`{#id}`, `{: #id .cls}`) normalised to ` {#id}`
/// (or removed when it holds no id) and closing hashes dropped.
std::string heading_with_id(std::string_view line, std::string_view extra_id) {
  std::string_view t = trim(line);
  std::string id(extra_id);
  if (t.ends_with("}")) {
    const std::size_t open = t.rfind('{');
    if (open != std::string_view::npos &&
        (t.substr(open).starts_with("{#") || t.substr(open).starts_with("{:") ||
         t.substr(open).starts_with("{."))) {
      std::string_view inner = t.substr(open + 1, t.size() - open - 2);
      if (inner.starts_with(":")) inner.remove_prefix(1);
      if (const IalParts p = parse_ial(inner); !p.id.empty() && id.empty()) id = p.id;
      t = trim(t.substr(0, open));
    }
  }
  if (atx_heading(t)) {
    std::string_view body = t;
    while (!body.empty() && body.back() == '#') body.remove_suffix(1);
    if (body.size() < t.size() && !body.empty() && is_blank(body.back())) t = trim(body);
  }
  std::string out(t);
  if (!id.empty()) (out += " {#") += id + "}";
  return out;
}

class Rewriter {
 public:
  std::string run(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      line(text.substr(pos, nl - pos));
      pos = nl + 1;
    }
    flush_math();
    flush_pending();
    if (dd_open_) close_definition();
    std::string out;
    std::size_t total = 0;
    for (const auto& l : lines_) total += l.size() + 1;
    out.reserve(total);
    for (const auto& l : lines_) (out += l) += '\n';
    return out;
  }

 private:
  void line(std::string_view l) {
    const std::string_view t = trim(l);
    if (dd_open_) {
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
    if (in_comment_) {
      if (t.find("{:/") != std::string_view::npos) in_comment_ = false;
      return;
    }
    if (in_nomarkdown_) {
      if (const std::size_t e = l.find("{:/"); e != std::string_view::npos) {
        in_nomarkdown_ = false;
        lines_.emplace_back(l.substr(0, e));
      } else {
        lines_.emplace_back(l);
      }
      return;
    }
    if (!math_.empty()) {
      if (blank_line(l)) {
        abandon_math();
      } else {
        math_lines_.emplace_back(l);
        if (t.ends_with("$$")) flush_math();
        return;
      }
    }
    if (indent(l) <= 3 && (t.starts_with("```") || t.starts_with("~~~"))) {
      fence_char_ = t[0];
      fence_len_ = t.find_first_not_of(fence_char_);
      if (fence_len_ == std::string_view::npos) fence_len_ = t.size();
      lines_.emplace_back(l);
      return;
    }
    if (t == "{::comment}") {
      in_comment_ = true;
      return;
    }
    if (t.starts_with("{::nomarkdown}")) {
      std::string_view rest = t.substr(14);
      if (const std::size_t e = rest.find("{:/"); e != std::string_view::npos) {
        lines_.emplace_back(rest.substr(0, e));
      } else {
        in_nomarkdown_ = true;
        if (!rest.empty()) lines_.emplace_back(rest);
      }
      return;
    }
    if (t.starts_with("{::") && t.ends_with("/}") && t.find('}') == t.size() - 1) return;  // {::options …/}
    if (t.starts_with("*[") && t.find("]:") != std::string_view::npos) return;  // abbreviation
    if (const auto ial = block_ial(l)) {
      attach_ial(*ial);
      return;
    }
    if (t.starts_with("$$") && (lines_.empty() || blank_line(lines_.back()))) {
      math_ = "start";
      math_lines_.emplace_back(l);
      if (t.size() >= 4 && t.ends_with("$$")) flush_math();
      return;
    }
    if (!close_tags_.empty() && t.starts_with("</" + close_tags_.back())) {
      lines_.emplace_back();
      lines_.emplace_back(l);
      close_tags_.pop_back();
      html_block_ = true;
      return;
    }
    if (t.starts_with("<")) {
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
        return;
      }
    }
    if (indent(l) <= 3 && t.starts_with(":") && (t.size() == 1 || is_blank(t[1])) && start_definition(l)) return;
    // Raw HTML blocks (a `<` line after a blank line, to the next blank line) are left to the HTML
    // reader: kramdown does not read its syntax there (`$$` in a script is not math).
    if (blank_line(l)) html_block_ = false;
    else if (opens_html_block(t) && (lines_.empty() || blank_line(lines_.back()))) html_block_ = true;
    if (html_block_) {
      lines_.emplace_back(l);
      return;
    }
    if (t == "^") {  // kramdown's end-of-block marker: separates blocks, shows nothing
      lines_.emplace_back();
      return;
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
    paragraph_line(l);
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
      lines_.push_back(rewrite_spans(term));
      lines_.emplace_back();
      lines_.emplace_back("</dt>");
    }
    lines_.emplace_back("<dd>");
    lines_.emplace_back();
    std::size_t n = indent(l) + 1;
    while (n < l.size() && is_blank(l[n])) ++n;
    dd_indent_ = n;
    if (n < l.size()) lines_.push_back(rewrite_spans(l.substr(n)));
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
        lines_.push_back(rewrite_spans(l));
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
    std::string joined = rewrite_spans(pending_);
    pending_.clear();
    std::size_t start = 0;
    for (std::size_t nl = joined.find('\n'); ; nl = joined.find('\n', start)) {
      lines_.push_back(joined.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  /// Heading lines keep their `{#id}`/`{: #id}` suffix for heading_with_id; spans before it are
  /// rewritten.
  static std::string rewrite_spans_keep_suffix(std::string_view l) {
    const std::string_view t = trim(l);
    if (t.ends_with("}")) {
      const std::size_t open = l.rfind('{');
      if (open != std::string_view::npos)
        return rewrite_spans(l.substr(0, open)) + std::string(l.substr(open));
    }
    return rewrite_spans(l);
  }

  void attach_ial(std::string_view inner) {
    const IalParts parts = parse_ial(inner);
    if (parts.toc) {
      // The list just written is the placeholder kramdown replaces with the contents.
      while (!lines_.empty() && !blank_line(lines_.back()) &&
             (list_item_line(lines_.back()) || indent(lines_.back()) >= 2))
        lines_.pop_back();
      lines_.emplace_back(kTocMarker);
      lines_.emplace_back();
      return;
    }
    if (parts.id.empty() || lines_.empty()) return;
    std::string& last = lines_.back();
    if (atx_heading(last)) {
      last = heading_with_id(last, parts.id);
    } else if (lines_.size() >= 2 && setext_underline(last) && !blank_line(lines_[lines_.size() - 2])) {
      std::string& text = lines_[lines_.size() - 2];
      text = std::string(trim(text)) + " {#" + parts.id + "}";
    }
  }

  void flush_math() {
    if (math_.empty()) return;
    std::string tex;
    for (const auto& l : math_lines_) (tex += l) += '\n';
    std::string_view body = trim(tex);
    if (body.size() >= 4 && body.starts_with("$$") && body.ends_with("$$")) {
      lines_.push_back(math_html(body.substr(2, body.size() - 4), true));
    } else {
      for (const auto& l : math_lines_) lines_.push_back(rewrite_spans(l));
    }
    math_.clear();
    math_lines_.clear();
  }

  void abandon_math() {
    for (const auto& l : math_lines_) lines_.push_back(rewrite_spans(l));
    math_.clear();
    math_lines_.clear();
  }

  std::vector<std::string> lines_;
  std::vector<std::string> math_lines_;
  std::string math_;
  std::vector<std::string> close_tags_;
  char fence_char_ = 0;
  std::size_t fence_len_ = 0;
  bool in_comment_ = false;
  bool in_nomarkdown_ = false;
  bool html_block_ = false;
  std::string pending_;
  bool dd_open_ = false;
  std::size_t dd_indent_ = 0;
};

}  // namespace

std::string rewrite_kramdown(std::string_view markdown) { return Rewriter().run(markdown); }

std::string apply_heading_ids(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t h = html.find("<h", pos);
    if (h == std::string_view::npos || h + 4 > html.size()) break;
    const char level = html[h + 2];
    if (level < '1' || level > '6' || html[h + 3] != '>') {
      out.append(html.substr(pos, h + 2 - pos));
      pos = h + 2;
      continue;
    }
    const std::string close = std::string("</h") + level + ">";
    const std::size_t c = html.find(close, h + 4);
    if (c == std::string_view::npos) break;
    std::string_view content = html.substr(h + 4, c - h - 4);
    out.append(html.substr(pos, h - pos));
    std::string id;
    if (content.ends_with("}")) {
      const std::size_t open = content.rfind("{#");
      if (open != std::string_view::npos && content.find('<', open) == std::string_view::npos) {
        id = std::string(content.substr(open + 2, content.size() - open - 3));
        content = content.substr(0, open);
        while (!content.empty() && is_blank(content.back())) content.remove_suffix(1);
      }
    }
    out += "<h";
    out += level;
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
