// kramdown's span parser for emphasis and code spans, after kramdown's own algorithm: a scan from
// left to right in which an emphasis element parses its content recursively up to its closing
// delimiter and, when none is found, falls back to text. The backtracking is bounded by a step
// budget linear in the text; over it, the text is handed to cmark unchanged.
#include "converters/jekyll/kramdown_spans.hpp"

#include "converters/jekyll/kramdown_links.hpp"
#include "converters/jekyll/text_search.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

namespace sheaf::jekyll {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// The code point of the UTF-8 character that starts at `s[i]`.
char32_t code_point_at(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x80U; };
  const unsigned lead = b(i);
  if (lead < 0x80) return lead;
  if (lead < 0xE0) return ((lead & 0x1FU) << 6) | (b(i + 1) & 0x3FU);
  if (lead < 0xF0) return ((lead & 0x0FU) << 12) | ((b(i + 1) & 0x3FU) << 6) | (b(i + 2) & 0x3FU);
  return ((lead & 0x07U) << 18) | ((b(i + 1) & 0x3FU) << 12) | ((b(i + 2) & 0x3FU) << 6) | (b(i + 3) & 0x3FU);
}

/// Ruby's [[:alnum:]], approximately: ASCII letters and digits, and non-ASCII characters outside
/// the Latin-1 symbols, the general punctuation block (quotes, dashes), arrows and CJK punctuation.
bool alnum_code(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  return true;
}

/// Whether the character starting at `s[i]` is a letter or digit.
bool alnum_at(std::string_view s, std::size_t i) { return i < s.size() && alnum_code(code_point_at(s, i)); }

/// kramdown's rule against an opening `_` inside a word: the text before `s[i]` ends with a
/// letter, or a letter and a hyphen, then letters, then any underscores (`blah__`, `A-_`).
/// `underscores_from` is where the underscores just before `s[i]` start (SpanParser finds it).
bool after_word(std::string_view s, std::size_t underscores_from) {
  auto previous = [&](std::size_t k) {  // start of the character ending before k
    std::size_t p = k - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0U) == 0x80U) --p;
    return p;
  };
  auto alpha = [](char32_t c) { return alnum_code(c) && !(c >= '0' && c <= '9'); };
  std::size_t k = underscores_from;
  if (k > 0 && alpha(code_point_at(s, previous(k)))) return true;  // a letter: the rule holds
  return k >= 2 && s[k - 1] == '-' && alpha(code_point_at(s, previous(k - 1)));
}


bool ascii_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && std::ispunct(u) != 0;
}

/// Characters a backslash escapes in kramdown (its ESCAPED_CHARS; documented in its syntax).
bool kramdown_escapable(char c) { return std::string_view("\\.*_+-`()[]{}#!:|\"'$=<>").find(c) != std::string_view::npos; }

/// `code` as a cmark code span showing exactly `code`: a fence longer than any backtick run
/// inside, and padding where cmark would otherwise strip a space or join a backtick to the fence.
std::string code_span(std::string_view code) {
  if (code.empty()) return "<code></code>";
  std::size_t longest = 0;
  for (std::size_t i = 0; i < code.size();) {
    std::size_t k = i;
    while (k < code.size() && code[k] == '`') ++k;
    longest = std::max(longest, k - i);
    i = k == i ? i + 1 : k;
  }
  const std::string fence(longest + 1, '`');
  const bool all_space = code.find_first_not_of(' ') == std::string_view::npos;
  const bool pad = code.front() == '`' || code.back() == '`' || (!all_space && code.front() == ' ' && code.back() == ' ');
  return fence + (pad ? " " : "") + std::string(code) + (pad ? " " : "") + fence;
}

enum class Kind { none, em, strong };

class SpanParser {
 public:
  SpanParser(std::string_view s, const std::set<std::string>& labels)
      : s_(s), labels_(labels), limit_(s.size()), budget_(64 * s.size() + 256), angle_(s, ">"),
        comment_end_(s, "-->"), brace_(s, "}"), square_(s, "]"), newline_(s, "\n"), runs_(s),
        brackets_(s, '[', ']'), parens_(s, '(', ')') {}

