#include "converters/markdown/cmark_nesting_guard.hpp"

#include <algorithm>
#include <numeric>

namespace sheaf::markdown {
namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< before the '\n'
  bool blank = false;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    Line l{pos, end, true};
    for (std::size_t i = pos; i < end && l.blank; ++i) l.blank = is_blank_char(text[i]);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

/// A run of non-blank lines: it over-approximates every paragraph in it (cmark's inline subject).
struct Chunk {
  std::size_t first_line = 0;
  std::size_t begin = 0;  ///< bytes [begin, end) of the text
  std::size_t end = 0;
};

std::vector<Chunk> split_chunks(const std::vector<Line>& lines) {
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    std::size_t last = i;
    while (last + 1 < lines.size() && !lines[last + 1].blank) ++last;
    chunks.push_back(Chunk{i, lines[i].begin, lines[last].end});
    i = last;
  }
  return chunks;
}

/// Per-chunk budget, then the costliest chunks until the rest fits the total (as guard_emphasis).
std::vector<bool> choose(const std::vector<std::uint64_t>& costs, std::uint64_t limit, std::uint64_t total) {
  std::vector<bool> chosen(costs.size(), false);
  std::uint64_t rest = 0;
  for (std::size_t k = 0; k < costs.size(); ++k) {
    if (costs[k] > limit) chosen[k] = true;
    else rest += costs[k];
  }
  if (rest <= total) return chosen;
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  for (std::size_t k : order) {
    if (rest <= total) break;
    if (chosen[k]) continue;
    chosen[k] = true;
    rest -= costs[k];
  }
  return chosen;
}

/// Whether [from, end) is only one of `-`, `*`, `_` (at least three) and blanks: a thematic
/// break, a leaf that a list marker escape must not split.
bool is_thematic_break(std::string_view text, std::size_t from, std::size_t end) {
  const char c = text[from];
  if (c != '-' && c != '*' && c != '_') return false;
  std::size_t n = 0;
  for (std::size_t i = from; i < end; ++i) {
    if (text[i] == c) ++n;
    else if (!is_blank_char(text[i])) return false;
  }
  return n >= 3;
}

/// Container markers of each line past its cap: the byte to escape (a backslash goes before it).
void guard_depth(std::string_view text, const std::vector<Line>& lines, const NestingGuardLimits& limits,
                 std::vector<std::size_t>& escapes, std::vector<NestingGuardFinding>& findings) {
  // held[i]: what the containers opened on line i may hold, in cmark's per-node steps: the lines
  // (a blank line is matched against every open list item) and the characters that make inline
  // nodes, up to the next line starting at column 0 after a blank line (a quote ends at a blank
  // line, a list item at an unindented line after one). Plain text is one node whatever its
  // length, so a long run of `> > >` made text costs one step.
  const auto makes_node = [](char c) {
    return c == '*' || c == '_' || c == '~' || c == '[' || c == ']' || c == '!' || c == '<' ||
           c == '`' || c == '&' || c == '\\';
  };
  std::vector<std::uint64_t> suffix(lines.size() + 1, 0);  // suffix[i]: steps of lines i..end
  std::vector<std::size_t> next_reset(suffix.size() - 1);   // a line index, or lines.size()
  std::size_t reset = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    const Line& l = lines[i];
    std::uint64_t steps = 1;
    for (std::size_t k = l.begin; k < l.end; ++k) steps += makes_node(text[k]);
    suffix[i] = suffix[i + 1] + steps;
    next_reset[i] = reset;
    if (!l.blank && i > 0 && lines[i - 1].blank && text[l.begin] != ' ' && text[l.begin] != '\t') reset = i;
  }
  const std::size_t floor = std::min(limits.max_depth, kMinDepthCap);
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    if (l.blank) continue;
    // Markers a line opens cost nothing to write; only they are capped (indentation pays two
    // bytes a level on every line, so deep indented lists stay the HTML reader's to cut).
    const std::uint64_t held = suffix[li] - suffix[next_reset[li]];
    const std::uint64_t cap = std::max<std::uint64_t>(floor, limits.depth_steps / held);
    std::size_t i = l.begin;
    std::size_t level = 0;
    std::size_t escape = std::string_view::npos;
    std::uint64_t markers = 0;
    for (;;) {
      while (i < l.end && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i >= l.end) break;
      const auto marker_ends_at = [&](std::size_t k) { return k >= l.end || is_blank_char(text[k]); };
      std::size_t next = std::string_view::npos, escape_at = i;
      if (text[i] == '>') {
        next = i + 1;
      } else if ((text[i] == '*' || text[i] == '-' || text[i] == '+') && marker_ends_at(i + 1)) {
        next = i + 1;
      } else {
        std::size_t k = i;
        while (k < l.end && k - i < 9 && text[k] >= '0' && text[k] <= '9') ++k;
        if (k > i && k < l.end && (text[k] == '.' || text[k] == ')') && marker_ends_at(k + 1)) {
          next = k + 1;
          escape_at = k;
        }
      }
      if (next == std::string_view::npos) break;
      if (level >= cap && escape == std::string_view::npos) {
        if (is_thematic_break(text, i, l.end)) break;
        escape = escape_at;
      }
      ++level;
      ++markers;
      i = next;
    }
    if (escape == std::string_view::npos) continue;
    escapes.push_back(escape);
    findings.push_back({NestingGuardFinding::Kind::depth, static_cast<std::uint32_t>(li + 1), markers, cap});
  }
}

