#include "cli/report.hpp"

#include <unistd.h>

#include <cstdio>
#include <new>

#include <nlohmann/json.hpp>

namespace sheaf::cli {
namespace {

nlohmann::ordered_json located(std::string_view severity, const std::string& source, SourcePos pos) {
  nlohmann::ordered_json j;
  j["severity"] = severity;
  if (!source.empty()) j["file"] = source;
  if (pos.line > 0) j["line"] = pos.line;
  if (pos.column > 0) j["column"] = pos.column;
  return j;
}

std::string dump(const nlohmann::ordered_json& j) {
  // Messages may quote broken input: replace invalid UTF-8 rather than throw.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool stderr_is_terminal() noexcept { return ::isatty(STDERR_FILENO) == 1; }

void Reporter::clear_progress() {
  if (!progress_shown_) return;
  std::fputs("\r\033[K", stderr);  // carriage return, erase to the end of the line
  progress_shown_ = false;
}

void Reporter::enable_progress(std::size_t total) {
  if (verbosity_ == Verbosity::quiet || format_ != DiagnosticsFormat::gnu || total < 2) return;
  progress_total_ = total;
  progress_start_ = std::chrono::steady_clock::now();
}

void Reporter::progress(std::size_t done) {
  if (progress_total_ == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < progress_total_ && progress_shown_ && now - progress_drawn_ < std::chrono::milliseconds(100)) return;
  progress_drawn_ = now;
  const double seconds = std::chrono::duration<double>(now - progress_start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char line[160];
  if (rate > 0) {
    const auto eta = static_cast<long>(static_cast<double>(progress_total_ - done) / rate + 0.5);
    std::snprintf(line, sizeof line, "\r\033[Ksheaf: %zu/%zu (%zu%%), %.1f/s, ETA %ld:%02ld", done, progress_total_,
                  done * 100 / progress_total_, rate, eta / 60, eta % 60);
  } else {
    std::snprintf(line, sizeof line, "\r\033[Ksheaf: %zu/%zu", done, progress_total_);
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
  progress_shown_ = true;
}

void Reporter::print(std::string_view line) {
  clear_progress();
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

void Reporter::diagnostics(const std::vector<Diagnostic>& list) {
  for (const Diagnostic& d : list) {
    if (d.severity == Severity::warning) {
      ++warnings_;
      ++warnings_by_id_[d.id];
      if (verbosity_ == Verbosity::quiet) continue;
    } else if (verbosity_ != Verbosity::verbose) {
      continue;
    }
    if (format_ == DiagnosticsFormat::gnu) {
      print(render(d));
    } else {
      auto j = located(d.severity == Severity::warning ? "warning" : "info", d.source_name, d.pos);
      j["id"] = d.id;
      j["message"] = d.message;
      print(dump(j));
    }
  }
}

void Reporter::error(const Error& e) {
  if (format_ == DiagnosticsFormat::gnu) {
    print(render_error(e));
    return;
  }
  auto j = located("error", e.source_name(), e.pos());
  j["code"] = static_cast<int>(e.code());
  j["message"] = e.what();
  print(dump(j));
}

void Reporter::summary(std::size_t converted, std::size_t failed, std::size_t not_started,
                       std::optional<std::size_t> unchanged, std::size_t unpublished) {
  clear_progress();
  if (verbosity_ == Verbosity::quiet) return;
  std::string text = std::to_string(converted) + " converted, ";
  if (unpublished > 0) text += std::to_string(unpublished) + " skipped (unpublished), ";
  if (unchanged) text += std::to_string(*unchanged) + " skipped (unchanged), ";
  text += std::to_string(failed) + " failed";
  if (not_started > 0) text += ", " + std::to_string(not_started) + " not started";
  if (warnings_ > 0) {
    text += "; " + std::to_string(warnings_) + (warnings_ == 1 ? " warning" : " warnings") + ":";
    for (const auto& [id, count] : warnings_by_id_) text += " " + id + " " + std::to_string(count);
  }
  if (format_ == DiagnosticsFormat::gnu) {
    print("sheaf: " + text);
    return;
  }
  nlohmann::ordered_json j;
  j["severity"] = "info";
  j["id"] = "cli.summary";
  j["message"] = text;
  j["converted"] = converted;
  if (unchanged) j["unchanged"] = *unchanged;
  if (unpublished > 0) j["unpublished"] = unpublished;
  j["failed"] = failed;
  if (not_started > 0) j["not_started"] = not_started;
  nlohmann::ordered_json by_id = nlohmann::ordered_json::object();
  for (const auto& [id, count] : warnings_by_id_) by_id[id] = count;
  j["warnings"] = by_id;
  print(dump(j));
}

Error internal_error(const std::exception& e) {
  if (dynamic_cast<const std::bad_alloc*>(&e))
    return Error(ErrorCode::internal, "out of memory");
  return Error(ErrorCode::internal,
               std::string("internal error: ") + e.what() + " (this is a bug in sheaf; please report it with the input)");
}

std::string render_error(const Error& e) {
  return "sheaf: " + format_location(e.source_name(), e.pos()) + "error: " + e.what();
}

}  // namespace sheaf::cli