  /// nullopt when over budget.
  std::optional<std::string> run() {
    std::string out;
    std::size_t pos = 0;
    parse(pos, out, nullptr);
    if (over_) return std::nullopt;
    return out;
  }

 private:
  struct Stop {
    std::string_view delim;
    Kind elem;
    char type;
  };

  /// kramdown's parse_spans: appends to `out` from `pos` until `stop` (when given) is found with
  /// its condition met; returns whether it was.
  bool parse(std::size_t& pos, std::string& out, const Stop* stop) {
    const std::size_t content_start = out.size();
    while (pos < limit_) {
      if (over_ || ++steps_ > budget_) {
        over_ = true;
        return false;
      }
      if (stop && s_.substr(pos).starts_with(stop->delim) && closes(pos, *stop, out.size() > content_start)) return true;
      step(pos, out);
    }
    return false;
  }

  /// The closing condition of kramdown's emphasis at `pos`, where `stop.delim` starts.
  bool closes(std::size_t pos, const Stop& stop, bool has_content) const {
    if (!has_content) return false;
    if (pos > 0 && space(s_[pos - 1])) return false;
    const std::size_t after = pos + stop.delim.size();
    if (stop.elem == Kind::em) {
      // `**` (not `***`) at an em's end is a strong's delimiter, not the em's close.
      const std::string twice = std::string(stop.delim) + std::string(stop.delim);
      const std::size_t after_twice = pos + twice.size();
      if (s_.substr(pos).starts_with(twice) && !s_.substr(after_twice).starts_with(stop.delim)) return false;
    }
    if (stop.type == '_' && alnum_at(s_, after)) return false;
    return true;
  }

