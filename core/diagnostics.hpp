#pragma once
// Recoverable problems are data, never prints: a reader or writer reports a Diagnostic through its
// Context and carries on. The id is a stable dotted name documented in docs/errors.md.
#include <string>

#include "core/error.hpp"

namespace sheaf {

enum class Severity { info, warning };

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string id;       ///< stable, e.g. "html.depth_limit"
  std::string message;  ///< one line, no trailing period
  std::string source_name;
  SourcePos pos;
};

/// GNU form: "file:line:col: warning: message [id]".
std::string render(const Diagnostic& d);

}  // namespace sheaf
