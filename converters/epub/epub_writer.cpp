// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/epub/epub.hpp"
#include "core/error.hpp"

namespace sheaf::epub {
void write(const Document&, const WriterOptions&, Context&, std::ostream&) {
  throw Error(ErrorCode::refused, "the epub writer is not available yet");
}
}  // namespace sheaf::epub