  /// One span element or one character of text at `pos`.
  void step(std::size_t& pos, std::string& out) {
    const char c = s_[pos];
    if (c == '*' || c == '_') return emphasis(pos, out);
    if (c == '`') return codespan(pos, out);
    if (c == '\\' && pos + 1 < s_.size()) {
      if (ascii_punct(s_[pos + 1]) && !kramdown_escapable(s_[pos + 1])) {
        out += "\\\\";  // kramdown shows this backslash
        pos += 1;
        return;
      }
      out.append(s_.substr(pos, 2));
      pos += 2;
      return;
    }
    if (c == '<') {
      std::size_t end = tag_end(pos);
      if (end != std::string_view::npos) {
        std::size_t n = pos + 1;
        while (n < s_.size() && std::isalnum(static_cast<unsigned char>(s_[n])) != 0) ++n;
        std::string name(s_.substr(pos + 1, n - pos - 1));
        for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (std::string_view raw : {"code", "kbd", "samp", "var", "script", "style", "math"})
          if (name == raw && s_[end - 2] != '/') {
            const std::size_t close = find_named("</" + name, end);
            if (close != std::string_view::npos) end = close;
          }
        out.append(s_.substr(pos, end - pos));
        pos = end;
        return;
      }
    }
    if (in_link_ > 0 && (c == '[' || c == ']')) {  // kramdown: no link inside a link
      (out += '\\') += c;
      ++pos;
      return;
    }
    if (c == ']' && pos + 1 < s_.size() && s_[pos + 1] == '(') {
      const std::size_t end = destination_end(pos + 1);
      if (end != std::string_view::npos) {
        out.append(s_.substr(pos, end - pos));
        pos = end;
        return;
      }
    }
    if (c == '!' && pos + 1 < s_.size() && s_[pos + 1] == '[') {
      const std::size_t close = brackets_(pos + 1);
      if (close != std::string_view::npos && close + 1 < s_.size() && s_[close + 1] == '(') {
        const std::size_t end = destination_end(close + 1);
        if (end != std::string_view::npos) {  // kramdown's alt text: as written
          out += "![";
          for (std::size_t k = pos + 2; k < close; ++k) {
            if (s_[k] == '\\' && k + 1 < close && ascii_punct(s_[k + 1])) {
              out.append(s_.substr(k, 2));
              ++k;
              continue;
            }
            if (ascii_punct(s_[k])) out += '\\';
            out += s_[k];
          }
          out.append(s_.substr(close, end - close));
          pos = end;
          return;
        }
      }
    }
    if (c == '[' && !s_.substr(pos).starts_with("[^")) {
      // A link's text is parsed on its own (kramdown's link parser): emphasis does not cross it.
      const std::size_t close = brackets_(pos);
      std::size_t end = std::string_view::npos;
      if (close != std::string_view::npos && close < limit_ && close + 1 < s_.size()) {
        if (s_[close + 1] == '(') end = destination_end(close + 1);
        else if (s_[close + 1] == '[' && square_(close + 1) != std::string_view::npos) end = square_(close + 1) + 1;
      }
      if (end == std::string_view::npos && close != std::string_view::npos && close < limit_ && !labels_.empty()) {
        // kramdown allows whitespace, a line break too, between a reference's text and its `[id]`.
        std::size_t w = close + 1;
        while (w < limit_ && space(s_[w])) ++w;
        const std::size_t id_close = w < limit_ && w > close + 1 && s_[w] == '[' ? square_(w) : std::string_view::npos;
        if (id_close != std::string_view::npos && id_close < limit_) {
          const std::string_view id = s_.substr(w + 1, id_close - w - 1);
          if (known_label(id.empty() ? s_.substr(pos + 1, close - pos - 1) : id)) {
            out.append(s_.substr(pos, close + 1 - pos));
            out.append(s_.substr(w, id_close + 1 - w));
            out.append(s_.substr(close + 1, w - close - 1));  // the whitespace after, line breaks kept
            pos = id_close + 1;
            return;
          }
        }
      }
      if (end == std::string_view::npos && close != std::string_view::npos && close < limit_ && !labels_.empty() &&
          known_label(s_.substr(pos + 1, close - pos - 1))) {
        // A shortcut or collapsed reference: as written, so cmark finds its definition.
        end = s_.substr(close + 1).starts_with("[]") ? close + 3 : close + 1;
        out.append(s_.substr(pos, end - pos));
        pos = end;
        return;
      }
      if (end != std::string_view::npos && end <= limit_) {
        const std::size_t saved = limit_;
        limit_ = close;
        out += '[';
        std::size_t inner = pos + 1;
        ++in_link_;
        parse(inner, out, nullptr);
        --in_link_;
        limit_ = saved;
        out.append(s_.substr(close, end - close));
        pos = end;
        return;
      }
    }
    if (c == '{' && pos + 1 < s_.size() && s_[pos + 1] == ':') {
      const std::size_t end = brace_(pos);
      if (end != std::string_view::npos && newline_(pos) >= end) {
        out.append(s_.substr(pos, end + 1 - pos));
        pos = end + 1;
        return;
      }
    }
    out += c;
    ++pos;
  }

  static void literal(std::string_view delimiters, std::string& out) {
    for (char d : delimiters) (out += '\\') += d;
  }

  bool open(Kind k) const { return std::find(open_.begin(), open_.end(), k) != open_.end(); }

  // ---- the forward searches, each a lookup (text_search.hpp): the step budget counts steps,
  // and a step that scanned to the end of the text would make the budget quadratic (issue 9).

  /// The end of the inline tag or comment at `s_[i]` (`<`), or npos.
  std::size_t tag_end(std::size_t i) {
    if (i + 1 >= s_.size()) return std::string_view::npos;
    if (s_.substr(i).starts_with("<!--")) {
      const std::size_t close = comment_end_(i + 4);
      return close == std::string_view::npos ? close : close + 3;
    }
    const char c = s_[i + 1];
    if (!(std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '!' || c == '?')) return std::string_view::npos;
    const std::size_t close = angle_(i + 1);
    return close == std::string_view::npos ? close : close + 1;
  }

  /// The end of a link destination `(…)` at `s_[i]`, parentheses balanced, or npos.
  std::size_t destination_end(std::size_t i) {
    const std::size_t close = parens_(i);
    return close == std::string_view::npos ? close : close + 1;
  }

