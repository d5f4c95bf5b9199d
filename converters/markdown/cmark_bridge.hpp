#pragma once
// The only door to cmark-gfm. Markdown goes in, an HTML fragment comes out; the HTML reader builds
// the model from it, so raw HTML in the Markdown and cmark's own output meet one tree builder.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/markdown/cmark_guard.hpp"
#include "converters/markdown/cmark_table_guard.hpp"
#include "converters/markdown/cmark_model.hpp"
#include "core/document.hpp"

namespace sheaf::markdown {

/// Renders GitHub-Flavored Markdown to HTML with cmark-gfm 0.29: the `table`, `strikethrough`,
/// `autolink` and `tasklist` extensions and footnotes are on; raw HTML and every URL are kept as
/// written (CMARK_OPT_UNSAFE); `tagfilter` is off, so `<script>` stays a tag for the HTML reader
/// to drop instead of becoming text. `markdown` must be valid UTF-8 without NUL (run
/// utf8::repair first). Safe to call from several threads (see the .cpp for the lock). Throws
/// Error{limit} above 1 GiB (cmark's sizes are 32-bit) and Error{internal} if cmark fails.
/// `all_extensions` attaches every extension, even where extension_may_act says it cannot act
/// (for the tests that check that claim).
std::string render_gfm_html(std::string_view markdown, bool all_extensions = false);

/// Whether cmark-gfm's `extension` ("table", "strikethrough", "autolink", "tasklist", or the
/// "footnotes" option) could act on `markdown`: false when the text lacks what it needs (a `|`; a
/// `~`; an `@`, `://` or `www.`; a `[`; a `^` or `&`). An extension is attached, and footnotes
/// are parsed, only when they could; tests check that the output is the same either way on the
/// corpora.
bool extension_may_act(std::string_view extension, std::string_view markdown);

/// Reads a parsed document straight into blocks, or returns nullopt to ask for the HTML route
/// (cmark_model.hpp's read_tree, bound to a reader's options); `restore` undoes the guards' swaps
/// in strings taken from the tree (empty when no guard changed the text).
using TreeReading = std::function<std::optional<Blocks>(cmark_node* document, const TextRestore& restore)>;

/// What read_marked made of a text: the blocks of the direct route, or the marked HTML.
struct MarkdownReading {
  std::optional<Blocks> blocks;  ///< set when the tree was read directly; `html` is then empty
  std::string html;              ///< the marked HTML otherwise (read_marked)
  std::vector<NeutralisedParagraph> neutralised;
  std::vector<TableGuardFinding> table_findings;
  /// Line (1-based, in the text read) of a `[` followed by an entity for `^` when the text also
  /// has footnote syntax (`[^`) that was therefore not read (see entity_caret_after_bracket); 0
  /// otherwise.
  std::uint32_t footnotes_off_line = 0;
};

/// Where a `[` is directly followed by a character reference for `^` (`&#94;`, `&#x5E;`, with
/// leading zeros, or `&Hat;`), or npos. cmark-gfm 0.29 takes such a bracket for a footnote
/// reference and reads its label from the reference's decoded text after freeing it (and past
/// its end); footnotes are not parsed in a text that holds one. The bracket then reads as text,
/// as CommonMark means: a character reference never makes syntax.
std::size_t entity_caret_after_bracket(std::string_view markdown);

/// The `<prefix>.footnotes_off` warning for MarkdownReading::footnotes_off_line (nothing for 0);
/// `first_line` is the source line of the text's first line.
void report_footnotes_off(std::uint32_t line, std::string_view id_prefix, const std::string& source_name,
                          std::uint32_t first_line, Context& context);

/// Parses `markdown` once. When `tree` (when given) reads the parsed document, its blocks are
/// returned and no HTML is rendered. Otherwise the result is the marked HTML, for
/// html::read_markdown_fragment: the HTML carries the marks of converters/html/markdown_marks.hpp,
/// so the HTML reader keeps what the Markdown authored. Block elements carry data-sourcepos;
/// links, images and code spans are written as raw `<a>`/`<img>`/`<code data-sheaf-md>` holding
/// the destination and code text exactly as CommonMark parsed them (cmark's renderer would
/// percent-encode the URL). With `keep_raw_html`, each HTML block and inline HTML run becomes an
/// empty `<div>`/`<span>` whose mark attribute holds its text, so the reader keeps it raw.
///
/// Like render_gfm_html, the text goes through guard_emphasis first (cmark_guard.hpp): a
/// paragraph on which cmark-gfm 0.29.0.gfm.6 would take quadratic time is parsed with its
/// emphasis marks as literal text; those paragraphs are in `neutralised` (for the caller's
/// `*.emphasis_limit` warnings). Then through guard_tables (cmark_table_guard.hpp): lines with too
/// many cells are not table rows, words with too many `@` get no e-mail links; those are in
/// `table_findings` (for report_table_guard).
MarkdownReading read_marked(std::string_view markdown, bool keep_raw_html, const TreeReading* tree);

}  // namespace sheaf::markdown
