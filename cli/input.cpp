#include "core/sniff.hpp"
#include "cli/input.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <system_error>

#include "core/context.hpp"
#include "core/error.hpp"

namespace sheaf::cli {
namespace {

[[noreturn]] void too_large(const std::string& name, std::size_t max_bytes) {
  throw Error(ErrorCode::limit,
              "input larger than " + std::to_string(max_bytes) + " bytes (see --max-input-size)", name);
}

/// Reads a stream of unknown length (standard input, a FIFO, a device) up to the limit.
std::string read_stream(std::FILE* in, const std::string& name, std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
    if (n > 0) {
      if (bytes.size() + n > max_bytes) too_large(name, max_bytes);
      bytes.append(buffer, n);
    }
    if (n < sizeof buffer) {
      if (std::ferror(in)) throw Error(ErrorCode::io, std::string("read failed: ") + std::strerror(errno), name);
      break;
    }
  }
  return bytes;
}

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

}  // namespace

std::string read_input(const std::string& name, std::size_t max_bytes) {
  if (name == "-") return read_stream(stdin, "-", max_bytes);
  std::error_code ec;
  const auto status = std::filesystem::status(name, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
      !std::filesystem::is_directory(status)) {
    // A FIFO or device (/dev/stdin, <(command)) has no size to check first.
    const std::unique_ptr<std::FILE, FileCloser> in(std::fopen(name.c_str(), "rb"));
    if (!in) throw Error(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno), name);
    return read_stream(in.get(), name, max_bytes);
  }
  // Checked before reading so that a huge file is refused without being loaded.
  const auto size = std::filesystem::file_size(name, ec);
  if (!ec && size > max_bytes) too_large(name, max_bytes);
  std::string bytes = read_file_or_throw(name);
  if (bytes.size() > max_bytes) too_large(name, max_bytes);  // a file that grew, or a device
  return bytes;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       const std::function<bool(const std::filesystem::path&)>& has_reader) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& name : inputs) {
    std::error_code ec;
    if (name == "-" || !fs::is_directory(name, ec)) {
      out.push_back(name);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(name, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw Error(ErrorCode::io, "cannot list folder: " + ec.message(), name);
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) throw Error(ErrorCode::io, "cannot list folder: " + ec.message(), name);
      const fs::path& path = it->path();
      if (path.filename().string().starts_with('.')) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && has_reader(path)) found.push_back(path);
    }
    if (found.empty()) throw Error(ErrorCode::not_found, "no file with a known input extension in this folder", name);
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) out.push_back(path.string());
  }
  return out;
}

std::filesystem::path common_folder(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::optional<fs::path> common;
  for (const std::string& name : inputs) {
    if (name == "-") continue;
    const fs::path folder = fs::absolute(fs::path(name)).lexically_normal().parent_path();
    if (!common) {
      common = folder;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = folder.begin(); a != common->end() && b != folder.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common.value_or(fs::current_path());
}

std::vector<std::string> read_path_list(const std::string& name, bool nul, std::size_t max_bytes) {
  const std::string list = read_input(name, max_bytes);
  const char separator = nul ? '\0' : '\n';
  std::vector<std::string> paths;
  std::size_t start = 0;
  while (start < list.size()) {
    auto end = list.find(separator, start);
    if (end == std::string::npos) end = list.size();
    std::string path = list.substr(start, end - start);
    if (!nul && !path.empty() && path.back() == '\r') path.pop_back();
    if (!path.empty()) paths.push_back(std::move(path));
    start = end + 1;
  }
  return paths;
}

std::string input_base(const std::string& name) {
  if (name == "-") return ".";
  std::string parent = std::filesystem::path(name).parent_path().string();
  return parent.empty() ? "." : parent;
}

std::string_view sniff_format(std::string_view bytes) noexcept {
  const std::string_view format = sheaf::sniff_format(bytes);
  if (format != "json") return format;
  // JSON Lines: a first line that is a whole object ({...}) and another object after it.
  bytes.remove_prefix(bytes.find('{'));
  const auto end = bytes.find('\n');
  if (end == std::string_view::npos) return "json";
  const auto first = bytes.substr(0, end);
  const auto last = first.find_last_not_of(" \t\r");
  const auto next = bytes.find_first_not_of(" \t\r\n", end);
  if (first[last] == '}' && next != std::string_view::npos && bytes[next] == '{') return "jsonl";
  return "json";
}

}  // namespace sheaf::cli