  /// `labels_.count(normalize_link_label(text)) > 0`, the normalising stopped once it is longer
  /// than every label: nested brackets (`[` × n `]` × n) would otherwise normalise the text of
  /// each, a quadratic sum.
  bool known_label(std::string_view text) {
    if (labels_.empty()) return false;
    if (longest_label_ == std::string::npos) {
      longest_label_ = 0;
      for (const std::string& l : labels_) longest_label_ = std::max(longest_label_, l.size());
    }
    const auto label = normalize_link_label(text, longest_label_);
    return label && labels_.count(*label) > 0;
  }

  /// `s_.find(needle, from)` for the end tags of raw elements (`</code`).
  std::size_t find_named(const std::string& needle, std::size_t from) {
    auto it = named_.find(needle);
    if (it == named_.end()) it = named_.emplace(needle, OccurrenceIndex(s_, needle)).first;
    return it->second(from);
  }

  /// Where the run of underscores ending just before `s_[i]` starts; remembers the last run, so
  /// that `a` then `_` × n is not walked back over once per underscore.
  std::size_t underscores_start(std::size_t i) {
    // Invariant: s_[run_start_, run_end_) are underscores, and s_[run_start_ - 1] is none.
    if (run_start_ <= i && i <= run_end_) return run_start_;
    if (run_start_ <= run_end_ && i > run_end_) {  // the same run, read further?
      std::size_t k = run_end_;
      while (k < i && s_[k] == '_') ++k;
      if (k == i) {
        run_end_ = i;
        return run_start_;
      }
    }
    std::size_t k = i;
    while (k > 0 && s_[k - 1] == '_') --k;
    run_start_ = k;
    run_end_ = i;
    return k;
  }

  /// kramdown's parse_emphasis at `pos`.
  void emphasis(std::size_t& pos, std::string& out) {
    const char type = s_[pos];
    const std::size_t length = pos + 1 < s_.size() && s_[pos + 1] == type ? 2 : 1;
    const std::string_view result = s_.substr(pos, length);
    const Kind element = length == 2 ? Kind::strong : Kind::em;
    const std::size_t after = pos + length;
    if ((type == '_' && after_word(s_, underscores_start(pos))) || (after < s_.size() && space(s_[after])) || open(element)) {
      literal(result, out);
      pos = after;
      return;
    }
    const Kind parent = open_.empty() ? Kind::none : open_.back();
    auto sub_parse = [&](std::size_t from, std::string_view delim, Kind elem, std::size_t& end, std::string& content) {
      open_.push_back(elem);
      const Stop stop{delim, elem, type};
      end = from;
      const bool found = parse(end, content, &stop);
      open_.pop_back();
      return found;
    };
    std::size_t end = 0;
    std::string content;
    std::string_view delim = result;
    Kind elem = element;
    bool found = sub_parse(after, result, element, end, content);
    if (!found && element == Kind::strong && parent != Kind::em && !over_) {
      content.clear();
      delim = result.substr(0, 1);
      elem = Kind::em;
      found = sub_parse(pos + 1, delim, elem, end, content);
    }
    if (!found) {
      literal(result, out);
      pos = after;
      return;
    }
    const char* tag = elem == Kind::em ? "em" : "strong";
    ((((out += '<') += tag) += '>') += content) += "</";
    (out += tag) += '>';
    pos = end + delim.size();
  }

  /// kramdown's parse_codespan at `pos`.
  void codespan(std::size_t& pos, std::string& out) {
    std::size_t k = pos;
    while (k < s_.size() && s_[k] == '`') ++k;
    const std::string_view run = s_.substr(pos, k - pos);
    const bool simple = run.size() == 1;
    if (simple && (pos == 0 || space(s_[pos - 1])) && k < s_.size() && space(s_[k])) {
      literal(run, out);
      pos = k;
      return;
    }
    const std::size_t close = runs_(k, run.size());
    if (close == std::string_view::npos || close + run.size() > limit_) {
      literal(run, out);
      pos = k;
      return;
    }
    std::string_view code = s_.substr(k, close - k);
    if (!simple) {
      if (code.starts_with(' ')) code.remove_prefix(1);
      if (code.ends_with(' ')) code.remove_suffix(1);
    }
    out += code_span(code);
    pos = close + run.size();
  }

