// The Markdown reader. Text whose cmark-gfm tree holds only Markdown is read straight from the
// tree (cmark_model.hpp). Otherwise cmark-gfm renders the text to HTML (cmark_bridge), and the HTML
// reader builds the model from it, so raw HTML blocks and Markdown syntax end up in one clean tree. The
// HTML carries marks (converters/html/markdown_marks.hpp) so that what the Markdown authored
// (empty blocks, destinations and code as written) survives the cleanup meant for raw HTML, and
// with --raw-html keep raw HTML stays raw.
#include "converters/html/html.hpp"
#include "converters/markdown/cmark_bridge.hpp"
#include "converters/markdown/cmark_model.hpp"
#include "converters/markdown/cmark_nesting_guard.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/markdown/text_input.hpp"

namespace sheaf::markdown {

Blocks read_body(std::string_view markdown, const std::string& source_name,
                 const ReaderOptions& options, Context& context) {
  try {
    // cmark_nesting_guard.hpp: deep nesting, unclosed `![` and raw HTML openers made linear.
    const NestingGuarded nesting = guard_nesting(markdown, NestingGuardLimits{.max_depth = options.max_depth});
    report_nesting_guard(nesting.findings, "markdown", source_name, 1, context);
    const std::string_view guarded = nesting.text.empty() ? markdown : std::string_view(nesting.text);
    const TreeReading tree = [&](cmark_node* document, const TextRestore& restore) {  // cmark_model.hpp
      return options.markdown_via_html ? std::nullopt
                                       : read_tree(document, options, context, source_name, {.restore = &restore});
    };
    MarkdownReading r = read_marked(guarded, options.raw_html == RawHtml::keep, &tree);
    report_neutralised(r.neutralised, "markdown", source_name, 1, context);
    report_table_guard(r.table_findings, "markdown", source_name, 1, context);
    report_footnotes_off(r.footnotes_off_line, "markdown", source_name, 1, context);
    if (r.blocks) return std::move(*r.blocks);
    return html::read_markdown_fragment(r.html, source_name, options, context);
  } catch (const Error& e) {
    throw e.with_source(source_name);
  }
}

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  const std::string text = clean_text_input(input, options, context, "markdown");
  Document doc;
  doc.blocks = read_body(text, input.name, options, context);
  doc.source_name = input.name;
  doc.base = input.base;
  return doc;
}

}  // namespace sheaf::markdown
