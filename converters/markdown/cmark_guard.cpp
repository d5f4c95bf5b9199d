#include "converters/markdown/cmark_guard.hpp"

#include <algorithm>
#include <numeric>

#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

constexpr char kMarks[3] = {'*', '_', '~'};

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_mark(char c) { return c == '*' || c == '_' || c == '~'; }
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

/// A backslash escape (`\*`, `\\`) is literal text, never a delimiter: both characters are
/// skipped, so an escaped mark is neither counted nor swapped.
bool is_escape(std::string_view text, std::size_t i, std::size_t end) {
  return text[i] == '\\' && i + 1 < end && is_ascii_punct(text[i + 1]);
}

/// An `_` between two ASCII letters or digits is neither left- nor right-flanking enough to
/// open or close emphasis, so cmark never stacks it: it is not counted and not swapped.
bool is_intraword_underscore(std::string_view text, std::size_t begin, std::size_t end) {
  return text[begin] == '_' && begin > 0 && end < text.size() && is_ascii_alnum(text[begin - 1]) &&
         is_ascii_alnum(text[end]);
}

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< before the '\n'
};

bool is_blank(std::string_view text, const Line& l) {
  for (std::size_t i = l.begin; i < l.end; ++i)
    if (!is_blank_char(text[i])) return false;
  return true;
}

/// A paragraph-sized unit: a run of non-blank lines (no leaf block's inline content spans a blank
/// line, so this over-approximates every paragraph, heading and table row in it).
struct Chunk {
  std::size_t first_line = 0;  ///< index into the line list
  std::size_t last_line = 0;   ///< inclusive
  NeutralisedParagraph cost;
};

/// Adds the steps of one chunk's text: every `]` may close a link whose process_emphasis walks
/// over all delimiter runs opened before it.
void count(std::string_view text, std::size_t begin, std::size_t end, NeutralisedParagraph& c) {
  for (std::size_t i = begin; i < end;) {
    const char ch = text[i];
    if (is_escape(text, i, end)) {
      i += 2;
      continue;
    }
    if (is_mark(ch)) {
      std::size_t j = i;
      while (j < end && text[j] == ch) ++j;
      if (!is_intraword_underscore(text, i, j)) ++c.emphasis_runs;
      i = j;
      continue;
    }
    if (ch == ']') {
      ++c.closing_brackets;
      c.steps += c.emphasis_runs;
    }
    ++i;
  }
}

/// Where a line's inline content may start: after indentation, `>` markers and list markers.
std::size_t content_start(std::string_view text, const Line& l) {
  std::size_t i = l.begin;
  for (;;) {
    while (i < l.end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= l.end) return i;
    const auto marker_ends_at = [&](std::size_t k) {
      return k >= l.end || text[k] == ' ' || text[k] == '\t' || text[k] == '\r';
    };
    if (text[i] == '>') {
      ++i;
      continue;
    }
    if ((text[i] == '*' || text[i] == '-' || text[i] == '+') && marker_ends_at(i + 1)) {
      ++i;
      continue;
    }
    std::size_t k = i;
    while (k < l.end && k - i < 9 && text[k] >= '0' && text[k] <= '9') ++k;
    if (k > i && k < l.end && (text[k] == '.' || text[k] == ')') && marker_ends_at(k + 1)) {
      i = k + 1;
      continue;
    }
    return i;
  }
}

/// A thematic break (`***`, `_ _ _`) or a code fence line (```` ``` ````, `~~~`): block syntax
/// made of the marks, left alone.
bool is_mark_block_syntax(std::string_view text, std::size_t from, const Line& l) {
  if (from >= l.end) return false;
  const char c = text[from];
  if (c == '*' || c == '_' || c == '-') {
    std::size_t n = 0;
    bool only = true;
    for (std::size_t i = from; i < l.end && only; ++i) {
      if (text[i] == c) ++n;
      else if (!is_blank_char(text[i])) only = false;
    }
    if (only && n >= 3) return true;
  }
  if (c == '~' || c == '`') {
    std::size_t i = from;
    while (i < l.end && text[i] == c) ++i;
    if (i - from < 3) return false;
    if (c == '~') return true;
    for (; i < l.end; ++i)
      if (text[i] == '`') return false;  // a backtick info string: not a fence
    return true;
  }
  return false;
}

/// Private-use code points (U+E000–U+F8FF, then U+F0000–U+FFFFD) the input does not contain.
std::array<std::string, 3> pick_stand_ins(std::string_view text) {
  constexpr std::uint32_t kBmpFirst = 0xE000, kBmpLast = 0xF8FF;
  constexpr std::uint32_t kPlaneFirst = 0xF0000, kPlaneLast = 0xFFFFD;
  const std::size_t bmp = kBmpLast - kBmpFirst + 1;
  std::vector<bool> used(bmp + (kPlaneLast - kPlaneFirst + 1), false);
  const auto mark_used = [&](const unsigned char* s, std::size_t n) {
    if ((s[0] == 0xEE || s[0] == 0xEF) && n >= 3) {
      const std::uint32_t cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
      if (cp >= kBmpFirst && cp <= kBmpLast) used[cp - kBmpFirst] = true;
    } else if (s[0] == 0xF3 && n >= 4) {
      const std::uint32_t cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
                               ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
      if (cp >= kPlaneFirst && cp <= kPlaneLast) used[bmp + (cp - kPlaneFirst)] = true;
    }
  };
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (s[i] >= 0xEE) {
      mark_used(s + i, text.size() - i);
    } else if (s[i] == '%') {
      // cmark writes a stand-in in an href percent-encoded: that spelling must be free too.
      unsigned char bytes[4];
      std::size_t n = 0;
      for (std::size_t k = i; n < 4 && k + 2 < text.size() && text[k] == '%'; k += 3) {
        const int hi = hex(text[k + 1]), lo = hex(text[k + 2]);
        if (hi < 0 || lo < 0) break;
        bytes[n++] = static_cast<unsigned char>(hi * 16 + lo);
      }
      if (n >= 3) mark_used(bytes, n);
    }
  }
  std::array<std::string, 3> out;
  std::size_t found = 0;
  for (std::size_t k = 0; k < used.size() && found < out.size(); ++k) {
    if (used[k]) continue;
    const std::uint32_t cp = k < bmp ? kBmpFirst + static_cast<std::uint32_t>(k)
                                     : kPlaneFirst + static_cast<std::uint32_t>(k - bmp);
    std::string& u = out[found++];
    if (cp < 0x10000) {
      u += static_cast<char>(0xE0 | (cp >> 12));
    } else {
      u += static_cast<char>(0xF0 | (cp >> 18));
      u += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    }
    u += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    u += static_cast<char>(0x80 | (cp & 0x3F));
  }
  if (found < out.size())
    throw Error(ErrorCode::limit,
                "Markdown text uses every private-use character; its emphasis cannot be guarded");
  return out;
}

