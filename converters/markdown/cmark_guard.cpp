#include "converters/markdown/cmark_guard.hpp"

#include <algorithm>
#include <numeric>

#include "converters/markdown/stand_ins.hpp"
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
  {
    std::vector<std::string> picked = pick_stand_ins(markdown, 3, kEmphasisStandIns);
    for (std::size_t k = 0; k < 3; ++k) out.stand_ins[k] = std::move(picked[k]);
  }
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
  for (std::size_t k = 0; k < 3; ++k) {
    const std::string_view mark(&kMarks[k], 1);
    restore_stand_in(html, guarded.stand_ins[k], mark, mark);
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
