#pragma once
// Line-break opportunities (Unicode UAX #14) from ICU's line break iterator. This is the text
// writer's only ICU adapter; the rest of the writer sees byte offsets.
//
// Tailoring on top of UAX #14, so a line never ends inside a word:
//   - no break after a hyphen or slash that stands between two letters or digits ("well-known",
//     "and/or", "2024/06");
//   - no break between two Hangul characters: Korean separates words with spaces and breaks
//     there (CSS word-break: keep-all), while Chinese and Japanese still break between characters.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

struct UBreakIterator;  // ICU's opaque C type (unicode/ubrk.h)

namespace sheaf::text {

/// One per render: opening ICU's line rules costs far more than re-targeting the iterator.
/// Not thread-safe; never shared between renders.
class LineBreaker {
 public:
  /// Throws Error{internal} when ICU cannot open its line-break rules.
  LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;
  LineBreaker(LineBreaker&&) noexcept = default;
  LineBreaker& operator=(LineBreaker&&) noexcept = default;
  ~LineBreaker() = default;

  /// Byte offsets p with 0 < p < utf8.size() where a new line may start, ascending. `utf8` should
  /// hold no newline (callers split hard breaks first). Throws Error{limit} past 2 GiB.
  [[nodiscard]] std::vector<std::size_t> opportunities(std::string_view utf8);

 private:
  struct Close {
    void operator()(UBreakIterator* iterator) const noexcept;
  };
  std::unique_ptr<UBreakIterator, Close> iterator_;
};

}  // namespace sheaf::text
