#pragma once
// UTF-8 decoding and repair. Every reader repairs its input first, so C libraries downstream never
// see invalid UTF-8 or NUL bytes (libxml2 would switch to Latin-1, cmark would stop early).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sheaf::utf8 {

inline constexpr char32_t replacement = U'\uFFFD';

/// Decodes the code point at `pos` and advances `pos` past it. Invalid or truncated sequences
/// decode as U+FFFD and advance by one byte.
char32_t decode(std::string_view s, std::size_t& pos) noexcept;

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

struct Repair {
  std::size_t replaced = 0;   ///< invalid sequences and NUL bytes replaced by U+FFFD
  std::size_t first_bad = 0;  ///< byte offset of the first replacement (when replaced > 0)
};

/// Returns true when `s` is valid UTF-8 with no NUL byte (the fast path: nothing to repair).
bool is_clean(std::string_view s) noexcept;

/// Copies `s`, replacing each invalid sequence and each NUL byte with U+FFFD, and drops a leading
/// byte-order mark.
std::string repair(std::string_view s, Repair* report = nullptr);

/// 1-based line and column (bytes) of byte `offset` in `s`.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view s, std::size_t offset) noexcept;

}  // namespace sheaf::utf8
