// The JSON writer: the encoder drives the printer, whose text goes out in chunks, so neither the
// events nor the whole text of a big document are ever held at once.
#include <ostream>
#include <string>

#include "converters/json/json.hpp"
#include "converters/json/json_encoder.hpp"
#include "converters/json/json_printer.hpp"
#include "core/error.hpp"

namespace sheaf::json {
namespace {

/// Bytes of text collected before they are written out.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

class StreamOutput final : public TextSink {
 public:
  explicit StreamOutput(std::ostream& out) : out_(out) {}
  void write(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out_) throw Error(ErrorCode::io, "cannot write the JSON output");
  }

 private:
  std::ostream& out_;
};

}  // namespace

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  StreamOutput output(out);
  std::string buffer;
  Printer printer(options.json.pretty, buffer, output, kChunkBytes);
  encode(doc, context, printer);
  const PrintResult printed = printer.finish();
  if (printed.invalid_utf8 > 0)
    context.report(Diagnostic{Severity::warning, "json.invalid_utf8",
                              std::to_string(printed.invalid_utf8) +
                                  " invalid UTF-8 sequence(s) in the document written as U+FFFD",
                              doc.source_name, {}});
}

}  // namespace sheaf::json
