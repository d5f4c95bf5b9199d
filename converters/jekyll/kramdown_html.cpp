// kramdown's HTML rules. The element lists are kramdown's (parser/html.rb, 2.x).
#include "converters/jekyll/kramdown_html.hpp"

#include <algorithm>
#include <cctype>

namespace sheaf::jekyll::kramdown_html {
namespace {

constexpr std::string_view kSpanElements[] = {
    "a",   "abbr", "acronym", "b",   "big",  "bdo", "br",    "button", "cite", "code", "del", "dfn",
    "em",  "i",    "img",     "input", "ins", "kbd", "label", "mark", "option", "q",  "rb",  "rbc",
    "rp",  "rt",   "rtc",     "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "time",
    "tt",  "u",    "var"};

constexpr std::string_view kBlockModel[] = {
    "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
    "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main",
    "map", "menu", "nav", "noscript", "object", "section", "summary", "td"};

constexpr std::string_view kSpanModel[] = {
    "a",  "abbr", "acronym", "b",  "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em",
    "h1", "h2",   "h3",      "h4", "h5",  "h6",  "i",      "ins",  "label",   "legend", "optgroup",
    "p",  "q",    "rb",      "rbc", "rp", "rt",  "rtc",    "ruby", "select",  "small", "span",
    "strong", "sub", "sup", "th", "tt"};

constexpr std::string_view kWithoutBody[] = {"area", "base", "br", "col", "command", "embed", "hr", "img",
                                             "input", "keygen", "link", "meta", "param", "source",
                                             "track", "wbr"};

/// HTML's element names (kramdown's HTML_ELEMENT): their tags match case-insensitively and are
/// written in lower case; other names (XML, `some:url`) keep their case.
constexpr std::string_view kHtmlElements[] = {
    "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
    "bdi", "bdo", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite",
    "code", "col", "colgroup", "command", "data", "datalist", "dd", "del", "details", "dfn", "dialog",
    "dir", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
    "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
    "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "link",
    "main", "map", "mark", "math", "menu", "meta", "meter", "nav", "noscript", "object", "ol",
    "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rb", "rbc", "rp",
    "rt", "rtc", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span",
    "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
    "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
    "video", "wbr"};

bool listed(std::string_view name, const auto& list) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// kramdown's name for an element: lower case when it is an HTML element.
std::string element_name(std::string_view written) {
  std::string l = lower(written);
  return listed(l, kHtmlElements) ? l : std::string(written);
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

/// REXML's UNAME_STR (`prefix:name`) at `pos`; the position after it, or npos.
std::size_t uname_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !name_start(text[pos])) return std::string_view::npos;
  std::size_t k = pos + 1;
  while (k < text.size() && name_char(text[k])) ++k;
  if (k + 1 < text.size() && text[k] == ':' && name_start(text[k + 1])) {
    k += 2;
    while (k < text.size() && name_char(text[k])) ++k;
  }
  return k;
}

bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > text.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(text[pos + k])) != prefix[k]) return false;
  return true;
}

/// An entity (`&name;`, `&#123;`, `&#x1F;`) starts at `text[pos]` (`&`).
bool entity_at(std::string_view text, std::size_t pos) {
  std::size_t k = pos + 1;
  if (k < text.size() && text[k] == '#') {
    ++k;
    const bool hex = k < text.size() && (text[k] == 'x' || text[k] == 'X');
    if (hex) ++k;
    const std::size_t digits = k;
    while (k < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[k])) != 0
                                   : std::isdigit(static_cast<unsigned char>(text[k])) != 0))
      ++k;
    return k > digits && k < text.size() && text[k] == ';';
  }
  const std::size_t start = k;
  while (k < text.size() && std::isalnum(static_cast<unsigned char>(text[k])) != 0) ++k;
  return k > start && std::isalpha(static_cast<unsigned char>(text[start])) != 0 && k < text.size() && text[k] == ';';
}

}  // namespace

