#include "converters/shared/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.hpp"

namespace sheaf::unicode {

int char_width(char32_t cp) noexcept {
  const auto c = static_cast<UChar32>(cp);
  if (cp == 0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  const auto gc = static_cast<UCharCategory>(u_charType(c));
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) return 0;
  if (cp >= 0x1160 && cp <= 0x11FF) return 0;  // Hangul medial vowels and final consonants combine
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
  return 1;
}

std::size_t display_width(std::string_view utf8) noexcept {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const auto b = static_cast<unsigned char>(utf8[pos]);
    if (b < 0x80) {
      ++pos;
      width += (b >= 0x20 && b != 0x7F) ? 1 : 0;
      continue;
    }
    width += static_cast<std::size_t>(char_width(utf8::decode(utf8, pos)));
  }
  return width;
}

bool drops_segment_break(char32_t cp) noexcept {
  const auto c = static_cast<UChar32>(cp);
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw != U_EA_WIDE && eaw != U_EA_FULLWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) != USCRIPT_HANGUL;
}

}  // namespace sheaf::unicode
