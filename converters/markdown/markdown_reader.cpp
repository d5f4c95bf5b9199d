// Placeholder until this converter lands.
#include "converters/markdown/markdown.hpp"
#include "core/error.hpp"

namespace sheaf::markdown {
Document read(const Input&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the markdown reader is not available yet");
}
Blocks read_body(std::string_view, const std::string&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the markdown reader is not available yet");
}
}  // namespace sheaf::markdown