std::optional<StartTag> start_tag(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] != '<') return std::nullopt;
  const std::size_t name_end = uname_end(text, pos + 1);
  if (name_end == std::string_view::npos) return std::nullopt;
  StartTag tag;
  tag.name = element_name(text.substr(pos + 1, name_end - pos - 1));
  tag.html = '<';  // appended: GCC 12 warns (-Wrestrict) on "<" + string
  tag.html.append(text.substr(pos + 1, name_end - pos - 1));
  std::size_t k = name_end;
  while (true) {  // (?>\s+ATTRIBUTE)*
    std::size_t a = k;
    if (a >= text.size() || !space(text[a])) break;
    while (a < text.size() && space(text[a])) ++a;
    const std::size_t attr_end = uname_end(text, a);
    if (attr_end == std::string_view::npos) break;
    std::size_t v = attr_end, after = attr_end;
    while (v < text.size() && space(text[v])) ++v;
    std::optional<std::string> value;
    if (v < text.size() && text[v] == '=') {
      ++v;
      while (v < text.size() && space(text[v])) ++v;
      if (v < text.size() && (text[v] == '"' || text[v] == '\'')) {
        const std::size_t close = text.find(text[v], v + 1);
        if (close == std::string_view::npos) break;
        value = std::string(text.substr(v + 1, close - v - 1));
        after = close + 1;
      } else {
        std::size_t e = v;
        while (e < text.size() && !space(text[e]) && text[e] != '>') ++e;
        if (e == v) break;
        value = std::string(text.substr(v, e - v));
        after = e;
      }
    }
    if (lower(text.substr(a, attr_end - a)) == "markdown") {
      tag.markdown = value.value_or("");
    } else {
      tag.html += text.substr(k, after - k);
    }
    k = after;
  }
  while (k < text.size() && space(text[k])) ++k;
  if (k < text.size() && text[k] == '/') {
    tag.closed = true;
    ++k;
  }
  if (k >= text.size() || text[k] != '>') return std::nullopt;
  tag.html += tag.closed ? " />" : ">";
  tag.end = k + 1;
  if (listed(tag.name, kWithoutBody)) tag.closed = true;
  return tag;
}

std::optional<std::pair<std::string, std::size_t>> end_tag(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size() || text[pos] != '<' || text[pos + 1] != '/') return std::nullopt;
  const std::size_t name_end = uname_end(text, pos + 2);
  if (name_end == std::string_view::npos) return std::nullopt;
  std::size_t k = name_end;
  while (k < text.size() && space(text[k])) ++k;
  if (k >= text.size() || text[k] != '>') return std::nullopt;
  return std::pair{element_name(text.substr(pos + 2, name_end - pos - 2)), k + 1};
}

bool span_element(std::string_view name) { return listed(lower(name), kSpanElements); }

bool raw_text_element(std::string_view name) { return name == "script" || name == "style"; }

Model content_model(std::string_view name) {
  if (listed(name, kBlockModel)) return Model::block;
  if (listed(name, kSpanModel)) return Model::span;
  return Model::raw;
}

Model with_markdown_attribute(const StartTag& tag, Model inherited) {
  if (!tag.markdown) return inherited;
  if (*tag.markdown == "0") return Model::raw;
  if (*tag.markdown == "1") return content_model(tag.name);
  if (*tag.markdown == "span") return Model::span;
  if (*tag.markdown == "block") return Model::block;
  return inherited;
}

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&' && !entity_at(text, i)) out += "&amp;";
    else out += c;
  }
  return out;
}

std::size_t skip_trailing_whitespace(std::string_view text, std::size_t pos) {
  std::size_t k = pos;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
  if (k < text.size() && text[k] == '\n') return k + 1;
  return k == text.size() ? k : pos;
}

