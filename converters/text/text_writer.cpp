// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/text/text.hpp"
#include "core/error.hpp"

namespace sheaf::text {
void write(const Document&, const WriterOptions&, Context&, std::ostream&) {
  throw Error(ErrorCode::refused, "the text writer is not available yet");
}
}  // namespace sheaf::text
