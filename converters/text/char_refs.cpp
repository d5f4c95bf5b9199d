#include "converters/text/char_refs.hpp"

#include <array>
#include <utility>

#include "core/utf8.hpp"

namespace sheaf::text {
namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 6> kNamed{{
    {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", U'\u00A0'},
}};

/// The code point of the reference body between '&' and ';', or 0 when it is not one we decode.
char32_t reference(std::string_view body) {
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    char32_t value = 0;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return 0;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return utf8::replacement;
    return value;
  }
  for (const auto& [name, cp] : kNamed)
    if (body == name) return cp;
  return 0;
}

}  // namespace

std::string decode_char_refs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '&') {
      const std::size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 12) {
        if (const char32_t cp = reference(s.substr(i + 1, semi - i - 1))) {
          utf8::append(out, cp);
          i = semi + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace sheaf::text
