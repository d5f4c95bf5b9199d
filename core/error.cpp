#include "core/error.hpp"

#include "core/diagnostics.hpp"

namespace sheaf {

std::string format_location(const std::string& source_name, SourcePos pos) {
  if (source_name.empty()) return {};
  std::string out = source_name;
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  out += ": ";
  return out;
}

std::string render(const Diagnostic& d) {
  std::string out = format_location(d.source_name, d.pos);
  out += d.severity == Severity::warning ? "warning: " : "info: ";
  out += d.message;
  if (!d.id.empty()) out += " [" + d.id + "]";
  return out;
}

}  // namespace sheaf
