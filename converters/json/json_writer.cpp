// The JSON writer: the encoder streams events into the printer, whose text goes out in chunks,
// so neither the events nor the whole text of a big document are ever held at once.
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

class StreamingOutput final : public EventSink {
 public:
  StreamingOutput(bool pretty, std::ostream& out) : printer_(pretty, text_), out_(out) {
    text_.reserve(kChunkBytes + kChunkBytes / 4);
  }
  void event(const Event& e) override {
    printer_.event(e);
    if (text_.size() >= kChunkBytes) flush();
  }
  PrintResult finish() {
    const PrintResult result = printer_.finish();
    flush();
    return result;
  }

 private:
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    if (!out_) throw Error(ErrorCode::io, "cannot write the JSON output");
    text_.clear();
  }
  std::string text_;
  Printer printer_;
  std::ostream& out_;
};

}  // namespace

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  StreamingOutput output(options.json.pretty, out);
  encode(doc, context, output);
  const PrintResult printed = output.finish();
  if (printed.invalid_utf8 > 0)
    context.report(Diagnostic{Severity::warning, "json.invalid_utf8",
                              std::to_string(printed.invalid_utf8) +
                                  " invalid UTF-8 sequence(s) in the document written as U+FFFD",
                              doc.source_name, {}});
}

}  // namespace sheaf::json