/// `![` openers walked over by link closes (the bracket stack as cmark keeps it, an upper bound:
/// every `]` that pops a `[` counts as a link).
void guard_brackets(std::string_view text, const std::vector<Chunk>& chunks, const NestingGuardLimits& limits,
                    std::vector<std::size_t>& escapes, std::vector<NestingGuardFinding>& findings) {
  struct Opener {
    std::size_t pos;  ///< of the `[`
    bool image;
    bool walked;
  };
  std::vector<std::uint64_t> costs(chunks.size(), 0);
  std::vector<std::vector<std::size_t>> walked(chunks.size());
  std::vector<Opener> stack;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    stack.clear();
    std::size_t images = 0, marked = 0;  // image openers on the stack; stack[0, marked) walked
    const auto pop = [&] {
      const Opener o = stack.back();
      stack.pop_back();
      if (o.image) --images;
      if (o.walked) walked[c].push_back(o.pos);
      marked = std::min(marked, stack.size());
      return o;
    };
    for (std::size_t i = chunks[c].begin; i < chunks[c].end; ++i) {
      const char ch = text[i];
      if (ch == '\\' && i + 1 < chunks[c].end && is_ascii_punct(text[i + 1])) {
        ++i;
      } else if (ch == '[') {
        const bool image = i > chunks[c].begin && text[i - 1] == '!' &&
                           !(i > chunks[c].begin + 1 && text[i - 2] == '\\');
        stack.push_back({i, image, false});
        images += image;
      } else if (ch == ']' && !stack.empty()) {
        if (pop().image || images == 0) continue;
        costs[c] += images;
        for (; marked < stack.size(); ++marked) stack[marked].walked = stack[marked].walked || stack[marked].image;
      }
    }
    while (!stack.empty()) pop();
  }
  const std::vector<bool> chosen =
      choose(costs, limits.max_bracket_steps, limits.max_bracket_steps * limits.total_factor);
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    if (!chosen[c]) continue;
    escapes.insert(escapes.end(), walked[c].begin(), walked[c].end());
    findings.push_back({NestingGuardFinding::Kind::brackets, static_cast<std::uint32_t>(chunks[c].first_line + 1),
                        costs[c], walked[c].size()});
  }
}

/// `<?`, `<!X` and `<![CDATA[` openers: the bytes cmark's scanner reads looking for their end.
void guard_raw_html(std::string_view text, const std::vector<Chunk>& chunks, const NestingGuardLimits& limits,
                    std::vector<std::size_t>& escapes, std::vector<NestingGuardFinding>& findings) {
  enum Kind { pi, declaration, cdata, kinds };
  static constexpr std::string_view kEnds[kinds] = {"?>", ">", "]]>"};
  struct Opener {
    std::size_t pos;
    Kind kind;
    bool ended;  ///< its end follows in the chunk
  };
  std::vector<std::uint64_t> costs(chunks.size(), 0), ended_costs(chunks.size(), 0);
  std::vector<std::vector<Opener>> openers(chunks.size());
  std::vector<std::size_t> ends[kinds];
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    const std::size_t b = chunks[c].begin, e = chunks[c].end;
    for (auto& v : ends) v.clear();
    for (std::size_t i = b; i < e; ++i) {
      const char ch = text[i];
      if (ch != '\\' && ch != '<' && ch != '?' && ch != '>' && ch != ']') continue;  // starts nothing below
      if (ch == '\\' && i + 1 < e && is_ascii_punct(text[i + 1])) {
        ++i;
        continue;
      }
      const std::string_view rest = text.substr(i, e - i);
      if (rest.starts_with("<?")) openers[c].push_back({i, pi, false});
      else if (rest.starts_with("<![CDATA[")) openers[c].push_back({i, cdata, false});
      else if (rest.size() > 2 && rest[0] == '<' && rest[1] == '!' && is_ascii_letter(rest[2]))
        openers[c].push_back({i, declaration, false});
      for (int k = 0; k < kinds; ++k)
        if (rest.starts_with(kEnds[k])) ends[k].push_back(i);
    }
    std::size_t next[kinds] = {0, 0, 0};
    for (Opener& o : openers[c]) {
      const std::vector<std::size_t>& v = ends[o.kind];
      std::size_t& n = next[o.kind];
      while (n < v.size() && v[n] < o.pos + 2) ++n;
      o.ended = n < v.size();
      if (o.ended) ended_costs[c] += v[n] - o.pos;
      else costs[c] += e - o.pos;
    }
  }
  std::vector<std::uint64_t> all(chunks.size());
  for (std::size_t c = 0; c < chunks.size(); ++c) all[c] = costs[c] + ended_costs[c];
  const std::vector<bool> chosen = choose(all, limits.max_html_steps, limits.max_html_steps * limits.total_factor);
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    if (!chosen[c]) continue;
    // An opener without its end in the chunk is text for cmark too: escaping it changes nothing.
    // When the ended ones are costly as well (an end in a later block of the chunk), all go.
    const bool all_openers = ended_costs[c] > limits.max_html_steps;
    std::size_t escaped = 0;
    for (const Opener& o : openers[c]) {
      if (o.ended && !all_openers) continue;
      escapes.push_back(o.pos);
      ++escaped;
    }
    findings.push_back({NestingGuardFinding::Kind::raw_html, static_cast<std::uint32_t>(chunks[c].first_line + 1),
                        openers[c].size(), escaped});
  }
}

}  // namespace

