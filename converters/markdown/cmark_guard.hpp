#pragma once
// A linear pre-scan that keeps cmark-gfm 0.29.0.gfm.6 (Debian 12) out of its quadratic emphasis
// path. That version's process_emphasis, run at every matched link, image, reference or footnote
// close `]`, first walks the delimiter stack from the newest entry down to the link's stack
// bottom; when the link text holds no delimiter the walk never meets the bottom and runs over every
// emphasis delimiter (`*`, `_`, `~` run) still open earlier in the paragraph. A paragraph with D
// such runs and L links costs about D × L steps: 110 KB of `word *emph* [link](u) ` takes 0.05 s,
// 880 KB takes over a minute (docs/robustness.md). Later cmark-gfm versions bound the walk by
// position; until the system library has that, paragraphs over the limits below are parsed with
// their emphasis marks swapped for private-use stand-ins (no delimiters, so no walk), and the marks
// are put back in cmark's HTML: text, links, code and URLs come out as written, only the emphasis
// of those paragraphs is lost (it stays visible as the literal `*`, `_`, `~`).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"

namespace sheaf::markdown {

/// Budgets in delimiter-walk steps, as estimated by guard_emphasis (an upper bound on the steps).
struct GuardLimits {
  /// One paragraph (estimated per run of non-blank lines) above this is neutralised. Default
  /// 4,000,000: 2,000 emphasis runs before 2,000 links, about 10 ms of cmark; a tight list of
  /// 2,000 items like `- **name** [link](u)` (one run of lines) reaches it too.
  std::uint64_t max_paragraph_steps = 4'000'000;
  /// When the paragraphs under max_paragraph_steps add up to more than this, the costliest are
  /// neutralised until the rest fits, so many mid-sized paragraphs cannot add up to seconds.
  /// Default 40,000,000 (about 0.1 s of cmark).
  std::uint64_t max_total_steps = 40'000'000;
};

/// One run of non-blank lines whose emphasis marks were swapped for stand-ins.
struct NeutralisedParagraph {
  std::uint32_t line = 0;            ///< first line, 1-based, in the text given to guard_emphasis
  std::uint64_t emphasis_runs = 0;   ///< `*`, `_`, `~` runs counted in it
  std::uint64_t closing_brackets = 0;  ///< `]` counted in it
  std::uint64_t steps = 0;           ///< estimated delimiter-walk steps
};

struct GuardedMarkdown {
  /// Empty when nothing was neutralised: parse the original text. Else the text to parse.
  std::string text;
  std::vector<NeutralisedParagraph> neutralised;  ///< in line order
  /// The UTF-8 stand-ins for `*`, `_`, `~` (code points absent from the input), when used.
  std::array<std::string, 3> stand_ins;
};

/// Scans `markdown` in one pass and, for the paragraphs over `limits`, swaps every `*`, `~` and
/// non-intraword `_` that cannot be block syntax (list bullets, thematic breaks and fences stay)
/// for a stand-in. Throws Error{limit} in the absurd case that the input uses every one of the
/// 71,934 private-use code points the stand-ins are chosen from.
GuardedMarkdown guard_emphasis(std::string_view markdown, const GuardLimits& limits = {});

/// Puts `*`, `_`, `~` back in place of the stand-ins in cmark's output, also where cmark wrote
/// them percent-encoded (an href; that spelling is absent from the input too). A no-op when
/// nothing was neutralised.
void restore_emphasis_marks(std::string& html, const GuardedMarkdown& guarded);

/// Reports each neutralised paragraph as a `<id_prefix>.emphasis_limit` warning of `source_name`,
/// at `first_line` - 1 + its line (the line of the text's first line in the source file).
void report_neutralised(const std::vector<NeutralisedParagraph>& neutralised, std::string_view id_prefix,
                        const std::string& source_name, std::uint32_t first_line, Context& context);

}  // namespace sheaf::markdown
