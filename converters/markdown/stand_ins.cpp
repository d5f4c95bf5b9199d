#include "converters/markdown/stand_ins.hpp"

#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

std::uint32_t decode(const unsigned char* s, std::size_t n) {
  if (n >= 3 && (s[0] & 0xF0) == 0xE0) return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  if (n >= 4 && (s[0] & 0xF8) == 0xF0)
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
  return 0;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string encode(std::uint32_t cp) {
  std::string u;
  if (cp < 0x10000) {
    u += static_cast<char>(0xE0 | (cp >> 12));
  } else {
    u += static_cast<char>(0xF0 | (cp >> 18));
    u += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  }
  u += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  u += static_cast<char>(0x80 | (cp & 0x3F));
  return u;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::string out;
  std::size_t at = 0;
  for (std::size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, at)) {
    out.append(s, at, hit - at);
    out += to;
    at = hit + from.size();
  }
  if (at == 0) return;
  out.append(s, at, std::string::npos);
  s = std::move(out);
}

}  // namespace

std::vector<std::string> pick_stand_ins(std::string_view text, std::size_t count, const StandInRange* ranges,
                                        std::size_t range_count) {
  std::vector<std::size_t> offset(range_count + 1, 0);
  for (std::size_t r = 0; r < range_count; ++r) offset[r + 1] = offset[r] + (ranges[r].last - ranges[r].first + 1);
  std::vector<bool> used(offset[range_count], false);
  const auto mark_used = [&](std::uint32_t cp) {
    for (std::size_t r = 0; r < range_count; ++r)
      if (cp >= ranges[r].first && cp <= ranges[r].last) used[offset[r] + (cp - ranges[r].first)] = true;
  };
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (s[i] >= 0xE0) {
      mark_used(decode(s + i, text.size() - i));
    } else if (s[i] == '%') {
      unsigned char bytes[4];
      std::size_t n = 0;
      for (std::size_t k = i; n < 4 && k + 2 < text.size() && text[k] == '%'; k += 3) {
        const int hi = hex(text[k + 1]), lo = hex(text[k + 2]);
        if (hi < 0 || lo < 0) break;
        bytes[n++] = static_cast<unsigned char>(hi * 16 + lo);
      }
      mark_used(decode(bytes, n));
    }
  }
  std::vector<std::string> out;
  for (std::size_t r = 0; r < range_count && out.size() < count; ++r)
    for (std::uint32_t cp = ranges[r].first; cp <= ranges[r].last && out.size() < count; ++cp)
      if (!used[offset[r] + (cp - ranges[r].first)] && (cp & 0xFFFE) != 0xFFFE) out.push_back(encode(cp));
  if (out.size() < count)
    throw Error(ErrorCode::limit, "Markdown text uses every private-use character a guard could stand in with");
  return out;
}

void restore_stand_in(std::string& html, std::string_view stand_in, std::string_view mark,
                      std::string_view mark_in_href) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  replace_all(html, stand_in, mark);
  std::string percent;
  for (unsigned char c : stand_in) {
    percent += '%';
    percent += kHex[c >> 4];
    percent += kHex[c & 0x0F];
  }
  replace_all(html, percent, mark_in_href);
}

}  // namespace sheaf::markdown
