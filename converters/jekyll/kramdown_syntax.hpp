#pragma once
// kramdown-only syntax, rewritten into what cmark-gfm + the HTML reader understand, before and
// after the cmark step. docs/formats/jekyll.md ("kramdown syntax") lists every rule.
#include <string>
#include <string_view>

#include "converters/jekyll/kramdown_config.hpp"

namespace sheaf::jekyll {

/// The paragraph text that marks where `{:toc}` asked for a table of contents; the reader
/// replaces the paragraph holding exactly this text with the generated list.
inline constexpr std::string_view kTocMarker = "\xE2\x81\xA0sheaf-toc\xE2\x81\xA0";

/// Appended to the text of a heading with the class `.no_toc`; build_toc leaves such headings out
/// of the contents and removes the marker.
inline constexpr std::string_view kNoTocMarker = "\xE2\x81\xA0sheaf-no-toc\xE2\x81\xA0";

/// The paragraph text that stands for kramdown's end of a block (`^`, or an IAL line after a
/// block): it keeps cmark from joining the blocks on either side; the reader removes it.
inline constexpr std::string_view kEobMarker = "\xE2\x81\xA0sheaf-eob\xE2\x81\xA0";

/// Markdown in, Markdown out, line by line outside code fences:
///   - block IAL lines (`{: .cls #id k="v"}`, `{:.no_toc}`) and ALDs (`{:name: …}`) are removed;
///     an `#id` in an IAL right after a heading becomes ` {#id}` at the end of that heading;
///   - a list followed by `{:toc}` becomes the TOC marker paragraph;
///   - span IALs (`[x](u){:target="_blank"}`) are removed outside code spans;
///   - `{::comment}…{:/comment}` and `{::options …/}` are removed; `{::nomarkdown}…{:/nomarkdown}`
///     keeps its content as is;
///   - `$$…$$` becomes `<math alttext="…">` (display when it stands alone as a paragraph); a single
///     `$` stays literal;
///   - abbreviation definitions (`*[HTML]: …`) are removed;
///   - `markdown="1"` on an HTML block's first line is removed and blank lines are put after that
///     line and before its closing tag, so cmark reads the Markdown inside;
///   - kramdown's typography (typography.hpp) in span text: not in code, math, tags, URLs, link
///     destinations, HTML blocks or rule lines;
///   - with `config.kramdown_input`, kramdown's own paragraph rule: a line that would start a
///     header, list, quote, rule or fence in CommonMark continues the paragraph before it.
/// Linear in the size of the text.
std::string rewrite_kramdown(std::string_view markdown, const KramdownConfig& config = {});

/// HTML from cmark out of rewrite_kramdown's Markdown: a heading ending in `{#id}` (or an IAL with
/// `#id`) gets that id attribute and loses the text. Linear.
std::string apply_heading_ids(std::string_view html);

}  // namespace sheaf::jekyll
