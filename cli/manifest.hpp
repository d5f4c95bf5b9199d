#pragma once
// --incremental: what an output folder's `.sheaf-manifest.json` records about the outputs sheaf
// wrote there, so that a re-run skips what is up to date. An output is up to date when the
// manifest records it with the same input hash and options hash, and the file still has the size
// and modification time it had when sheaf wrote it (an output edited or replaced since is redone).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "converters/fetch/sha256.hpp"

namespace sheaf::cli {

/// SHA-256 over bytes (libcrypto, via converters/fetch/sha256.hpp), as 64 hex digits: detects
/// changed inputs and options. One object computes one digest.
class ContentHash {
 public:
  ContentHash& add(std::string_view bytes);
  /// Adds `bytes` with its length first, so that a sequence of parts hashes unambiguously.
  ContentHash& add_part(std::string_view bytes);
  /// The digest of everything added. Call once.
  [[nodiscard]] std::string hex();

 private:
  fetch::Sha256 digest_;
};

/// The hash of `bytes` (ContentHash().add(bytes).hex()).
std::string content_hash(std::string_view bytes);

struct ManifestEntry {
  std::string input;    ///< hash of the input bytes (a book: of its posts' names and hashes)
  std::string options;  ///< hash of the options that shape the output
  std::uintmax_t size = 0;     ///< the output file's size when written
  std::int64_t mtime_ns = 0;   ///< its modification time when written (filesystem clock, ns)
};

/// --group-by: what an input gave last time, so an unchanged input need not be parsed again.
struct ManifestInput {
  std::string input;    ///< hash of its bytes
  std::string options;
  /// The groups it went into: file stem (`tag-rust`) and label as spelled (`Rust`).
  std::vector<std::pair<std::string, std::string>> groups;
};

/// The manifest of one output folder. Not thread-safe: the CLI updates it in input order.
class Manifest {
 public:
  static constexpr const char* kFileName = ".sheaf-manifest.json";

  /// Reads DIR/.sheaf-manifest.json; a missing file is an empty manifest, and so is an
  /// unreadable or malformed one (everything is redone, and the file rewritten).
  static Manifest load(const std::filesystem::path& dir);

  /// True when `output` (relative to the folder) is recorded with these hashes and the file on
  /// disk still has the recorded size and modification time.
  [[nodiscard]] bool up_to_date(const std::string& output, std::string_view input, std::string_view options) const;
  /// Records `output` as just written from these hashes (stats the file); forgets it when the
  /// file cannot be stat'ed.
  void record(const std::string& output, std::string input, std::string options);
  void forget(const std::string& output);

  [[nodiscard]] const ManifestInput* find_input(const std::string& key) const;
  void record_input(const std::string& key, ManifestInput entry);
  void forget_input(const std::string& key);

  /// Writes the manifest atomically when anything changed since load(); throws Error{io}.
  void save();

 private:
  std::filesystem::path dir_;
  std::map<std::string, ManifestEntry> outputs_;  // sorted: the file is deterministic
  std::map<std::string, ManifestInput> inputs_;
  bool dirty_ = false;
};

}  // namespace sheaf::cli
