#pragma once
// Character classes exactly as cmark-gfm 0.29 uses them for emphasis flanking (utf8.c): the
// writer predicts how a renderer will pair `*`, `_` and `~` delimiter runs, so it must classify
// neighbours the way the renderer does, not the way ICU's newest tables would.
#include <cstddef>
#include <string_view>

namespace sheaf::markdown {

/// cmark's "Unicode whitespace": Zs plus tab, LF, FF, CR.
bool md_is_space(char32_t cp) noexcept;

/// cmark's "punctuation": ASCII punctuation plus General_Category P* (Pc Pd Pe Pf Pi Po Ps).
bool md_is_punctuation(char32_t cp) noexcept;

/// ASCII punctuation: the characters a backslash can escape.
constexpr bool md_is_ascii_punct(char c) noexcept {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

/// How a neighbour of a delimiter run counts for flanking: the edge of the line counts as space.
enum class CharClass { space, punct, other };
CharClass md_char_class(char32_t cp) noexcept;

/// The last code point of `s` (U+000A, i.e. a line edge, when `s` is empty).
char32_t md_last_code_point(std::string_view s) noexcept;
/// The first code point of `s` (U+000A when empty).
char32_t md_first_code_point(std::string_view s) noexcept;

}  // namespace sheaf::markdown
