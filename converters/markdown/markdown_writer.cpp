// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/markdown/markdown.hpp"
#include "core/error.hpp"

namespace sheaf::markdown {
void write(const Document&, const WriterOptions&, Context&, std::ostream&) {
  throw Error(ErrorCode::refused, "the markdown writer is not available yet");
}
}  // namespace sheaf::markdown