std::size_t find_end_tag(std::string_view text, std::size_t pos, std::string_view name) {
  // HTML's names match in any case, others (XML) exactly.
  const bool any_case = listed(lower(name), kHtmlElements);
  const std::string needle = "</" + (any_case ? lower(name) : std::string(name));
  for (std::size_t p = text.find("</", pos); p != std::string_view::npos; p = text.find("</", p + 2)) {
    if (any_case ? !starts_with_ci(text, p, needle) : !text.substr(p).starts_with(needle)) continue;
    std::size_t k = p + needle.size();
    while (k < text.size() && space(text[k])) ++k;
    if (k < text.size() && text[k] == '>') return p;
  }
  return std::string_view::npos;
}

RawStop read_raw(std::string_view text, std::size_t& pos, std::vector<Frame>& stack, std::string& out,
                 const std::function<std::string(std::string_view)>& span) {
  while (!stack.empty() && stack.back().model == Model::raw) {
    // kramdown's HTML_RAW_START: `<` before a name, `/`, `!--`, `?` or `![CDATA[`.
    std::size_t lt = pos;
    for (lt = text.find('<', lt); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
      const std::string_view rest = text.substr(lt + 1);
      if (!rest.empty() && (name_start(rest[0]) || rest[0] == '/' || rest[0] == '?')) break;
      if (rest.starts_with("!--") || rest.starts_with("![CDATA[")) break;
    }
    if (lt == std::string_view::npos) {
      out += escape_text(text.substr(pos));
      pos = text.size();
      return RawStop::end;
    }
    out += escape_text(text.substr(pos, lt - pos));
    pos = lt;
    const std::string_view rest = text.substr(lt);
    if (rest.starts_with("<!--")) {
      const std::size_t close = text.find("-->", lt + 4);
      if (close != std::string_view::npos) {
        out += text.substr(lt, close + 3 - lt);
        pos = close + 3;
        continue;
      }
    } else if (rest.starts_with("<?")) {
      const std::size_t close = text.find("?>", lt + 2);
      if (close != std::string_view::npos) {
        out += text.substr(lt, close + 2 - lt);
        pos = close + 2;
        continue;
      }
    } else if (rest.starts_with("<![CDATA[")) {
      const std::size_t close = text.find("]]>", lt + 9);
      if (close != std::string_view::npos) {
        out += escape_text(text.substr(lt + 9, close - lt - 9));
        pos = close + 3;
        continue;
      }
    } else if (const auto tag = start_tag(text, lt)) {
      pos = tag->end;
      if (raw_text_element(tag->name)) {
        const std::size_t close = find_end_tag(text, pos, tag->name);
        out += tag->html;
        out += text.substr(pos, (close == std::string_view::npos ? text.size() : close) - pos);
        out += "</" + tag->name + ">";
        pos = close == std::string_view::npos ? text.size() : end_tag(text, close)->second;
        continue;
      }
      out += tag->html;
      if (tag->closed) continue;
      const Model model = with_markdown_attribute(*tag, Model::raw);
      if (model == Model::span) {
        const std::size_t close = find_end_tag(text, pos, tag->name);
        out += span(text.substr(pos, (close == std::string_view::npos ? text.size() : close) - pos));
        out += "</" + tag->name + ">";
        pos = close == std::string_view::npos ? text.size() : end_tag(text, close)->second;
        continue;
      }
      stack.push_back({tag->name, model});
      if (model == Model::block) {
        pos = skip_trailing_whitespace(text, pos);
        return RawStop::block_opened;
      }
      continue;
    } else if (const auto end = end_tag(text, lt)) {
      if (end->first == stack.back().name) {
        out += "</" + end->first + ">";
        pos = end->second;
        stack.pop_back();
        if (stack.empty() || stack.back().model != Model::raw) {
          pos = skip_trailing_whitespace(text, pos);
          return RawStop::closed;
        }
      } else {
        out += escape_text(text.substr(lt, end->second - lt));
        pos = end->second;
      }
      continue;
    }
    out += "&lt;";
    pos = lt + 1;
  }
  return RawStop::closed;
}

