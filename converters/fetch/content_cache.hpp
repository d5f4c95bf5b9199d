#pragma once
// The on-disk cache of fetched images, content-addressed: the bytes are stored once under their
// SHA-256 (objects/ab/abcdef…), and each URL names the digest of what it returned
// (urls/12/1234…). Books that share an image, and re-runs, cost no request. Entries are written to
// a temporary file and renamed, so that concurrent runs and threads never see half a file; a
// damaged entry (digest mismatch) is a miss.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::fetch {

class ContentCache {
 public:
  /// `dir` empty: no cache; every lookup misses and store does nothing.
  explicit ContentCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// The bytes last stored for `url`, or nullopt. Thread-safe.
  [[nodiscard]] std::optional<std::string> lookup(const std::string& url) const;
  /// Stores `bytes` as what `url` returned. Returns an empty string, or why it could not be
  /// written (the fetch itself still counts). Thread-safe.
  std::string store(const std::string& url, std::string_view bytes) const;

  [[nodiscard]] const std::filesystem::path& dir() const noexcept { return dir_; }

 private:
  [[nodiscard]] std::filesystem::path url_entry(const std::string& url) const;
  [[nodiscard]] std::filesystem::path object(const std::string& digest) const;
  std::filesystem::path dir_;
};

/// The default cache folder: $XDG_CACHE_HOME/sheaf, else $HOME/.cache/sheaf, else "" (no cache).
std::filesystem::path default_cache_dir();

}  // namespace sheaf::fetch
