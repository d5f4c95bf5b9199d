#pragma once
// Greedy line filling by display width over UAX #14 break opportunities. A line is never broken
// anywhere else: a token wider than the width (a long URL, a long word) gets a line of its own and
// overflows it, and no line can start with closing punctuation because ICU offers no break there.
#include <cstddef>
#include <string_view>
#include <vector>

#include "converters/text/flow.hpp"
#include "converters/text/line_breaker.hpp"

namespace sheaf::text {

/// Bytes [begin, end) of Flow::text, trailing spaces excluded.
struct LineSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits at hard breaks, then fills lines up to `width` columns. width 0 means no wrapping.
/// Linear in the size of the flow.
[[nodiscard]] std::vector<LineSpan> wrap(const Flow& flow, std::size_t width, LineBreaker& breaker);

/// The widest piece no line may break inside (the narrowest a column holding `flow` can be).
[[nodiscard]] std::size_t widest_token(const Flow& flow, LineBreaker& breaker);

/// The widest hard line of `flow` (its width when not wrapped).
[[nodiscard]] std::size_t natural_width(const Flow& flow);

/// `s` with each U+00A0 printed as an ordinary space (the writer's documented choice).
[[nodiscard]] std::string printable(std::string_view s);

}  // namespace sheaf::text
