#pragma once
// Everything sheaf says on standard error: converter diagnostics, errors, verbose notes and the
// batch summary, in GNU form (`file:line:col: severity: message [id]`) or as JSON Lines.
#include <chrono>
#include <cstddef>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_options.hpp"
#include "core/diagnostics.hpp"
#include "core/error.hpp"

namespace sheaf::cli {

/// Not thread-safe: the CLI reports from one thread at a time (batch results are emitted in
/// input order under a lock).
class Reporter {
 public:
  Reporter(Verbosity verbosity, DiagnosticsFormat format) : verbosity_(verbosity), format_(format) {}

  /// Prints what the verbosity allows (warnings unless --quiet, info only with --verbose) and
  /// counts every warning, shown or not, for --fail-if-warnings and the summary.
  void diagnostics(const std::vector<Diagnostic>& list);
  /// Always printed: `sheaf: file:line:col: error: message`.
  void error(const Error& e);
  /// The batch summary `N converted, M failed` (`, K not started` after --fail-fast), with
  /// warnings counted by id; hidden by --quiet. With --incremental (`unchanged` set) it reads
  /// `N converted, U skipped (unchanged), M failed`. Drafts left out (`published: false` without
  /// --unpublished) are not converted: `D skipped (unpublished)` follows the converted count.
  void summary(std::size_t converted, std::size_t failed, std::size_t not_started = 0,
               std::optional<std::size_t> unchanged = std::nullopt, std::size_t unpublished = 0);

  /// Turns on the progress line (call when stderr is a terminal and the user did not refuse it).
  void enable_progress(std::size_t total);
  /// Redraws `sheaf: done/total (P%), R/s, ETA m:ss` in place, at most ten times a second.
  void progress(std::size_t done);

  [[nodiscard]] std::size_t warnings() const noexcept { return warnings_; }

 private:
  void print(std::string_view line);
  void clear_progress();
  Verbosity verbosity_;
  DiagnosticsFormat format_;
  std::size_t warnings_ = 0;
  std::map<std::string, std::size_t> warnings_by_id_;  // sorted: the summary is deterministic
  std::size_t progress_total_ = 0;                     // 0: no progress line
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point progress_start_{};
  std::chrono::steady_clock::time_point progress_drawn_{};
};

/// True when standard error is a terminal (the progress line is drawn only there).
bool stderr_is_terminal() noexcept;

/// An exception that is not a sheaf::Error is a bug: Error{internal} asking for a report.
Error internal_error(const std::exception& e);

/// The one-line GNU form of an error, for main() before a Reporter exists.
std::string render_error(const Error& e);

}  // namespace sheaf::cli
