#include "cli/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

#include "cli/interrupt.hpp"
#include "core/error.hpp"

namespace sheaf::cli {
namespace {

[[noreturn]] void io_error(const std::string& what, const std::filesystem::path& target, int err) {
  throw Error(ErrorCode::io, what + ": " + std::strerror(err), target.string());
}

/// Creates a new, empty, uniquely named file beside `target` and returns its path. O_EXCL makes
/// the name ours even when several sheaf processes write into the same folder.
std::filesystem::path create_temporary(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};  // unique within the process; the pid across processes
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  for (int attempt = 0; attempt < 100; ++attempt) {
    // Hidden and marked, so an interrupted run's leftovers are recognisable.
    std::string name = ".";
    name += target.filename().string();
    name += ".sheaf-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(counter.fetch_add(1));
    const std::filesystem::path tmp = dir / name;
    int fd = -1;
    int err = 0;
    register_temporary(tmp, [&] {
      fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      err = errno;
    });
    if (fd >= 0) {
      ::close(fd);
      return tmp;
    }
    unregister_temporary(tmp);
    if (err != EEXIST) io_error("cannot create output", target, err);
  }
  io_error("cannot create output", target, EEXIST);
}

}  // namespace

bool stdout_is_terminal() noexcept { return ::isatty(STDOUT_FILENO) == 1; }

void write_stdout(std::string_view bytes) {
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
    io_error("cannot write", "-", errno);
  if (std::fflush(stdout) != 0) io_error("cannot write", "-", errno);
}

void write_file_atomically(const std::filesystem::path& given,
                           const std::function<void(std::ostream&)>& produce) {
  std::error_code ec;
  // Through a symbolic link to the file it names, as a shell redirection writes: renaming over
  // the link itself would turn it into a regular file.
  std::filesystem::path target = given;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(given, ec)))
    if (auto real = std::filesystem::canonical(given, ec); !ec) target = std::move(real);
  const auto status = std::filesystem::status(target, ec);
  if (std::filesystem::is_directory(status))
    throw Error(ErrorCode::io, "cannot write output: is a directory", target.string());
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // /dev/null, /dev/stdout, a FIFO: written in place. Renaming over them would replace the
    // device or pipe with a regular file.
    std::ofstream out(target, std::ios::binary);
    if (!out) io_error("cannot write output", target, errno);
    produce(out);
    out.flush();
    if (!out) io_error("cannot write output", target, errno);
    return;
  }
  const std::filesystem::path tmp = create_temporary(target);
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) io_error("cannot write output", target, errno);
      produce(out);
      out.flush();
      if (!out) io_error("cannot write output", target, errno);
      out.close();
      if (out.fail()) io_error("cannot write output", target, errno);
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) throw Error(ErrorCode::io, "cannot write output: " + ec.message(), target.string());
    unregister_temporary(tmp);
  } catch (...) {
    std::filesystem::remove(tmp, ec);
    unregister_temporary(tmp);
    throw;
  }
}

}  // namespace sheaf::cli
