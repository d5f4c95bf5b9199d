#pragma once
// The only door from a converter to the outside world: diagnostics, files, the clock. The CLI uses
// FileContext; tests use MemoryContext, so every converter runs hermetically and deterministically.
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace sheaf {

class Context {
 public:
  virtual ~Context() = default;
  /// Records a recoverable problem. Must be safe to call from the converter's thread.
  virtual void report(Diagnostic d) = 0;
  /// The bytes of a local file (images to embed, stylesheets), or nullopt when it cannot be read.
  virtual std::optional<std::string> read_file(const std::filesystem::path& path) = 0;
  /// The time used for generated timestamps; honours SOURCE_DATE_EPOCH in FileContext.
  virtual std::chrono::system_clock::time_point now() = 0;
};

/// Real files and clock; diagnostics are collected for the caller (the CLI) to print.
class FileContext : public Context {
 public:
  void report(Diagnostic d) override;
  std::optional<std::string> read_file(const std::filesystem::path& path) override;
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
  std::chrono::system_clock::time_point now() override { return clock; }

  std::map<std::string, std::string> files;  ///< generic path → bytes
  std::chrono::system_clock::time_point clock{};
  std::vector<Diagnostic> diagnostics;
};

/// Reads a whole file; throws Error{not_found} or Error{io} naming the file.
std::string read_file_or_throw(const std::filesystem::path& path);

}  // namespace sheaf