  std::string_view s_;
  const std::set<std::string>& labels_;
  std::size_t limit_;  // where the text being parsed ends: the text's end, or a link text's `]`
  int in_link_ = 0;    // link texts being parsed
  std::size_t budget_;
  std::size_t steps_ = 0;
  bool over_ = false;
  std::vector<Kind> open_;
  OccurrenceIndex angle_, comment_end_, brace_, square_, newline_;
  BacktickRuns runs_;
  BracketMatcher brackets_, parens_;
  std::map<std::string, OccurrenceIndex> named_;
  std::size_t run_start_ = 1, run_end_ = 0;  // underscores_start's last run (none yet)
  std::size_t longest_label_ = std::string::npos;  // known_label (npos: not yet measured)
};

}  // namespace

std::string kramdown_spans(std::string_view text, const std::set<std::string>& labels) {
  if (auto out = SpanParser(text, labels).run()) return std::move(*out);
  return std::string(text);
}

namespace {

struct Prefix {
  std::size_t size = 0;  // bytes of block syntax before the span text
  int quotes = 0;        // `>` markers in it
  bool opens = false;    // a list item or footnote definition starts here
  bool skip = false;     // a link definition or a rule line: no span text
};

Prefix block_prefix(std::string_view l) {
  Prefix p;
  std::size_t i = 0;
  while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '>')) p.quotes += l[i++] == '>';
  if (l.find_first_not_of("*-_=+ \t", i) == std::string_view::npos) {  // a rule, underline or bare marker
    p.skip = true;
    return p;
  }
  for (bool marker = true; marker;) {  // list markers, several when lists nest on one line
    std::size_t k = i;
    if (k < l.size() && (l[k] == '*' || l[k] == '-' || l[k] == '+')) {
      ++k;
    } else {
      while (k < l.size() && std::isdigit(static_cast<unsigned char>(l[k])) != 0) ++k;
      k = k > i && k < l.size() && (l[k] == '.' || l[k] == ')') ? k + 1 : i;
    }
    marker = k > i && (k == l.size() || l[k] == ' ' || l[k] == '\t');
    if (marker) {
      p.opens = true;
      i = k;
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    }
  }
  if (!p.opens && l.substr(i).starts_with("[")) {
    const std::size_t close = l.find("]:", i);
    if (close != std::string_view::npos && l.find(']', i) == close) {
      if (!l.substr(i).starts_with("[^")) {
        p.skip = true;
        return p;
      }
      p.opens = true;
      i = close + 2;
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    }
  }
  p.size = i;
  return p;
}

}  // namespace

void apply_kramdown_spans(std::vector<std::string>& lines, const std::vector<std::size_t>& span_lines,
                          const std::set<std::string>& labels) {
  std::size_t g = 0;
  while (g < span_lines.size()) {
    // One paragraph: span_lines[g, e).
    std::vector<Prefix> prefixes{block_prefix(lines[span_lines[g]])};
    std::size_t e = g + 1;
    if (!prefixes.back().skip)
      while (e < span_lines.size() && span_lines[e] == span_lines[e - 1] + 1) {
        const Prefix p = block_prefix(lines[span_lines[e]]);
        if (p.opens || p.skip || p.quotes != prefixes.back().quotes) break;
        prefixes.push_back(p);
        ++e;
      }
    if (prefixes.front().skip) {
      g = e;
      continue;
    }
    std::string joined;
    for (std::size_t k = g; k < e; ++k) {
      if (k > g) joined += '\n';
      joined += std::string_view(lines[span_lines[k]]).substr(prefixes[k - g].size);
    }
    const std::string done = kramdown_spans(joined, labels);
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t nl = done.find('\n');; nl = done.find('\n', start)) {
      pieces.push_back(done.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    if (pieces.size() == e - g)
      for (std::size_t k = g; k < e; ++k) {
        std::string& l = lines[span_lines[k]];
        l = l.substr(0, prefixes[k - g].size) + pieces[k - g];
      }
    g = e;
  }
}

}  // namespace sheaf::jekyll