void replace_all(std::string& s, std::string_view from, char to) {
  if (s.find(from) == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos);
    out += to;
  }
  out.append(s, pos, std::string::npos);
  s = std::move(out);
}

}  // namespace

GuardedMarkdown guard_emphasis(std::string_view markdown, const GuardLimits& limits) {
  std::vector<Line> lines;
  for (std::size_t pos = 0; pos <= markdown.size();) {
    const std::size_t nl = markdown.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? markdown.size() : nl;
    lines.push_back(Line{pos, end});
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_blank(markdown, lines[i])) continue;
    Chunk c{i, i, {}};
    while (c.last_line + 1 < lines.size() && !is_blank(markdown, lines[c.last_line + 1])) ++c.last_line;
    count(markdown, lines[c.first_line].begin, lines[c.last_line].end, c.cost);
    c.cost.line = static_cast<std::uint32_t>(c.first_line + 1);
    chunks.push_back(c);
    i = c.last_line;
  }

  // Over the per-paragraph limit, then the costliest until the rest fits the total.
  std::vector<bool> chosen(chunks.size(), false);
  std::uint64_t rest = 0;
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    if (chunks[k].cost.steps > limits.max_paragraph_steps) chosen[k] = true;
    else rest += chunks[k].cost.steps;
  }
  if (rest > limits.max_total_steps) {
    std::vector<std::size_t> order(chunks.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return chunks[a].cost.steps > chunks[b].cost.steps; });
    for (std::size_t k : order) {
      if (rest <= limits.max_total_steps) break;
      if (chosen[k]) continue;
      chosen[k] = true;
      rest -= chunks[k].cost.steps;
    }
  }

  GuardedMarkdown out;
  if (std::find(chosen.begin(), chosen.end(), true) == chosen.end()) return out;
  out.stand_ins = pick_stand_ins(markdown);
  out.text.reserve(markdown.size() + markdown.size() / 8);
  std::size_t copied = 0;
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    if (!chosen[k]) continue;
    out.neutralised.push_back(chunks[k].cost);
    for (std::size_t li = chunks[k].first_line; li <= chunks[k].last_line; ++li) {
      const Line& l = lines[li];
      const std::size_t from = content_start(markdown, l);
      if (is_mark_block_syntax(markdown, from, l)) continue;
      out.text.append(markdown, copied, from - copied);
      copied = from;
      for (std::size_t i = from; i < l.end;) {
        if (is_escape(markdown, i, l.end)) {
          i += 2;
          continue;
        }
        if (!is_mark(markdown[i])) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < l.end && markdown[j] == markdown[i]) ++j;
        if (!is_intraword_underscore(markdown, i, j)) {
          out.text.append(markdown, copied, i - copied);
          const std::string& stand_in =
              out.stand_ins[static_cast<std::size_t>(std::find(kMarks, kMarks + 3, markdown[i]) - kMarks)];
          for (std::size_t n = i; n < j; ++n) out.text += stand_in;
          copied = j;
        }
        i = j;
      }
    }
  }
  out.text.append(markdown, copied, std::string_view::npos);
  return out;
}

void restore_emphasis_marks(std::string& html, const GuardedMarkdown& guarded) {
  if (guarded.neutralised.empty()) return;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t k = 0; k < 3; ++k) {
    replace_all(html, guarded.stand_ins[k], kMarks[k]);
    std::string percent;  // as cmark's href escaping writes it
    for (unsigned char c : guarded.stand_ins[k]) {
      percent += '%';
      percent += kHex[c >> 4];
      percent += kHex[c & 0x0F];
    }
    replace_all(html, percent, kMarks[k]);
  }
}

void report_neutralised(const std::vector<NeutralisedParagraph>& neutralised, std::string_view id_prefix,
                        const std::string& source_name, std::uint32_t first_line, Context& context) {
  for (const NeutralisedParagraph& p : neutralised)
    context.report(Diagnostic{
        Severity::warning, std::string(id_prefix) + ".emphasis_limit",
        "paragraph with " + std::to_string(p.emphasis_runs) + " emphasis marks and " +
            std::to_string(p.closing_brackets) +
            " links or brackets: its emphasis is kept as literal text (cmark-gfm 0.29 would take "
            "quadratic time)",
        source_name, SourcePos{first_line + p.line - 1, 1}});
}

}  // namespace sheaf::markdown
