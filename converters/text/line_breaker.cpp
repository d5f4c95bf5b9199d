#include "converters/text/line_breaker.hpp"

#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::text {
namespace {

/// A UText over UTF-8 bytes, closed on every exit path. Native indexes are byte offsets.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, bytes.data(), static_cast<std::int64_t>(bytes.size()), &status);
    if (U_FAILURE(status))
      throw Error(ErrorCode::internal, std::string("ICU cannot read text: ") + u_errorName(status));
  }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  ~Utf8Text() { utext_close(&text_); }
  UText* get() noexcept { return &text_; }

 private:
  UText text_ = UTEXT_INITIALIZER;
};

/// The code point that ends just before byte `end` (end > 0).
char32_t code_point_before(std::string_view s, std::size_t end) noexcept {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  return utf8::decode(s, start);
}

bool is_hangul(char32_t cp) noexcept {
  switch (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK)) {
    case U_LB_H2: case U_LB_H3: case U_LB_JL: case U_LB_JV: case U_LB_JT: return true;
    default: return false;
  }
}

/// The tailoring (see the header): true when the UAX #14 opportunity at `p` falls inside a word.
bool inside_word(std::string_view s, std::size_t p) noexcept {
  std::size_t at = p;
  const char32_t after = utf8::decode(s, at);
  const char mark = s[p - 1];
  if (mark == '-' || mark == '/') {
    if (p < 2) return false;
    const char32_t before = code_point_before(s, p - 1);
    return u_isalnum(static_cast<UChar32>(before)) && u_isalnum(static_cast<UChar32>(after));
  }
  // Korean separates words with spaces: a Hangul word stays whole, as in CSS word-break: keep-all.
  return is_hangul(after) && is_hangul(code_point_before(s, p));
}

}  // namespace

void LineBreaker::Close::operator()(UBreakIterator* iterator) const noexcept { ubrk_close(iterator); }

LineBreaker::LineBreaker() {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale: UAX #14 with ICU's default CJK tailoring (strict treatment of small kana).
  iterator_.reset(ubrk_open(UBRK_LINE, "", nullptr, 0, &status));
  if (U_FAILURE(status) || !iterator_)
    throw Error(ErrorCode::internal,
                std::string("ICU cannot open its line-break rules: ") + u_errorName(status));
}

std::vector<std::size_t> LineBreaker::opportunities(std::string_view utf8) {
  std::vector<std::size_t> out;
  if (utf8.size() < 2) return out;
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw Error(ErrorCode::limit, "a paragraph longer than 2 GiB cannot be wrapped");
  Utf8Text text(utf8);
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setUText(iterator_.get(), text.get(), &status);
  if (U_FAILURE(status))
    throw Error(ErrorCode::internal, std::string("ICU cannot break text: ") + u_errorName(status));
  ubrk_first(iterator_.get());
  for (std::int32_t p = ubrk_next(iterator_.get()); p != UBRK_DONE; p = ubrk_next(iterator_.get())) {
    const auto at = static_cast<std::size_t>(p);
    if (at == 0 || at >= utf8.size()) continue;
    if (inside_word(utf8, at)) continue;
    out.push_back(at);
  }
  // The iterator must not keep pointing at `text`, which is closed on return.
  ubrk_setText(iterator_.get(), nullptr, 0, &status);
  return out;
}

}  // namespace sheaf::text
