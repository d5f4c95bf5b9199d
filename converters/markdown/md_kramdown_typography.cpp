#include "converters/markdown/md_kramdown_typography.hpp"

namespace sheaf::markdown {

bool md_kramdown_typographic(std::string_view text, std::size_t k, char32_t before, char32_t after) {
  const char c = text[k];
  std::size_t shortest = 0;  // the shortest run kramdown replaces
  switch (c) {
    case '\'':
    case '"': return true;
    case '-':
    case '<':
    case '>': shortest = 2; break;
    case '.': shortest = 3; break;
    default: return false;
  }
  std::size_t first = k, last = k + 1;
  while (first > 0 && text[first - 1] == c) --first;
  while (last < text.size() && text[last] == c) ++last;
  std::size_t run = last - first;
  if (first == 0 && before == static_cast<unsigned char>(c)) ++run;
  if (last == text.size() && after == static_cast<unsigned char>(c)) ++run;
  return run >= shortest;
}

}  // namespace sheaf::markdown
