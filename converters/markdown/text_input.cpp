#include "converters/markdown/text_input.hpp"

#include "converters/shared/text_encoding.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::markdown {
namespace {

/// CRLF and lone CR become LF in one pass; the common LF-only text is returned untouched.
std::string normalise_line_ends(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') { out += text[i]; continue; }
    out += '\n';
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

/// Text that starts with a UTF-16 byte-order mark (Windows editors write it), as UTF-8. Unpaired
/// surrogates, NUL and a trailing odd byte become U+FFFD, counted in `report`.
std::string decode_utf16(std::string_view bytes, bool little_endian, utf8::Repair& report) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    return static_cast<char32_t>(hi << 8 | lo);
  };
  const auto replace = [&] {
    if (report.replaced++ == 0) report.first_bad = out.size();
    utf8::append(out, utf8::replacement);
  };
  std::size_t i = 2;  // after the byte-order mark
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) replace();
    else utf8::append(out, cp);
  }
  if (i < bytes.size()) replace();
  return out;
}

}  // namespace

std::string clean_text_input(const Input& input, const ReaderOptions& options, Context& context,
                             std::string_view id_prefix) {
  if (input.bytes.size() > options.max_input_bytes)
    throw Error(ErrorCode::limit,
                "input is " + std::to_string(input.bytes.size()) + " bytes, over the limit of " +
                    std::to_string(options.max_input_bytes) + " (--max-input-size)",
                input.name);
  if (options.input_encoding.empty() && utf8::is_clean(input.bytes))
    return normalise_line_ends(std::string(input.bytes));
  const std::string_view bom = input.bytes.substr(0, 2);
  if (bom != "\xFF\xFE" && bom != "\xFE\xFF") {
    // Legacy encodings (GBK, Big5, Shift_JIS…) are detected and decoded as for HTML pages.
    return normalise_line_ends(text_encoding::decode_to_utf8(input.bytes, options.input_encoding, input.name,
                                                             context, id_prefix));
  }

  utf8::Repair report;
  std::string text;
  std::string_view located;  // the text report.first_bad is an offset into
  const std::string_view head = input.bytes.substr(0, 2);
  if (head == "\xFF\xFE" || head == "\xFE\xFF") {
    text = decode_utf16(input.bytes, head == "\xFF\xFE", report);
    located = text;
  } else {
    text = utf8::repair(input.bytes, &report);
    located = input.bytes;
    if (located.substr(0, 3) == "\xEF\xBB\xBF") located.remove_prefix(3);
  }
  if (report.replaced > 0) {
    const auto [line, column] = utf8::line_column(located, report.first_bad);
    context.report(Diagnostic{
        Severity::warning, std::string(id_prefix) + ".invalid_utf8",
        std::to_string(report.replaced) +
            (report.replaced == 1 ? " invalid UTF-8 sequence or NUL byte"
                                  : " invalid UTF-8 sequences or NUL bytes") +
            " replaced with U+FFFD; the first is here",
        input.name, SourcePos{line, column}});
  }
  return normalise_line_ends(std::move(text));
}

}  // namespace sheaf::markdown
