#pragma once
// Unicode character properties sheaf needs, from ICU: display width as a terminal counts it, and
// which characters are written without spaces between them (CJK).
#include <cstddef>
#include <string_view>

namespace sheaf::unicode {

/// Columns a terminal gives `cp`: 2 for East Asian Wide/Fullwidth, 0 for combining marks,
/// format and control characters, else 1.
int char_width(char32_t cp) noexcept;

/// Sum of char_width over the UTF-8 string.
std::size_t display_width(std::string_view utf8) noexcept;

/// True for characters of scripts written without inter-word spaces where a source line break
/// between two of them is not a space (CSS Text 3 segment-break rule): East Asian Wide/Fullwidth
/// characters other than Hangul.
bool drops_segment_break(char32_t cp) noexcept;

}  // namespace sheaf::unicode
