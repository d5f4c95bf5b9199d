#pragma once
// Main-content extraction and junk cleanup over a parsed page, before the tree walk. Linear: one
// post-order pass gathers per-element text and link-text lengths (in code points, so CJK pages
// score fairly), a second marks what to drop. The tree is not modified: the result names the
// root to read and the elements the DomReader skips. Each rule counts its firings (and the text it
// removed) in the CleanRules of the read, which reports them as `html.clean.<rule>`.
#include <libxml/tree.h>

#include <string>
#include <unordered_set>

#include "converters/html/clean_rules.hpp"
#include "core/context.hpp"
#include "core/options.hpp"

namespace sheaf::html {

struct ContentSelection {
  const xmlNode* root = nullptr;                 ///< read this element's children
  std::unordered_set<const xmlNode*> dropped;    ///< skip these elements and their subtrees
  std::unordered_set<const xmlNode*> related;    ///< "related articles" blocks: read into a Div marked "related"
  const xmlNode* lead = nullptr;                 ///< the page's lead image outside `root`, read before it
};

/// For a whole page (`page` true and options.main_content): the article root — the only <main>,
/// else the only <article>, else the best-scoring block (paragraph text, minus link text) with its
/// qualifying siblings — and the furniture inside it. For fragments and --whole-page: `body` as
/// root and only the junk rules (navigation, share bars, comments, ads, cookie notices, hidden
/// elements), each guarded so that an element holding a quarter or more of the text is kept.
/// "Related articles" blocks are dropped with options.drop_related, else listed in `related`.
/// When the root is narrower than the body, a lead image outside it (the figure or image just
/// before the root, or an image whose URL matches `lead_image`, the page's og:image) is `lead`.
ContentSelection select_content(const xmlNode* body, bool page, const ReaderOptions& options, CleanRules& rules,
                                Context& context, const std::string& source_name, std::string_view lead_image = {});

}  // namespace sheaf::html
