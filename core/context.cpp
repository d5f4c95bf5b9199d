#include "core/context.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
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
  // Read into a string sized from the file's size, when it has one: a stream buffer grown by
  // doubling touches (and the kernel zeroes) about twice the memory of a large input.
  std::string data;
  if (std::filesystem::is_regular_file(status))
    if (const auto size = std::filesystem::file_size(path, ec); !ec) data.reserve(size);
  std::array<char, 1 << 16> chunk{};
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0)
    data.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(ErrorCode::io, "read failed", path.string());
  return data;
}

}  // namespace sheaf
