#pragma once
// Private-use characters that stand in for Markdown marks while cmark-gfm parses a guarded text
// (cmark_guard, cmark_table_guard), and putting the marks back in cmark's HTML. Shared so that
// every guard picks its stand-ins the same way and no two guards can pick the same one.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::markdown {

/// A range of private-use code points a guard draws its stand-ins from. The guards use disjoint
/// ranges, so stand-ins never collide whichever guard runs first.
struct StandInRange {
  std::uint32_t first;
  std::uint32_t last;
};
inline constexpr StandInRange kEmphasisStandIns[] = {{0xE000, 0xF8FF}, {0xF0000, 0xFFFFD}};
inline constexpr StandInRange kTableStandIns[] = {{0x100000, 0x10FFFD}};

/// `count` UTF-8 code points from `ranges`, in order, that occur in `text` neither as characters
/// nor percent-encoded (cmark writes a stand-in inside an href that way). Noncharacters
/// (U+xFFFE, U+xFFFF) are skipped. Throws Error{limit} when the ranges are used up.
template <std::size_t N>
std::vector<std::string> pick_stand_ins(std::string_view text, std::size_t count, const StandInRange (&ranges)[N]) {
  return pick_stand_ins(text, count, ranges, N);
}
std::vector<std::string> pick_stand_ins(std::string_view text, std::size_t count, const StandInRange* ranges,
                                        std::size_t range_count);

/// Replaces every `stand_in` in `html` by `mark`, and its percent-encoded spelling (as cmark's href
/// escaping writes it) by `mark_in_href`.
void restore_stand_in(std::string& html, std::string_view stand_in, std::string_view mark,
                      std::string_view mark_in_href);

}  // namespace sheaf::markdown
