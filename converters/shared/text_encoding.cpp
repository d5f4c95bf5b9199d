#include "converters/shared/text_encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <uchardet.h>

#include <memory>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::text_encoding {
namespace {

struct UchardetDeleter {
  void operator()(uchardet* ud) const noexcept { uchardet_delete(ud); }
};
struct ConverterDeleter {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterDeleter>;

constexpr std::size_t kDeclarationWindow = 16 * 1024;
constexpr std::size_t kMinDetectionBytes = 8;  // non-ASCII bytes needed before uchardet is asked

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

ConverterPtr open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return c;
}

// Counts each illegal or unmapped input sequence and writes one U+FFFD for it, so that every
// converter substitutes the same character (some ICU tables would write U+001A).
struct Substitutions {
  std::size_t count = 0;
};

void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* status) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  ++const_cast<Substitutions*>(static_cast<const Substitutions*>(context))->count;
  *status = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

// Decodes with ICU, returning the number of substituted sequences (NUL characters included).
std::size_t icu_decode(std::string_view bytes, UConverter* converter, std::string& out) {
  Substitutions subs;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, substitute_and_count, &subs, nullptr, nullptr, &status);
  // Convert in chunks so memory stays proportional to the input and no size can overflow int32.
  std::u16string buffer(64 * 1024, u'\0');
  const char* src = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  out.reserve(bytes.size() + bytes.size() / 2);
  bool done = false;
  while (!done) {
    UChar* target = reinterpret_cast<UChar*>(buffer.data());
    UChar* const target_end = target + buffer.size();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, target_end, &src, end, nullptr, /*flush=*/true, &status);
    done = status != U_BUFFER_OVERFLOW_ERROR;
    const UChar* p = reinterpret_cast<const UChar*>(buffer.data());
    while (p < target) {
      char32_t cp = *p++;
      if (cp >= 0xD800 && cp <= 0xDBFF && p < target && *p >= 0xDC00 && *p <= 0xDFFF)
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*p++ - 0xDC00);
      else if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;  // a surrogate split across chunks cannot happen with flush; be safe anyway
      if (cp == 0) { cp = 0xFFFD; ++subs.count; }
      utf8::append(out, cp);
    }
  }
  return subs.count;
}

std::string detect(std::string_view bytes) {
  std::unique_ptr<uchardet, UchardetDeleter> ud(uchardet_new());
  if (!ud) return {};
  // uchardet settles within the first few hundred KiB; the cap keeps detection cheap.
  const std::size_t n = bytes.size() < (1u << 20) ? bytes.size() : (1u << 20);
  if (uchardet_handle_data(ud.get(), bytes.data(), n) != 0) return {};
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name ? lower_trimmed(name) : std::string{};
}

// Valid multi-byte UTF-8 sequences versus invalid bytes: legacy CJK text yields mostly invalid
// bytes, UTF-8 damaged in transit mostly valid sequences.
bool mostly_utf8(std::string_view bytes) {
  std::size_t valid = 0, invalid = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) { ++pos; continue; }
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(bytes, pos);
    if (cp == 0xFFFD && pos - start == 1) ++invalid;
    else ++valid;
  }
  return valid > 0 && valid >= 4 * invalid;
}

std::string repair_utf8(std::string_view bytes, const std::string& source_name, Context& context,
                        std::string_view reader) {
  utf8::Repair report;
  std::string out = utf8::repair(bytes, &report);
  if (report.replaced > 0) {
    auto [line, col] = utf8::line_column(bytes, report.first_bad);
    context.report(Diagnostic{Severity::warning, std::string(reader) + ".invalid_utf8",
                              std::to_string(report.replaced) +
                                  " invalid UTF-8 sequence(s) or NUL byte(s) replaced by U+FFFD",
                              source_name, SourcePos{line, col}});
  }
  return out;
}

std::string decode_with(std::string_view bytes, const std::string& name, UConverter* converter,
                         const std::string& source_name, Context& context, std::string_view reader) {
  std::string out;
  const std::size_t replaced = icu_decode(bytes, converter, out);
  if (replaced > 0)
    context.report(Diagnostic{Severity::warning, std::string(reader) + ".invalid_bytes",
                              std::to_string(replaced) + " byte sequence(s) invalid in " + name +
                                  " or NUL replaced by U+FFFD",
                              source_name, {}});
  return out;
}

}  // namespace

