#pragma once
// A model of cmark-gfm 0.29's delimiter algorithm (inlines.c process_emphasis, and the
// strikethrough extension), used by the writer to check that the `*`, `_` and `~` delimiters it
// chose are paired by a renderer exactly as the document nests them. CommonMark's flanking rules
// make some choices fail (`**（测试）**后文` is not strong; `***x***` nests em outside strong), and
// the writer repairs those the model reports.
#include <cstddef>
#include <vector>

namespace sheaf::markdown {

/// Left/right flanking of a delimiter run between `before` and `after` (line edges count as
/// U+000A), and whether a run of `ch` there can open or close.
struct Flanking {
  bool can_open = false;
  bool can_close = false;
};
Flanking md_flanking(char ch, char32_t before, char32_t after) noexcept;

/// One writer delimiter (an opener or a closer of emphasis node `node`) inside a run.
struct DelimPart {
  std::size_t node = 0;
  bool is_open = false;
  int length = 1;
};

/// A maximal run of one delimiter character in the output, in output order. Its parts are
/// parts[first_part, first_part + part_count) of the vector passed along with the runs (one
/// vector for all runs rather than one each: a long paragraph has hundreds of thousands of runs).
struct DelimRun {
  char ch = '*';
  Flanking flanking;
  std::size_t first_part = 0;  ///< parts left to right; their lengths sum to the run's length
  std::size_t part_count = 0;
};

enum class EmphKind { emph, strong, strike };

/// Runs the algorithm over the runs of one inline scope (a paragraph outside links, or one link's
/// text) and sets ok[node] = true for each node whose opener and closer the renderer pairs with
/// each other, consuming exactly their characters as the intended kind. Other entries of `ok` for
/// nodes in these runs are set false.
void md_check_emphasis(const std::vector<DelimRun>& runs, const std::vector<DelimPart>& parts,
                       const std::vector<EmphKind>& kinds, std::vector<bool>& ok);

}  // namespace sheaf::markdown
