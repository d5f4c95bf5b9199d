// The Jekyll post reader: clean text, front matter (front_matter_block + front_matter), metadata
// from the file name (post_name), the site (site_config), post semantics (post_meta), Liquid
// (liquid), kramdown syntax (kramdown_syntax, toc), then cmark-gfm and the HTML reader.
#include <algorithm>

#include "converters/html/html.hpp"
#include "converters/jekyll/definition_lists.hpp"
#include "converters/jekyll/front_matter.hpp"
#include "converters/jekyll/front_matter_block.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/jekyll/kramdown_config.hpp"
#include "converters/jekyll/kramdown_syntax.hpp"
#include "converters/jekyll/liquid.hpp"
#include "converters/jekyll/post_meta.hpp"
#include "converters/jekyll/post_name.hpp"
#include "converters/jekyll/site_config.hpp"
#include "converters/jekyll/toc.hpp"
#include "converters/markdown/cmark_bridge.hpp"
#include "converters/markdown/cmark_model.hpp"
#include "converters/markdown/cmark_nesting_guard.hpp"
#include "converters/markdown/text_input.hpp"
#include "core/meta.hpp"
#include "core/plain_text.hpp"

namespace sheaf::jekyll {
namespace {

/// True when front matter gave `key` a value; a null (`date:`) counts as absent, as in Jekyll.
bool has_value(const MetaMap& meta, std::string_view key) {
  const MetaValue* v = meta_find(meta, key);
  return v && !std::holds_alternative<MetaNull>(v->value);
}

/// Jekyll's post semantics: the file-name date and slug when front matter has none, and a title
/// made from the slug when front matter has no title. Appended after the front-matter keys.
void add_post_name_metadata(MetaMap& meta, std::string_view path) {
  const auto name = parse_post_name(path);
  if (!name) return;
  if (!has_value(meta, meta_key::date)) set_derived(meta, meta_key::date, MetaValue{name->date});
  if (!has_value(meta, meta_key::slug)) set_derived(meta, meta_key::slug, MetaValue{name->slug});
  if (!has_value(meta, meta_key::title))
    set_derived(meta, meta_key::title, MetaValue{title_from_slug(name->slug)});
}

/// Expanded Liquid → kramdown rewritten → cmark-gfm → model (straight from cmark's tree, or
/// through marked HTML and heading ids).
Blocks read_markdown(std::string_view body, const LiquidScope& scope, const std::string& name,
                     std::uint32_t line, const ReaderOptions& options, Context& context) {
  try {
    const KramdownConfig config = kramdown_config(scope.site);
    const std::string expanded = expand_liquid(body, scope, name, line, context);
    // Marked HTML (cmark_bridge.hpp): destinations and code as the Markdown wrote them, as the
    // Markdown reader reads them; raw HTML is always parsed (--raw-html is the Markdown reader's).
    const std::string rewritten = rewrite_kramdown(expanded, config);
    // cmark_nesting_guard.hpp: deep nesting, unclosed `![` and raw HTML openers made linear.
    const markdown::NestingGuarded nesting =
        markdown::guard_nesting(rewritten, markdown::NestingGuardLimits{.max_depth = options.max_depth});
    markdown::report_nesting_guard(nesting.findings, "jekyll", name, line, context);
    // The direct route (cmark_model.hpp) where it applies; headings with kramdown's `{#id}` take
    // the HTML route, where apply_heading_ids reads them.
    const markdown::TreeReading tree = [&](cmark_node* document, const markdown::TextRestore& restore) {
      return options.markdown_via_html ? std::nullopt
                                       : markdown::read_tree(document, options, context, name,
                                                             {.kramdown_heading_ids = true, .restore = &restore});
    };
    markdown::MarkdownReading r = markdown::read_marked(
        nesting.text.empty() ? std::string_view(rewritten) : std::string_view(nesting.text), false, &tree);
    markdown::report_neutralised(r.neutralised, "jekyll", name, line, context);  // cmark_guard.hpp
    markdown::report_table_guard(r.table_findings, "jekyll", name, line, context);  // cmark_table_guard.hpp
    markdown::report_footnotes_off(r.footnotes_off_line, "jekyll", name, line, context);  // cmark_bridge.hpp
    Blocks blocks = r.blocks ? std::move(*r.blocks)
                             : html::read_markdown_fragment(apply_heading_ids(r.html), name, options, context);
    merge_definition_lists(blocks);
    std::erase_if(blocks, [](const Block& b) {  // kramdown's block ends, kept apart until here
      const auto* p = std::get_if<Paragraph>(&b.node);
      return p && p->children.size() == 1 && std::holds_alternative<Text>(p->children.front().node) &&
             std::get<Text>(p->children.front().node).text == kEobMarker;
    });
    build_toc(blocks, config);
    return blocks;
  } catch (const Error& e) {
    throw e.with_source(name);
  }
}

/// Diagnostics of the excerpt's second reading are dropped: the body reading reports them.
class QuietContext : public Context {
 public:
  explicit QuietContext(Context& inner) : inner_(inner) {}
  void report(Diagnostic) override {}
  std::optional<std::string> read_file(const std::filesystem::path& path) override { return inner_.read_file(path); }
  std::chrono::system_clock::time_point now() override { return inner_.now(); }

 private:
  Context& inner_;
};

}  // namespace

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  const std::string text = markdown::clean_text_input(input, options, context, "jekyll");
  const FrontMatterBlock block = find_front_matter(text, input.name);
  Document doc;
  if (block.present)
    doc.meta = parse_front_matter(block.yaml, block.yaml_line, input.name, options, context);
  if (options.post_name_metadata) add_post_name_metadata(doc.meta, input.name);
  const std::optional<SiteConfig> site = find_site(input.name, options, context);
  const MetaMap* site_values = site ? &site->values : nullptr;
  complete_post_meta(doc.meta, site_values, input.name, context);

  std::string_view body = strip_mirror_heading(block.body, doc.meta);
  const std::uint32_t body_line = block.body_line + static_cast<std::uint32_t>(std::count(
                                                        block.body.begin(), block.body.end() - static_cast<std::ptrdiff_t>(body.size()), '\n'));
  const LiquidScope scope{site_values, &doc.meta};
  if (!has_value(doc.meta, "excerpt")) {
    if (const std::string_view part = excerpt_source(body, doc.meta, site_values); !part.empty()) {
      QuietContext quiet(context);
      std::string excerpt = plain_text(read_markdown(part, scope, input.name, body_line, options, quiet));
      while (!excerpt.empty() && (excerpt.back() == '\n' || excerpt.back() == ' ')) excerpt.pop_back();
      if (!excerpt.empty()) set_derived(doc.meta, "excerpt", MetaValue{excerpt});
    }
  }
  doc.blocks = read_markdown(body, scope, input.name, body_line, options, context);
  doc.source_name = input.name;
  doc.base = input.base;
  return doc;
}

}  // namespace sheaf::jekyll
