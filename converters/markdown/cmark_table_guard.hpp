#pragma once
// A third linear pre-scan (after cmark_guard.hpp and cmark_nesting_guard.hpp) for two costs of
// the GFM extensions of cmark-gfm 0.29.0.gfm.6 (Debian 12), fixed upstream in later versions
// (docs/robustness.md, "Known limits"):
//
// - Table rows with very many cells (`|a` × n / `|-` × n / `|b` × n). That version keeps a row's
//   cells in a linked list appended at its end, and its HTML renderer finds a cell's alignment by
//   walking the cells before it: a line with p pipes costs about p² steps when it is a table row
//   or a candidate header (16,000 columns: seconds; 1,000 columns × 500 rows, 1 MB: 1.5 s).
// - E-mail autolinks in a word with many `@` (`a@` × n, `x@x.` × n with no space). The autolink
//   extension's e-mail search costs about k × min(k, 2,000) for a whitespace-free run with k `@`
//   (1 MB of `x@x.` on one line: 2.4 s of cmark).
//
// Lines (pipes) and words (`@`) over the budgets below have those characters swapped for
// private-use stand-ins absent from the input, which are put back in cmark's HTML: the text comes
// out as written (also in code, URLs and raw HTML), only that line is not a table row (it becomes
// one cell, or paragraph text) and that word gets no e-mail links. Normal documents are untouched.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"

namespace sheaf::markdown {

struct TableGuardLimits {
  /// A line with more unescaped `|` than this is never a table row (the column cap). Default 1,000.
  std::uint64_t max_columns = 1'000;
  /// When the lines under max_columns add up to more than this many pipe² steps, the costliest
  /// lines are guarded until the rest fits. Default 50,000,000 (about 0.15 s of cmark; a table of
  /// 200 columns × 1,250 rows fits).
  std::uint64_t max_table_steps = 50'000'000;
  /// A whitespace-free word with more unescaped `@` than this gets no e-mail autolinks.
  /// Default 1,000.
  std::uint64_t max_word_ats = 1'000;
  /// As max_table_steps for the words under max_word_ats, in k × min(k, 2,000) steps.
  /// Default 20,000,000 (about 0.1 s of cmark).
  std::uint64_t max_autolink_steps = 20'000'000;
};

/// One line (pipes) or word (`@`) whose characters were swapped for stand-ins.
struct TableGuardFinding {
  enum class Kind { table, autolink };
  Kind kind = Kind::table;
  std::uint32_t line = 0;   ///< 1-based, in the text given to guard_tables
  std::uint64_t count = 0;  ///< pipes on the line, or `@` in the word
};

struct TableGuarded {
  /// Empty when nothing was changed: parse the original text. Else the text to parse.
  std::string text;
  std::vector<TableGuardFinding> findings;  ///< in text order
  std::string pipe_stand_in, at_stand_in;   ///< UTF-8, absent from the input, when used
};

/// Scans `markdown` in one pass and swaps the pipes and `@` over `limits` for stand-ins (a
/// backslash-escaped `\|` or `\@` is left alone). Throws Error{limit} if the input uses every
/// one of the 131,068 supplementary private-use code points.
TableGuarded guard_tables(std::string_view markdown, const TableGuardLimits& limits = {});

/// Puts `|` and `@` back in place of the stand-ins in cmark's output, also percent-encoded (as
/// cmark writes them in an href). A no-op when nothing was guarded.
void restore_table_marks(std::string& html, const TableGuarded& guarded);

/// Reports findings as `<id_prefix>.table_limit` and `<id_prefix>.autolink_limit` warnings of
/// `source_name`, at `first_line` - 1 + the finding's line; at most 20 per kind, then one warning
/// counting the rest.
void report_table_guard(const std::vector<TableGuardFinding>& findings, std::string_view id_prefix,
                        const std::string& source_name, std::uint32_t first_line, Context& context);

}  // namespace sheaf::markdown
