#include "converters/fetch/content_cache.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "converters/fetch/sha256.hpp"

namespace sheaf::fetch {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

// Writes `bytes` to a fresh temporary name next to `target`, then renames it over `target`.
std::string write_atomically(const fs::path& target, std::string_view bytes) {
  static std::atomic<unsigned long> counter{0};
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
  std::ostringstream name;
  name << '.' << target.filename().string() << '.' << ::getpid() << '.' << std::this_thread::get_id() << '.'
       << counter.fetch_add(1) << ".tmp";
  const fs::path temp = target.parent_path() / name.str();
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      return "cannot write " + temp.string();
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "cannot write " + target.string() + ": " + ec.message();
  }
  return {};
}

}  // namespace

fs::path ContentCache::url_entry(const std::string& url) const {
  const std::string digest = sha256_hex(url);
  return dir_ / "urls" / digest.substr(0, 2) / digest;
}

fs::path ContentCache::object(const std::string& digest) const {
  return dir_ / "objects" / digest.substr(0, 2) / digest;
}

std::optional<std::string> ContentCache::lookup(const std::string& url) const {
  if (dir_.empty()) return std::nullopt;
  // An entry is "<digest>\n<url>\n": the URL is kept to rule out a digest collision of names.
  const std::optional<std::string> entry = read_whole(url_entry(url));
  if (!entry) return std::nullopt;
  const auto newline = entry->find('\n');
  if (newline != 64 || entry->substr(65) != url + "\n") return std::nullopt;
  const std::string digest = entry->substr(0, 64);
  std::optional<std::string> bytes = read_whole(object(digest));
  if (!bytes || sha256_hex(*bytes) != digest) return std::nullopt;
  return bytes;
}

std::string ContentCache::store(const std::string& url, std::string_view bytes) const {
  if (dir_.empty()) return {};
  const std::string digest = sha256_hex(bytes);
  std::error_code ec;
  const fs::path obj = object(digest);
  if (!fs::exists(obj, ec)) {
    if (std::string error = write_atomically(obj, bytes); !error.empty()) return error;
  }
  return write_atomically(url_entry(url), digest + "\n" + url + "\n");
}

fs::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "sheaf";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "sheaf";
  return {};
}

}  // namespace sheaf::fetch
