// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/json/json.hpp"
#include "core/error.hpp"

namespace sheaf::json {
void write(const Document&, const WriterOptions&, Context&, std::ostream&) {
  throw Error(ErrorCode::refused, "the json writer is not available yet");
}
}  // namespace sheaf::json