NestingGuarded guard_nesting(std::string_view markdown, const NestingGuardLimits& limits) {
  const std::vector<Line> lines = split_lines(markdown);
  const std::vector<Chunk> chunks = split_chunks(lines);
  std::vector<std::size_t> escapes;
  NestingGuarded out;
  guard_depth(markdown, lines, limits, escapes, out.findings);
  guard_brackets(markdown, chunks, limits, escapes, out.findings);
  guard_raw_html(markdown, chunks, limits, escapes, out.findings);
  if (escapes.empty()) return out;
  std::sort(escapes.begin(), escapes.end());
  escapes.erase(std::unique(escapes.begin(), escapes.end()), escapes.end());
  out.text.reserve(markdown.size() + escapes.size());
  std::size_t copied = 0;
  for (std::size_t at : escapes) {
    out.text.append(markdown, copied, at - copied);
    out.text += '\\';
    copied = at;
  }
  out.text.append(markdown, copied, std::string_view::npos);
  return out;
}

void report_nesting_guard(const std::vector<NestingGuardFinding>& findings, std::string_view id_prefix,
                          const std::string& source_name, std::uint32_t first_line, Context& context) {
  constexpr std::size_t kMaxPerKind = 20;
  std::size_t seen[3] = {0, 0, 0};
  for (const NestingGuardFinding& f : findings) {
    const auto k = static_cast<std::size_t>(f.kind);
    if (++seen[k] > kMaxPerKind) continue;
    std::string id, message;
    switch (f.kind) {
      case NestingGuardFinding::Kind::depth:
        id = std::string(id_prefix) + ".depth_limit";
        message = "line opens " + std::to_string(f.count) + " nested quotes or list items: only " +
                  std::to_string(f.kept) +
                  " are kept, the rest of the line is text (cmark-gfm 0.29 would take quadratic time "
                  "on what they hold)";
        break;
      case NestingGuardFinding::Kind::brackets:
        id = std::string(id_prefix) + ".bracket_limit";
        message = "paragraph with " + std::to_string(f.kept) +
                  " unclosed image openers `![` among links: they are kept as text (cmark-gfm 0.29 "
                  "would take quadratic time)";
        break;
      case NestingGuardFinding::Kind::raw_html:
        id = std::string(id_prefix) + ".raw_html_limit";
        message = "paragraph with " + std::to_string(f.count) + " raw HTML openers (`<?`, `<!`, `<![CDATA[`), " +
                  std::to_string(f.kept) +
                  " of them without their end: those are kept as text (cmark-gfm 0.29 would take "
                  "quadratic time)";
        break;
    }
    context.report(Diagnostic{Severity::warning, std::move(id), std::move(message), source_name,
                              SourcePos{first_line + f.line - 1, 1}});
  }
  for (std::size_t k = 0; k < 3; ++k) {
    if (seen[k] <= kMaxPerKind) continue;
    static constexpr const char* kSuffix[3] = {".depth_limit", ".bracket_limit", ".raw_html_limit"};
    context.report(Diagnostic{Severity::warning, std::string(id_prefix) + kSuffix[k],
                              std::to_string(seen[k] - kMaxPerKind) + " more places like the ones above",
                              source_name, SourcePos{first_line, 1}});
  }
}

}  // namespace sheaf::markdown
