#pragma once
// Writing results: to standard output, or to a file that appears complete or not at all
// (a temporary file in the target's folder, renamed over the target once fully written).
#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace sheaf::cli {

/// True when standard output is a terminal (binary formats are never written there).
bool stdout_is_terminal() noexcept;

/// Writes all of `bytes` to standard output and flushes it; throws Error{io}.
void write_stdout(std::string_view bytes);

/// Calls `produce` with a stream on a temporary file beside `target`, then renames the file over
/// `target`. If `produce` throws or a write fails, the temporary file is removed, `target` is left
/// as it was, and the exception propagates (write failures as Error{io} naming `target`).
/// New files get mode 0666 minus the umask, as with any shell redirection. A target that exists
/// and is not a regular file (/dev/null, a FIFO) is written in place instead.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& produce);

}  // namespace sheaf::cli