namespace {

/// kramdown's HTML_BLOCK_ELEMENTS: their tags in span text are text.
constexpr std::string_view kBlockElements[] = {
    "address", "article", "aside", "applet", "body", "blockquote", "dd", "details", "div", "dl",
    "fieldset", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav",
    "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot",
    "tr", "ul"};

/// Text cmark shows as written: HTML-escaped, and the Markdown punctuation as character references.
std::string literal_text(std::string_view text) {
  std::string out;
  for (char c : escape_text(text)) {
    switch (c) {
      case '\\': out += "&#92;"; break;
      case '*': out += "&#42;"; break;
      case '_': out += "&#95;"; break;
      case '`': out += "&#96;"; break;
      case '[': out += "&#91;"; break;
      case ']': out += "&#93;"; break;
      case '!': out += "&#33;"; break;
      case '~': out += "&#126;"; break;
      case '$': out += "&#36;"; break;
      case '{': out += "&#123;"; break;
      case '}': out += "&#125;"; break;
      default: out += c;
    }
  }
  return out;
}

/// Whether the start tag of `name` (exactly as written) stands in `before`.
bool scan_opened_before(std::string_view before, std::string_view name) {
  std::string needle(1, '<');
  needle.append(name);
  for (std::size_t p = before.find(needle); p != std::string_view::npos; p = before.find(needle, p + 1)) {
    const std::size_t k = p + needle.size();
    if (k < before.size() && (space(before[k]) || before[k] == '>' || before[k] == '/')) return true;
  }
  return false;
}

/// Raw elements nested in raw span content (`<code>` × n, none closed) are read by raw_span and
/// span_markup calling each other, one level each; at this depth the content is text as written
/// (literal_text). A guard against the stack overflowing (10,000 unclosed `<code>`, 60 KB of one
/// line, crashed a Release build with an 8 MB stack) and against a search for the end tag to the
/// end of the line per level (issue 9); no document nests raw elements this deep.
constexpr int kMaxRawDepth = 200;

bool span_markup_at(std::string_view line, std::size_t& i, std::string& out, bool parse_span_html,
                    const std::function<std::string(std::string_view)>& spans, SpanIndex* index, int depth);

/// Raw span content: text shown as written, tags kept (span_markup's rules inside).
std::string raw_span(std::string_view content, bool parse_span_html,
                     const std::function<std::string(std::string_view)>& spans, int depth = 0) {
  std::string out;
  std::size_t i = 0;
  SpanIndex index(content);
  OccurrenceIndex comment_end(content, "-->");  // `<!--` × n: not a scan to the end per `<!--`
  while (i < content.size()) {
    const std::size_t lt = content.find('<', i);
    if (lt == std::string_view::npos) {
      out += literal_text(content.substr(i));
      break;
    }
    out += literal_text(content.substr(i, lt - i));
    i = lt;
    if (content.substr(lt).starts_with("<!--") && comment_end(lt + 4) != std::string_view::npos) {
      const std::size_t close = comment_end(lt + 4) + 3;
      out += content.substr(lt, close - lt);
      i = close;
    } else if (const auto tag = start_tag(content, lt); tag && tag->markdown && !listed(tag->name, kBlockElements) &&
                                                        (*tag->markdown == "1" || *tag->markdown == "span")) {
      const std::size_t close = tag->closed ? std::string_view::npos : find_end_tag(content, tag->end, tag->name);
      if (tag->name.find(':') == std::string::npos) out += tag->html;
      if (close == std::string_view::npos) {
        i = tag->end;
        continue;
      }
      out += spans(content.substr(tag->end, close - tag->end));
      if (tag->name.find(':') == std::string::npos) out += "</" + tag->name + ">";
      i = end_tag(content, close)->second;
    } else if (!span_markup_at(content, i, out, parse_span_html, spans, &index, depth + 1)) {
      if (const auto kept = start_tag(content, lt)) {
        out += kept->html;
        i = kept->end;
      } else if (const auto end = end_tag(content, lt)) {
        out += "</" + end->first + ">";
        i = end->second;
      } else {
        out += "&lt;";
        i = lt + 1;
      }
    }
  }
  return out;
}

bool span_markup_at(std::string_view line, std::size_t& i, std::string& out, bool parse_span_html,
                    const std::function<std::string(std::string_view)>& spans, SpanIndex* index, int depth) {
  const std::string_view rest = line.substr(i);
  if (rest.starts_with("<?")) {
    out += "&lt;";
    ++i;
    return true;
  }
  if (rest.starts_with("<![CDATA[")) {
    const std::size_t close = index ? index->cdata_end(i + 9) : line.find("]]>", i + 9);
    if (close == std::string_view::npos) return false;
    out += literal_text(line.substr(i + 9, close - i - 9));
    i = close + 3;
    return true;
  }
  if (const auto end = end_tag(line, i)) {
    const bool html = listed(end->first, kHtmlElements);
    const bool opened = index ? index->opened_before(i, end->first) : scan_opened_before(line.substr(0, i), end->first);
    if (listed(end->first, kBlockElements) || (!html && !opened)) {
      out += "&lt;";
      ++i;
      return true;
    }
    if (end->first.find(':') != std::string::npos) {
      i = end->second;
      return true;
    }
    return false;
  }
  const auto tag = start_tag(line, i);
  if (!tag) return false;
  if (listed(tag->name, kBlockElements)) {
    out += "&lt;";
    ++i;
    return true;
  }
  const bool namespaced = tag->name.find(':') != std::string::npos;
  bool parse = content_model(tag->name) != Model::raw && parse_span_html;
  if (tag->markdown == "0") parse = false;
  else if (tag->markdown == "1") parse = parse_span_html;
  else if (tag->markdown == "span") parse = true;
  if (tag->closed || parse) {
    if (!tag->markdown && !namespaced) return false;  // as written
    if (!namespaced) out += tag->html;
    i = tag->end;
    return true;
  }
  const std::size_t close = find_end_tag(line, tag->end, tag->name);
  if (!namespaced) out += tag->html;
  const std::string_view content = line.substr(tag->end, (close == std::string_view::npos ? line.size() : close) - tag->end);
  out += depth < kMaxRawDepth ? raw_span(content, parse_span_html, spans, depth) : literal_text(content);
  if (close == std::string_view::npos) {
    i = line.size();
  } else {
    if (!namespaced) out += "</" + tag->name + ">";
    i = end_tag(line, close)->second;
  }
  return true;
}

}  // namespace

