#pragma once
// The libzip adapter: an EPUB container built in memory (so it can go to a pipe), `mimetype`
// first and stored without extra fields, every entry stamped with the same fixed time so the same
// entries give byte-identical archives. Also reads archives back, for tests and tools.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace sheaf::epub {

struct ZipEntry {
  std::string name;  ///< path inside the archive
  std::string bytes;
  bool compress = true;
};

/// A ZIP archive of `entries` in order; every entry carries `mtime` (as a DOS time in UTC,
/// clamped to 1980–2107, so the archive does not depend on the machine's time zone).
/// Throws Error{internal} when libzip fails.
std::string zip_archive(const std::vector<ZipEntry>& entries, std::chrono::sys_seconds mtime);

/// The entries of an archive, in archive order: {name, bytes}. Throws Error{parse} on a damaged
/// archive.
std::vector<std::pair<std::string, std::string>> unzip_archive(const std::string& archive);

}  // namespace sheaf::epub
