#pragma once
// Translates a libxml2 HTML tree into sheaf blocks. The tree is only read; the caller owns it.
// Recursion is bounded by ReaderOptions::max_depth: deeper content is kept as text of its
// ancestor with one `html.depth_limit` warning, so hostile nesting cannot overflow the stack.
#include <libxml/tree.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "converters/html/clean_rules.hpp"
#include "converters/html/flow.hpp"
#include "core/context.hpp"
#include "core/options.hpp"

namespace sheaf::html {

class DomReader {
 public:
  /// Rules of the walk (lazy images, pixels, icons, empty elements, wrappers, <br> runs, timestamp
  /// comments, lead figures) are switched and counted in `rules`, which outlives the reader.
  DomReader(const ReaderOptions& options, CleanRules& rules, Context& context, std::string source_name);
  /// Blocks of `root`'s content (a <body>, or any element); `lead` (a lead image outside `root`,
  /// or nullptr) is read first.
  Blocks read(const xmlNode* root, const xmlNode* lead = nullptr);
  /// Elements (and their subtrees) the walk leaves out: furniture chosen by select_content.
  void skip(const std::unordered_set<const xmlNode*>& elements) { skip_.insert(elements.begin(), elements.end()); }
  /// Elements read into a Div with the class "related" ("related articles" lists).
  void mark_related(const std::unordered_set<const xmlNode*>& elements) { related_ = elements; }
  /// The input is markdown::read_marked's marked HTML: honour converters/html/markdown_marks.hpp.
  void honour_markdown_marks() { markdown_ = true; }
  /// Relative link, image and embed URLs are resolved against `url` (an absolute http(s) URL:
  /// `<base href>` or --base-url, chosen by the caller); "" keeps them as written.
  void resolve_against(std::string url) { base_url_ = std::move(url); }

 private:
  void children(const xmlNode* parent, Flow& flow, std::size_t depth);
  /// One child of a block container: a figure pattern, else node(). Returns the last sibling used.
  const xmlNode* child(const xmlNode* c, Flow& flow, std::size_t depth);
  Flow make_flow() { return Flow(&empties_); }
  /// Whether an empty block (heading, list, quote…) is dropped; counts the drop.
  bool drop_empty();
  void line_break(const xmlNode* br, Flow& flow);
  void comment(const xmlNode* c, Flow& flow);
  void node(const xmlNode* n, Flow& flow, std::size_t depth);
  void element(const xmlNode* el, Flow& flow, std::size_t depth);
  void inline_container(const xmlNode* el, Inline proto, Flow& flow, std::size_t depth);
  Blocks sub_blocks(const xmlNode* el, std::size_t depth, Task* task = nullptr);
  Inlines sub_inlines(const xmlNode* el, std::size_t depth);

  const xmlNode* image_figure(const xmlNode* el, Flow& flow, std::size_t depth);
  /// Returns the last sibling consumed (a zoom widget holding the figure's credit), or `el`.
  const xmlNode* figure(const xmlNode* el, Flow& flow, std::size_t depth);
  /// A credit widget right after a figure or image: the credit element inside it, else nullptr.
  const xmlNode* credit_widget(const xmlNode* el, const xmlNode** credit);
  Block list(const xmlNode* el, bool ordered, std::size_t depth);
  Block code_block(const xmlNode* pre);
  Block definition_list(const xmlNode* el, std::size_t depth);
  void table(const xmlNode* el, Flow& flow, std::size_t depth);
  TableRow table_row(const xmlNode* tr, std::size_t depth);
  void link(const xmlNode* a, Flow& flow, std::size_t depth);
  bool footnote_reference(const xmlNode* a, Flow& flow, std::size_t depth);
  Image image(const xmlNode* img);
  /// True when `img` is a tracking pixel or icon whose rule is on (the firing is counted).
  bool furniture_image(const xmlNode* img);

  /// Membership in skip_ / related_; both are usually empty, and a lookup per node of a big
  /// page is measurable.
  [[nodiscard]] bool skipped(const xmlNode* n) const { return !skip_.empty() && skip_.count(n) != 0; }
  [[nodiscard]] bool related(const xmlNode* n) const { return !related_.empty() && related_.count(n) != 0; }

  void index_document(const xmlNode* root);
  void warn(const char* id, std::string message, const xmlNode* where);
  /// `url` resolved against base_url_ (unchanged without one, or when absolute or a "#fragment").
  [[nodiscard]] std::string resolved(const std::string& url) const;

  const ReaderOptions& options_;
  CleanRules& rules_;
  Context& context_;
  std::string source_name_;
  std::unordered_map<std::string, const xmlNode*> footnotes_;  // id → <li> of a footnote list
  std::unordered_set<std::string> used_footnotes_;
  std::vector<std::string> footnote_order_;
  std::unordered_set<const xmlNode*> skip_;           // consumed elsewhere (footnote lists, captions)
  std::unordered_set<const xmlNode*> related_;        // read into Div(.related)
  EmptyElements empties_;                             // shared by every Flow of this reader
  std::unordered_set<std::string> link_targets_;      // ids some href="#id" points to
  std::vector<bool> item_has_paragraph_;              // per open <li>: a <p> inside (loose list)
  Task* task_slot_ = nullptr;                         // the list item a checkbox would mark
  bool depth_warned_ = false;
  bool markdown_ = false;                             // honour_markdown_marks()
  std::string base_url_;                              // resolve_against()
  /// An element Markdown made, kept even when empty (only with honour_markdown_marks()).
  [[nodiscard]] bool markdown_made(const xmlNode* el) const;
};

}  // namespace sheaf::html
