#pragma once
// A second linear pre-scan (after cmark_guard.hpp, which handles links mixed with emphasis) that
// keeps cmark-gfm 0.29.0.gfm.6 (Debian 12) out of three more quadratic paths, fixed upstream in
// 0.29.0.gfm.7+ (docs/robustness.md, "Known limits"):
//
// - Deep container nesting on one line (CVE-2023-24824: `>` × n then `a*` × n; ` -` × n, `x`,
//   `\n` × n). Appending any node checks that it is not its own ancestor by walking its new
//   parent's ancestors, and every blank line is matched against every open list item: both cost
//   the nesting depth, so depth × (inline nodes + blank lines) steps. The guard caps the container
//   markers a line opens when depth × what they would hold is over a budget, down to
//   min(ReaderOptions::max_depth, kMinDepthCap); the first marker past the cap is escaped (`\>`,
//   `\-`, `1\.`), so it and the rest of the line are paragraph text. Deep nesting that holds
//   little (`> ` × 100,000 `deep`, or lists indented level by level) is left to the HTML reader's
//   --max-depth cut, as before.
// - Unclosed image openers (CVE-2023-22486: `![[]()` × n). After every link, cmark deactivates the
//   earlier link openers by walking the bracket stack down to the first inactive link opener, and
//   image openers (`![`) are skipped, never stop the walk, and stay on the stack until a `]` pops
//   them: L links after D open `![` cost D × L steps. The guard escapes those `![` (`!\[`).
// - Raw HTML openers without their end (CVE-2023-22484 family: `a <?` × n, `a <!A ` × n,
//   `a <![CDATA[` × n). At every `<?`, `<!X` or `<![CDATA[` cmark's scanner looks for `?>`, `>` or
//   `]]>` up to the end of the paragraph; with none there, each opener costs the rest of the
//   paragraph. The guard escapes those `<` (`\<`): an opener without its end is text anyway.
//
// Only paragraphs (runs of non-blank lines) over the budgets below are changed; every other byte
// of the text is kept, so normal documents go to cmark exactly as written. The guard only inserts
// backslashes: line numbers do not move.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"

namespace sheaf::markdown {

/// The smallest per-line nesting cap the guard applies for long text (ReaderOptions::max_depth
/// still wins when it is lower): no real document nests 32 containers on one line.
inline constexpr std::size_t kMinDepthCap = 32;

struct NestingGuardLimits {
  /// The nesting limit (ReaderOptions::max_depth, `--max-depth`): the cap below never goes under
  /// min(max_depth, kMinDepthCap).
  std::size_t max_depth = 512;
  /// Budget of the markers one line opens × what they may hold: lines and inline-node characters
  /// (`*_~[]!<`&\`) up to the next line starting at column 0 after a blank line. Over it, the
  /// markers are capped at budget / held. Default 4,000,000 (about 10-20 ms of cmark).
  std::uint64_t depth_steps = 4'000'000;
  /// Per paragraph: image openers walked over by link closes (an upper bound). Default 4,000,000.
  std::uint64_t max_bracket_steps = 4'000'000;
  /// Per paragraph: bytes scanned by raw HTML openers looking for their end. Default 16,000,000.
  std::uint64_t max_html_steps = 16'000'000;
  /// When the paragraphs under the per-paragraph budgets add up to more than 10 × that budget,
  /// the costliest are guarded until the rest fits (as cmark_guard's max_total_steps).
  std::uint64_t total_factor = 10;
};

/// One change the guard made.
struct NestingGuardFinding {
  enum class Kind { depth, brackets, raw_html };
  Kind kind = Kind::depth;
  std::uint32_t line = 0;      ///< 1-based, in the text given to guard_nesting
  std::uint64_t count = 0;     ///< depth: markers on the line; else openers in the paragraph
  std::uint64_t kept = 0;      ///< depth: markers kept; else openers escaped
};

struct NestingGuarded {
  /// Empty when nothing was changed: parse the original text. Else the text to parse.
  std::string text;
  std::vector<NestingGuardFinding> findings;  ///< in line order within each kind
};

/// Scans `markdown` in linear time and escapes what would make cmark-gfm 0.29 quadratic (above).
NestingGuarded guard_nesting(std::string_view markdown, const NestingGuardLimits& limits = {});

/// Reports findings as `<id_prefix>.depth_limit`, `<id_prefix>.bracket_limit` and
/// `<id_prefix>.raw_html_limit` warnings of `source_name`, at `first_line` - 1 + the finding's
/// line; at most 20 per kind, then one warning counting the rest.
void report_nesting_guard(const std::vector<NestingGuardFinding>& findings, std::string_view id_prefix,
                          const std::string& source_name, std::uint32_t first_line, Context& context);

}  // namespace sheaf::markdown