std::string canonical_name(std::string_view label) {
  const std::string l = lower_trimmed(label);
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8")
    return "utf-8";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80" || l == "chinese" ||
      l == "csgb2312" || l == "iso-ir-58" || l == "gb18030" || l == "cp936" || l == "windows-936")
    return "gb18030";
  if (l == "big5" || l == "big5-hkscs" || l == "cn-big5" || l == "x-x-big5" || l == "csbig5")
    return "big5-hkscs";
  if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "ms_kanji" || l == "x-sjis" ||
      l == "windows-31j" || l == "csshiftjis" || l == "cp932" || l == "ms932")
    return "windows-31j";
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "windows-949" || l == "korean" || l == "cseuckr" ||
      l == "uhc" || l == "cp949")
    return "windows-949";
  if (l == "iso-8859-1" || l == "latin1" || l == "l1" || l == "us-ascii" || l == "ascii" ||
      l == "windows-1252" || l == "cp1252" || l == "iso8859-1" || l == "iso_8859-1" || l == "x-cp1252")
    return "windows-1252";
  return l;
}

bool is_supported(std::string_view label) {
  const std::string name = canonical_name(label);
  return name == "utf-8" || open_converter(name) != nullptr;
}

std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kDeclarationWindow));
  for (char& c : head) c = ascii_lower(c);
  auto value_at = [&](std::size_t p) {
    while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ' || head[p] == '=')) ++p;
    std::size_t e = p;
    while (e < head.size() && head[e] != '"' && head[e] != '\'' && head[e] != ' ' && head[e] != ';' &&
           head[e] != '>' && head[e] != '/' && e - p < 40)
      ++e;
    return head.substr(p, e - p);
  };
  // <?xml version="1.0" encoding="gbk"?> at the very start.
  if (head.rfind("<?xml", 0) == 0) {
    const auto close = head.find("?>");
    const auto enc = head.find("encoding", 0);
    if (enc != std::string::npos && enc < close) return value_at(enc + 8);
  }
  // The first `charset` inside a <meta …> tag (meta charset=… or http-equiv content="…; charset=…").
  for (std::size_t m = head.find("<meta"); m != std::string::npos; m = head.find("<meta", m + 5)) {
    const auto close = head.find('>', m);
    const auto cs = head.find("charset", m);
    if (cs == std::string::npos) break;
    if (close != std::string::npos && cs > close) continue;
    std::string v = value_at(cs + 7);
    if (!v.empty()) return v;
  }
  return {};
}

std::string decode_to_utf8(std::string_view bytes, const std::string& forced_encoding,
                           const std::string& source_name, Context& context, std::string_view reader) {
  if (!forced_encoding.empty()) {
    const std::string name = canonical_name(forced_encoding);
    if (name == "utf-8") return repair_utf8(bytes, source_name, context, reader);
    ConverterPtr converter = open_converter(name);
    if (!converter) throw Error(ErrorCode::usage, "unknown input encoding '" + forced_encoding + "' (--input-encoding)");
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return decode_with(bytes, name, converter.get(), source_name, context, reader);
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const std::string name = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    ConverterPtr converter = open_converter(name);
    return decode_with(bytes.substr(2), name, converter.get(), source_name, context, reader);
  }
  if (utf8::is_clean(bytes)) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return std::string(bytes);
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return repair_utf8(bytes, source_name, context, reader);
  if (const std::string declared = declared_charset(bytes); !declared.empty()) {
    const std::string name = canonical_name(declared);
    if (name == "utf-8" || name == "utf-16" || name == "utf-16le" || name == "utf-16be")
      return repair_utf8(bytes, source_name, context, reader);  // a UTF-16 label on ASCII-compatible bytes is wrong
    if (ConverterPtr converter = open_converter(name))
      return decode_with(bytes, name, converter.get(), source_name, context, reader);
    context.report(Diagnostic{Severity::warning, std::string(reader) + ".unknown_encoding",
                              "declared charset '" + declared + "' is unknown; guessing the encoding instead",
                              source_name, {}});
  }
  if (mostly_utf8(bytes)) return repair_utf8(bytes, source_name, context, reader);
  // A handful of stray bytes is no evidence of an encoding: repair (with a warning) rather than guess.
  std::size_t non_ascii = 0;
  for (char c : bytes) non_ascii += static_cast<unsigned char>(c) >= 0x80;
  if (non_ascii < kMinDetectionBytes) return repair_utf8(bytes, source_name, context, reader);
  const std::string guess = canonical_name(detect(bytes));
  if (guess.empty() || guess == "utf-8") return repair_utf8(bytes, source_name, context, reader);
  ConverterPtr converter = open_converter(guess);
  if (!converter) return repair_utf8(bytes, source_name, context, reader);
  context.report(Diagnostic{Severity::info, std::string(reader) + ".encoding_detected",
                            "no charset declared; decoded as " + guess + " (detected)", source_name, {}});
  return decode_with(bytes, guess, converter.get(), source_name, context, reader);
}

}  // namespace sheaf::text_encoding
