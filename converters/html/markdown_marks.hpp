#pragma once
// The contract between the Markdown reader and the HTML reader: marks the Markdown reader puts
// into cmark-gfm's HTML so that what the Markdown authored survives the HTML reader's cleanup,
// which exists for raw HTML junk. They are honoured only by html::read_markdown_fragment, never
// in pages or in other fragments, so a page cannot use them.
//   - `data-sourcepos` (cmark-gfm's CMARK_OPT_SOURCEPOS) is on every block element Markdown made
//     and never on raw HTML: such headings, list items, block quotes and code blocks are kept
//     when empty, and a code block keeps its text exactly (one final newline dropped);
//   - `data-sheaf-md` is on the <a>, <img> and <code> the Markdown reader writes itself: links
//     and images keep their destination as written (even empty), code spans their spaces;
//   - with ReaderOptions::raw_html == keep, `<div data-sheaf-raw-block="…">` and
//     `<span data-sheaf-raw-inline="…">` stand for raw HTML (the attribute holds it) and become
//     RawBlock / RawInline {"html", text}.
#include "converters/html/flow.hpp"

struct _xmlNode;  // libxml2's node; declared here so cmark_bridge can use the names without libxml2

namespace sheaf::html::markdown_marks {

inline constexpr const char* sourcepos = "data-sourcepos";
inline constexpr const char* authored = "data-sheaf-md";
inline constexpr const char* raw_block = "data-sheaf-raw-block";
inline constexpr const char* raw_inline = "data-sheaf-raw-inline";

/// True for an element Markdown made (either mark above).
bool authored_by_markdown(const _xmlNode* el) noexcept;

/// When `el` stands for raw HTML kept as is, appends the RawBlock or RawInline to `flow` and
/// returns true; otherwise leaves `flow` alone and returns false.
bool read_raw_mark(const _xmlNode* el, Flow& flow);

}  // namespace sheaf::html::markdown_marks
