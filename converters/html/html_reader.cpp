// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/html/html.hpp"
#include "core/error.hpp"

namespace sheaf::html {
Document read(const Input&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the html reader is not available yet");
}
}  // namespace sheaf::html
namespace sheaf::html {
Blocks read_fragment(std::string_view, const std::string&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the html reader is not available yet");
}
}  // namespace sheaf::html
