// The Jekyll post reader: clean text, front matter (front_matter_block + front_matter), metadata
// from the file name (post_name), and the Markdown body through the Markdown reader's pipeline.
#include "converters/jekyll/front_matter.hpp"
#include "converters/jekyll/front_matter_block.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/jekyll/post_name.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/markdown/text_input.hpp"
#include "core/meta.hpp"

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
  if (!has_value(meta, meta_key::date)) meta_set(meta, meta_key::date, MetaValue{name->date});
  if (!has_value(meta, meta_key::slug)) meta_set(meta, meta_key::slug, MetaValue{name->slug});
  if (!has_value(meta, meta_key::title))
    meta_set(meta, meta_key::title, MetaValue{title_from_slug(name->slug)});
}

}  // namespace

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  const std::string text = markdown::clean_text_input(input, options, context, "jekyll");
  const FrontMatterBlock block = find_front_matter(text, input.name);
  Document doc;
  if (block.present)
    doc.meta = parse_front_matter(block.yaml, block.yaml_line, input.name, options, context);
  if (options.post_name_metadata) add_post_name_metadata(doc.meta, input.name);
  doc.blocks = markdown::read_body(block.body, input.name, options, context);
  doc.source_name = input.name;
  doc.base = input.base;
  return doc;
}

}  // namespace sheaf::jekyll
