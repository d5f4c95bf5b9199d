#pragma once
// Which ASCII characters of a Jekyll post's text kramdown's typography would change, so that the
// Markdown writer escapes exactly those. Text that was straight in a post's raw HTML (where
// kramdown leaves quotes alone) must stay straight when it is written as Markdown text; kramdown
// (and the Jekyll reader, converters/jekyll/typography.hpp) leave a backslash-escaped character
// as it is (kramdown's escapable characters include `'` `"` `-` `.` `<` `>`).
#include <cstddef>
#include <string_view>

namespace sheaf::markdown {

/// True when `text[k]` is one kramdown's typography would replace: every `'` and `"` (smart
/// quotes: each rule of kramdown's smart_quotes.rb replaces the quote it looks at), and each `-`
/// of a run of two or more (`--`, `---`), each `.` of a run of three or more (`...`), each `<` or
/// `>` of a run of two or more (`<<`, `>>`). A run continues into the characters written just
/// before and after `text` (`before`, `after`; any other value when none). Escaping every
/// character of such a run leaves no two unescaped ones together.
bool md_kramdown_typographic(std::string_view text, std::size_t k, char32_t before, char32_t after);

}  // namespace sheaf::markdown
