#pragma once
// Writer output split into its lines, for tests that check every line (widths, prefixes).
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::test {

/// The lines of `s` without their '\n'; a final line needs no '\n' ("a\nb" and "a\nb\n" are both
/// {"a", "b"}), and "" has none.
inline std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      break;
    }
    out.emplace_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace sheaf::test
