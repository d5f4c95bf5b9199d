// Placeholder until this converter lands: a clear error instead of a silent empty output.
#include "converters/json/json.hpp"
#include "core/error.hpp"

namespace sheaf::json {
Document read(const Input&, const ReaderOptions&, Context&) {
  throw Error(ErrorCode::refused, "the json reader is not available yet");
}
}  // namespace sheaf::json
