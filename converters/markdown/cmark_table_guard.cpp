#include "converters/markdown/cmark_table_guard.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "converters/markdown/stand_ins.hpp"
#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

using Kind = TableGuardFinding::Kind;

/// Where the autolink extension's e-mail cost per `@` stops growing (measured: a word of 2,000
/// `x@x.` costs about what 5 words of 400 cost per `@` × 5).
constexpr std::uint64_t kAutolinkSaturation = 2'000;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// A character after an odd number of backslashes is escaped: not a cell separator, and its
/// backslash escape must stay one (so it is never swapped).
bool is_escaped(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (n < i && text[i - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

/// A line (pipes) or a whitespace-free word (`@`) and its estimated cmark steps.
struct Unit {
  std::size_t begin = 0, end = 0;
  TableGuardFinding finding;
  std::uint64_t steps = 0;
};

/// Marks the units over `per_unit` steps, then the costliest until the rest is under `total`.
std::vector<Unit> choose(std::vector<Unit> units, std::uint64_t per_unit_count, std::uint64_t total) {
  std::vector<bool> chosen(units.size(), false);
  std::uint64_t rest = 0;
  for (std::size_t k = 0; k < units.size(); ++k) {
    if (units[k].finding.count > per_unit_count) chosen[k] = true;
    else rest += units[k].steps;
  }
  if (rest > total) {
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return units[a].steps > units[b].steps; });
    for (std::size_t k : order) {
      if (rest <= total) break;
      if (chosen[k]) continue;
      chosen[k] = true;
      rest -= units[k].steps;
    }
  }
  std::vector<Unit> out;
  for (std::size_t k = 0; k < units.size(); ++k)
    if (chosen[k]) out.push_back(units[k]);
  return out;  // in text order, as `units`
}

}  // namespace

TableGuarded guard_tables(std::string_view markdown, const TableGuardLimits& limits) {
  std::vector<Unit> lines, words;
  std::uint32_t line = 1;
  std::size_t line_begin = 0, word_begin = 0;
  std::uint64_t pipes = 0, ats = 0;
  bool in_word = false;
  const auto end_word = [&](std::size_t at) {
    if (in_word && ats > 1)
      words.push_back(Unit{word_begin, at, {Kind::autolink, line, ats}, ats * std::min(ats, kAutolinkSaturation)});
    in_word = false;
    ats = 0;
  };
  for (std::size_t i = 0; i <= markdown.size(); ++i) {
    const bool eol = i == markdown.size() || markdown[i] == '\n';
    if (eol || is_space(markdown[i])) {
      end_word(i);
    } else {
      if (!in_word) word_begin = i;
      in_word = true;
      if (markdown[i] == '@' && !is_escaped(markdown, i)) ++ats;
      if (markdown[i] == '|' && !is_escaped(markdown, i)) ++pipes;
    }
    if (eol) {
      if (pipes > 1) lines.push_back(Unit{line_begin, i, {Kind::table, line, pipes}, pipes * pipes});
      pipes = 0;
      line_begin = i + 1;
      ++line;
    }
  }
  const std::vector<Unit> guarded_lines = choose(std::move(lines), limits.max_columns, limits.max_table_steps);
  const std::vector<Unit> guarded_words = choose(std::move(words), limits.max_word_ats, limits.max_autolink_steps);

  TableGuarded out;
  if (guarded_lines.empty() && guarded_words.empty()) return out;
  std::vector<std::string> stand_ins = pick_stand_ins(markdown, 2, kTableStandIns);
  out.pipe_stand_in = std::move(stand_ins[0]);
  out.at_stand_in = std::move(stand_ins[1]);
  out.text.reserve(markdown.size() + markdown.size() / 4);
  std::size_t li = 0, wi = 0, copied = 0;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c != '|' && c != '@') continue;
    const std::vector<Unit>& units = c == '|' ? guarded_lines : guarded_words;
    std::size_t& k = c == '|' ? li : wi;
    while (k < units.size() && units[k].end <= i) ++k;
    if (k == units.size() || units[k].begin > i || is_escaped(markdown, i)) continue;
    out.text.append(markdown, copied, i - copied);
    out.text += c == '|' ? out.pipe_stand_in : out.at_stand_in;
    copied = i + 1;
  }
  out.text.append(markdown, copied, std::string_view::npos);
  for (const Unit& u : guarded_lines) out.findings.push_back(u.finding);
  for (const Unit& u : guarded_words) out.findings.push_back(u.finding);
  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [](const TableGuardFinding& a, const TableGuardFinding& b) { return a.line < b.line; });
  return out;
}

void restore_table_marks(std::string& html, const TableGuarded& guarded) {
  if (guarded.findings.empty()) return;
  // In an href cmark percent-encodes a stand-in; it writes `|` as %7C there, `@` as is.
  restore_stand_in(html, guarded.pipe_stand_in, "|", "%7C");
  restore_stand_in(html, guarded.at_stand_in, "@", "@");
}

void report_table_guard(const std::vector<TableGuardFinding>& findings, std::string_view id_prefix,
                        const std::string& source_name, std::uint32_t first_line, Context& context) {
  constexpr std::size_t kMaxPerKind = 20;
  for (const Kind kind : {Kind::table, Kind::autolink}) {
    const std::string id = kind == Kind::table ? std::string(id_prefix) + ".table_limit"
                                               : std::string(id_prefix) + ".autolink_limit";
    std::size_t seen = 0;
    std::uint32_t first_rest = 0;
    for (const TableGuardFinding& f : findings) {
      if (f.kind != kind) continue;
      if (++seen > kMaxPerKind) {
        if (first_rest == 0) first_rest = f.line;
        continue;
      }
      const std::string message =
          kind == Kind::table
              ? "line with " + std::to_string(f.count) +
                    " cell separators: it is not read as a table row, its `|` stay text (cmark-gfm 0.29 "
                    "would take quadratic time)"
              : "word with " + std::to_string(f.count) +
                    " `@`: it gets no e-mail links (cmark-gfm 0.29 would take quadratic time)";
      context.report(Diagnostic{Severity::warning, id, message, source_name, SourcePos{first_line + f.line - 1, 1}});
    }
    if (seen > kMaxPerKind)
      context.report(Diagnostic{Severity::warning, id,
                                std::to_string(seen - kMaxPerKind) + " more " +
                                    (kind == Kind::table ? "lines" : "words") + " guarded the same way",
                                source_name, SourcePos{first_line + first_rest - 1, 1}});
  }
}

}  // namespace sheaf::markdown
