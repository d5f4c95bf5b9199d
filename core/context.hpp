#pragma once
// The only door from a converter to the outside world: diagnostics, files, the clock, and (only
// when the caller provides it) the network. The CLI uses FileContext; tests use MemoryContext, so
// every converter runs hermetically and deterministically.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sheaf {

/// A remote resource a converter asks for (the EPUB writer's --fetch-images).
struct FetchRequest {
  std::string url;      ///< absolute http: or https: URL; anything else is refused
  std::string referer;  ///< sent as Referer when not empty (the element's referrerpolicy allowed it)
};

/// What became of one FetchRequest: the body, or why there is none.
struct FetchResult {
  std::optional<std::string> bytes;  ///< the response body (HTTP 2xx), unchecked: callers sniff the type
  std::string failure;               ///< empty on success, else a short reason ("timeout", "HTTP 404"…)
  bool from_cache = false;           ///< served from the cache, no request made
};

class Context {
 public:
  virtual ~Context() = default;
  /// Records a recoverable problem. Must be safe to call from the converter's thread.
  virtual void report(Diagnostic d) = 0;
  /// The bytes of a local file (images to embed, stylesheets), or nullopt when it cannot be read.
  virtual std::optional<std::string> read_file(const std::filesystem::path& path) = 0;
  /// The size of a local file without reading it, so that a caller with a size limit can refuse
  /// a huge file before read_file; nullopt when unknown (the caller then reads and checks).
  virtual std::optional<std::uintmax_t> file_size(const std::filesystem::path&) { return std::nullopt; }
  /// The time used for generated timestamps; honours SOURCE_DATE_EPOCH in FileContext.
  virtual std::chrono::system_clock::time_point now() = 0;
  /// Fetches remote resources, all at once so that an implementation may run them in parallel;
  /// one result per request, in order. Must be safe to call from the converter's thread. The
  /// default refuses every request: a converter reaches the network only through a context that
  /// the caller (the CLI, with --fetch-images) gave a fetcher.
  virtual std::vector<FetchResult> fetch(const std::vector<FetchRequest>& requests) {
    std::vector<FetchResult> out(requests.size());
    for (FetchResult& r : out) r.failure = "fetching is not enabled";
    return out;
  }
};

/// Real files and clock; diagnostics are collected for the caller (the CLI) to print.
class FileContext : public Context {
 public:
  void report(Diagnostic d) override;
  std::optional<std::string> read_file(const std::filesystem::path& path) override;
  std::optional<std::uintmax_t> file_size(const std::filesystem::path& path) override;
  std::chrono::system_clock::time_point now() override;
  /// Takes the diagnostics reported so far, in report order.
  std::vector<Diagnostic> take_diagnostics();

 private:
  std::mutex mutex_;
  std::vector<Diagnostic> diagnostics_;
};

/// Hermetic: files from a map, the clock fixed at the epoch, diagnostics kept in order.
class MemoryContext : public Context {
 public:
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::optional<std::string> read_file(const std::filesystem::path& path) override {
    auto it = files.find(path.generic_string());
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::uintmax_t> file_size(const std::filesystem::path& path) override {
    auto it = files.find(path.generic_string());
    if (it == files.end()) return std::nullopt;
    return it->second.size();
  }
  std::chrono::system_clock::time_point now() override { return clock; }

  std::map<std::string, std::string> files;  ///< generic path → bytes
  std::chrono::system_clock::time_point clock{};
  std::vector<Diagnostic> diagnostics;
};

/// Reads a whole file; throws Error{not_found} or Error{io} naming the file.
std::string read_file_or_throw(const std::filesystem::path& path);

}  // namespace sheaf
