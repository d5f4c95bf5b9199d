#include "core/utf8.hpp"

#include <cstring>

namespace sheaf::utf8 {

char32_t decode(std::string_view s, std::size_t& pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) { ++pos; return b0; }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { ++pos; return replacement; }
  if (pos + len > s.size()) { ++pos; return replacement; }
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) { ++pos; return replacement; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return replacement; }
  pos += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_clean(std::string_view s) noexcept {
  // Every reader calls this on its whole input (bench/RESULTS.md: 14-30 instructions a byte before
  // the fast paths), so ASCII runs go eight bytes at a time and well-formed three-byte sequences
  // (CJK) are checked in place; anything else takes the general decode below.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t pos = 0;
  while (pos < n) {
    while (pos + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + pos, 8);
      if ((w & 0x8080808080808080ull) != 0) break;
      // With every high bit clear, this is non-zero exactly when one of the bytes is zero.
      if (((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0) return false;
      pos += 8;
    }
    if (pos >= n) break;
    const unsigned char b = p[pos];
    if (b == 0) return false;
    if (b < 0x80) { ++pos; continue; }
    if ((b & 0xF0) == 0xE0 && pos + 2 < n && (p[pos + 1] & 0xC0) == 0x80 && (p[pos + 2] & 0xC0) == 0x80) {
      const char32_t cp = static_cast<char32_t>(((b & 0x0Fu) << 12) | ((p[pos + 1] & 0x3Fu) << 6) | (p[pos + 2] & 0x3Fu));
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { pos += 3; continue; }
      return false;  // overlong or a surrogate: decode would replace it too
    }
    const std::size_t start = pos;
    if (decode(s, pos) == replacement && !(pos - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD"))
      return false;
  }
  return !(s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF");
}

std::string repair(std::string_view s, Repair* report) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::string out;
  out.reserve(s.size());
  Repair r;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b != 0 && b < 0x80) { out += static_cast<char>(b); ++pos; continue; }
    const std::size_t start = pos;
    char32_t cp = b == 0 ? (++pos, replacement) : decode(s, pos);
    const bool genuine = cp == replacement && pos - start == 3;  // a real U+FFFD in the input
    if (cp == replacement && !genuine) {
      if (r.replaced++ == 0) r.first_bad = start;
    }
    if (cp == replacement || b == 0) append(out, replacement);
    else out.append(s.substr(start, pos - start));
  }
  if (report) *report = r;
  return out;
}

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view s, std::size_t offset) noexcept {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i)
    if (s[i] == '\n') { ++line; line_start = i + 1; }
  return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

}  // namespace sheaf::utf8
