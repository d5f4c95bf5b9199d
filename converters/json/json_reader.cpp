// The JSON reader: check the limits, repair the encoding, parse (json_parse.cpp, the nlohmann
// adapter), decode the tree into the model (json_decoder.cpp), then drop javascript:/data: URLs,
// which JSON can carry verbatim and no reader may hand to a writer (core/url_safety.hpp).
#include <string>

#include "converters/json/json.hpp"
#include "converters/json/json_decoder.hpp"
#include "converters/json/json_parse.hpp"
#include "core/error.hpp"
#include "core/url_safety.hpp"
#include "core/utf8.hpp"

namespace sheaf::json {

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  if (input.bytes.size() > options.max_input_bytes)
    throw Error(ErrorCode::limit,
                "input is " + std::to_string(input.bytes.size()) + " bytes, over the limit of " +
                    std::to_string(options.max_input_bytes) + " (max_input_bytes)",
                input.name);
  // JSON text is UTF-8 (RFC 8259). Like every reader, repair rather than refuse: invalid bytes
  // become U+FFFD with one warning, and a byte-order mark is dropped.
  std::string repaired;
  std::string_view text = input.bytes;
  if (!utf8::is_clean(text)) {
    utf8::Repair report;
    repaired = utf8::repair(text, &report);
    if (report.replaced > 0) {
      // first_bad counts from after a byte-order mark, which repair() drops.
      const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
      const auto [line, column] = utf8::line_column(text, bom + report.first_bad);
      context.report(Diagnostic{Severity::warning, "json.invalid_utf8",
                                std::to_string(report.replaced) +
                                    " invalid UTF-8 sequence(s) or NUL byte(s) replaced by U+FFFD",
                                input.name, SourcePos{line, column}});
    }
    text = repaired;
  }
  Document doc = decode(parse(text, input.name, max_json_nesting(depth_limit(options.max_depth)),
                              depth_limit_message(options.max_depth)),
                        input, options);
  if (const std::size_t removed = drop_unsafe_urls(doc); removed > 0)
    context.report(Diagnostic{Severity::warning, "json.unsafe_url",
                              std::to_string(removed) +
                                  " javascript:, vbscript: or data: URL(s) removed: links keep "
                                  "their text, images and raw markup holding one are left out",
                              input.name, SourcePos{}});
  return doc;
}

}  // namespace sheaf::json
