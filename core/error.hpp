#pragma once
// The one error type of sheaf. Converters throw only sheaf::Error, after translating third-party
// failures in their adapter file. ErrorCode values are process exit codes; they reuse pandoc's
// numbers where pandoc has the same error (docs/errors.md lists them).
#include <cstdint>
#include <stdexcept>
#include <string>

namespace sheaf {

enum class ErrorCode : int {
  io = 1,                   ///< a file could not be read or written
  warnings_as_errors = 3,   ///< --fail-if-warnings and a warning was reported
  refused = 4,              ///< the request cannot be carried out as given (binary to a terminal)
  usage = 6,                ///< bad command-line options
  unknown_reader = 21,      ///< -f names no reader
  unknown_writer = 22,      ///< -t names no writer
  internal = 62,            ///< a bug in sheaf
  parse = 64,               ///< input could not be parsed (broken front matter, bad JSON)
  limit = 65,               ///< input exceeds a documented resource limit
  encoding = 92,            ///< input is not valid text in its encoding
  not_found = 99,           ///< an input or resource does not exist
};

/// 1-based line and column; 0 means unknown. Columns count bytes.
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool operator==(const SourcePos&) const = default;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string source_name = {}, SourcePos pos = {})
      : std::runtime_error(std::move(message)),
        code_(code),
        source_name_(std::move(source_name)),
        pos_(pos) {}

  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  [[nodiscard]] const std::string& source_name() const noexcept { return source_name_; }
  [[nodiscard]] SourcePos pos() const noexcept { return pos_; }
  /// Returns a copy naming `name` when this error names no file yet.
  [[nodiscard]] Error with_source(const std::string& name) const {
    return source_name_.empty() ? Error(code_, what(), name, pos_) : *this;
  }

 private:
  ErrorCode code_;
  std::string source_name_;
  SourcePos pos_;
};

/// "file:line:col: " / "file:line: " / "file: " / "" as GNU tools print locations.
std::string format_location(const std::string& source_name, SourcePos pos);

}  // namespace sheaf
