#pragma once
// Hostile inputs in unit tests are mostly one unit repeated: `repeat("![[]()", 4000)`.
#include <string>
#include <string_view>

namespace sheaf::test {

inline std::string repeat(std::string_view unit, int n) {
  std::string out;
  out.reserve(unit.size() * static_cast<std::size_t>(n > 0 ? n : 0));
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

}  // namespace sheaf::test
