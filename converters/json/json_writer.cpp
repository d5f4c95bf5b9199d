// The JSON writer: encode the model as events, lay them out, write the bytes in one piece.
#include <string>

#include "converters/json/json.hpp"
#include "converters/json/json_encoder.hpp"
#include "converters/json/json_printer.hpp"
#include "core/error.hpp"

namespace sheaf::json {

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  const Events events = encode(doc, context);
  std::string text;
  std::size_t estimate = 0;
  for (const Event& e : events) estimate += e.text.size() + 16;
  text.reserve(estimate);
  const PrintResult printed = print(events, options.json.pretty, text);
  if (printed.invalid_utf8 > 0)
    context.report(Diagnostic{Severity::warning, "json.invalid_utf8",
                              std::to_string(printed.invalid_utf8) +
                                  " invalid UTF-8 sequence(s) in the document written as U+FFFD",
                              doc.source_name, {}});
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw Error(ErrorCode::io, "cannot write the JSON output");
}

}  // namespace sheaf::json
