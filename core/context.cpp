#include "core/context.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/error.hpp"

namespace sheaf {

void FileContext::report(Diagnostic d) {
  std::lock_guard lock(mutex_);
  diagnostics_.push_back(std::move(d));
}

std::vector<Diagnostic> FileContext::take_diagnostics() {
  std::lock_guard lock(mutex_);
  return std::exchange(diagnostics_, {});
}

std::optional<std::string> FileContext::read_file(const std::filesystem::path& path) {
  try {
    return read_file_or_throw(path);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<std::uintmax_t> FileContext::file_size(const std::filesystem::path& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  return size;
}

std::chrono::system_clock::time_point FileContext::now() {
  // Reproducible builds: SOURCE_DATE_EPOCH pins every generated timestamp.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0)
      return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
  }
  return std::chrono::system_clock::now();
}

std::string read_file_or_throw(const std::filesystem::path& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    throw Error(ErrorCode::not_found, "no such file", path.string());
  if (std::filesystem::is_directory(status))
    throw Error(ErrorCode::io, "is a directory", path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno), path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, "read failed", path.string());
  return std::move(buffer).str();
}

}  // namespace sheaf