bool span_markup(std::string_view line, std::size_t& i, std::string& out, bool parse_span_html,
                 const std::function<std::string(std::string_view)>& spans, SpanIndex* index) {
  return span_markup_at(line, i, out, parse_span_html, spans, index, 0);
}

bool SpanIndex::opened_before(std::size_t end, std::string_view name) {
  // A name (uname_end) holds name characters and `:` only, so the `<name` followed by a space,
  // `>` or `/` are the `<` whose run of those characters is the name and ends at such a one.
  auto in_name = [](char c) { return name_char(c) || c == ':'; };
  if (name.empty() || !std::all_of(name.begin(), name.end(), in_name))
    return scan_opened_before(text_.substr(0, std::min(end, text_.size())), name);
  if (!listed_) {
    listed_ = true;
    for (std::size_t p = text_.find('<'); p != std::string_view::npos; p = text_.find('<', p + 1)) {
      std::size_t k = p + 1;
      while (k < text_.size() && in_name(text_[k])) ++k;
      if (k > p + 1 && k < text_.size() && (space(text_[k]) || text_[k] == '>' || text_[k] == '/'))
        first_.emplace(std::string(text_.substr(p + 1, k - p - 1)), k);  // the first one stays
    }
  }
  const auto it = first_.find(name);
  return it != first_.end() && it->second < end;
}

std::string raw_as_markdown(std::string_view content) {
  std::string out = raw_span(content, false, [](std::string_view s) { return std::string(s); });
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace sheaf::jekyll::kramdown_html
