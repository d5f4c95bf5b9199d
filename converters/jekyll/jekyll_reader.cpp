// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/jekyll/jekyll.hpp"
#include "core/error.hpp"

namespace sheaf::jekyll {
Document read(const Input&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the jekyll reader is not available yet");
}
}  // namespace sheaf::jekyll
