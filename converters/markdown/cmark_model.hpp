#pragma once
// The Markdown reader's direct route: the model built straight from cmark-gfm's tree, for the
// texts whose tree holds only what Markdown itself makes. It builds exactly the blocks (and
// diagnostics) that html::read_markdown_fragment builds from read_marked's marked HTML of the
// same tree — the same Flow, cleanup rules and table shaping, fed from cmark nodes instead of
// libxml2 ones — without rendering HTML, parsing it and walking a second tree: a third of the
// time and about half the memory on a large post (docs/robustness.md). tests/unit/markdown/
// cmark_model_test.cpp and the corpus test MarkdownRoutes check that both routes agree.
#include <functional>
#include <optional>
#include <string>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

struct cmark_node;  // cmark-gfm's node; only cmark_model.cpp and cmark_bridge.cpp use its API

namespace sheaf::markdown {

/// Puts back, in a string taken from the tree, what a guard swapped in the text before cmark saw it
/// (cmark_guard.hpp, cmark_table_guard.hpp: private-use stand-ins for `*`, `_`, `~`, `|`, `@`).
using TextRestore = std::function<void(std::string&)>;

struct TreeOptions {
  /// Jekyll: headings whose text holds `{#` are left to the HTML route, where
  /// jekyll::apply_heading_ids turns kramdown's `{#id}` into the id. Default false.
  bool kramdown_heading_ids = false;
  /// Applied to every text, code, destination, title and alt text when set (and non-empty).
  /// Default none: no guard changed the text.
  const TextRestore* restore = nullptr;
};

/// The blocks of `document` (a cmark-gfm document node, not changed), with the `html.clean.*`
/// diagnostics the HTML route would give reported to `context`. nullopt, with nothing reported,
/// when the tree holds what only the HTML route reads: raw HTML, a footnote reference inside a
/// link, a footnote no reference reaches from the body, a node kind this file
/// does not know, nesting deeper than min(options.max_depth, 200) elements, control characters
/// or noncharacters in a destination, title or alt text, a C1 control in code, or when --drop
/// selectors or a --base-url that is not an absolute http(s) URL are given. In text and code,
/// C0 control characters are dropped and C1 controls mapped as the HTML route does.
std::optional<Blocks> read_tree(cmark_node* document, const ReaderOptions& options, Context& context,
                                const std::string& source_name, const TreeOptions& tree = {});

}  // namespace sheaf::markdown
