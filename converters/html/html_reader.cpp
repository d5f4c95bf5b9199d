#include <algorithm>

#include "converters/html/attribute_cap.hpp"
#include "converters/html/clean_rules.hpp"
#include "converters/html/css_selector.hpp"
#include "converters/html/dom_reader.hpp"
#include "converters/html/head_metadata.hpp"
#include "converters/html/html.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/libxml_xpath.hpp"
#include "converters/html/main_content.hpp"
#include "converters/html/url_parts.hpp"
#include "converters/shared/text_encoding.hpp"
#include "converters/shared/url_resolve.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "core/plain_text.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

const xmlNode* child_element(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
    if (element_name(c) == name) return c;
  return nullptr;
}

struct Parsed {
  XmlDocPtr doc;
};

// Pages are decoded from their bytes (text_encoding.hpp); fragments come from other readers that
// decoded their input already, so they are only repaired as UTF-8 (a forced encoding applied twice
// would garble them).
Parsed parse(std::string_view bytes, const std::string& name, const ReaderOptions& options, Context& context,
             bool page) {
  if (bytes.size() > options.max_input_bytes)
    throw Error(ErrorCode::limit, "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                                      std::to_string(options.max_input_bytes) + " (--max-input-size)", name);
  Parsed p;
  // Decoded once, up front: libxml2 alone would read undeclared GBK or Big5 as Latin-1. The tree
  // copies what it keeps, so the decoded text is freed before the tree is read.
  std::string repaired = text_encoding::decode_to_utf8(bytes, page ? options.input_encoding : std::string("utf-8"), name,
                                             context, "html");
  if (auto capped = cap_attributes(repaired)) {  // libxml2 is quadratic in attributes per tag
    Diagnostic d;
    d.severity = Severity::warning;
    d.id = "html.attribute_limit";
    d.message = std::to_string(capped->dropped) + " attributes beyond " + std::to_string(kMaxAttributes) +
                " on one element dropped";
    d.source_name = name;
    const std::string_view before = std::string_view(repaired).substr(0, capped->first_at);
    const std::size_t line_start = before.rfind('\n');
    d.pos.line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
    d.pos.column = static_cast<std::uint32_t>(before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
    context.report(std::move(d));
    repaired = std::move(capped->html);
  }
  bytes = repaired;
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return p;  // empty: no document
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw Error(ErrorCode::limit, "input too large for the HTML parser", name);
  p.doc = parse_html(bytes, "UTF-8");
  if (!p.doc) throw Error(ErrorCode::parse, "the HTML parser could not read this input", name);
  repair_nested_lists(xmlDocGetRootElement(p.doc.get()));
  return p;
}

// --drop SELECTOR: removes the matches from the tree before any other pass, so they neither
// score in main-content extraction nor reach the output.
void drop_selected(xmlDoc* doc, const ReaderOptions& options, Context& context, const std::string& name) {
  for (const std::string& selector : options.drop_selectors) {
    const auto steps = css_to_xpath_steps(selector);
    if (!steps)
      throw Error(ErrorCode::usage, "--drop: '" + selector + "' is not a supported selector (tag, .class, #id, "
                                    "[attr], [attr=value] and descendant combinations)");
    const auto removed = remove_matching(doc, *steps);
    if (!removed) {
      context.report(Diagnostic{Severity::warning, "html.drop_limit",
                                "--drop '" + selector + "' needs more than " + std::to_string(kXPathOpLimit) +
                                    " XPath steps on this input (deep nesting); nothing removed for it",
                                name, {}});
      continue;
    }
    if (*removed)
      context.report(Diagnostic{Severity::info, "html.drop",
                                "--drop '" + selector + "' removed " + std::to_string(*removed) + " element(s)", name, {}});
  }
}

std::string normalized(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// duplicate_title: the page's title is in its metadata, which every writer shows; the same text
// as the first heading (among the first three blocks) would show it twice. Not called when the
// title was taken from that heading (a page without any other title).
void drop_title_heading(Document& doc, CleanRules& rules) {
  if (!rules.on(CleanRule::duplicate_title)) return;
  const auto title = meta_string(doc.meta, "title");
  if (!title || title->empty()) return;
  const std::string want = normalized(*title);
  for (std::size_t i = 0; i < doc.blocks.size() && i < 3; ++i) {
    const auto* h = std::get_if<Heading>(&doc.blocks[i].node);
    if (!h) continue;
    if (normalized(plain_text(h->children)) == want) {
      std::string example(1, 'h');  // appended: GCC 12 warns (-Wrestrict) on "h" + string
      example += std::to_string(h->level);
      doc.blocks.erase(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i));
      rules.fired(CleanRule::duplicate_title, 0, example);
    }
    return;
  }
}

// --base-url must be "canonical" or an absolute http(s) URL (the CLI checks it first; library
// callers get the same usage error).
void check_base_url_option(const ReaderOptions& options) {
  if (options.base_url.empty() || options.base_url == "canonical" || is_absolute_http_url(options.base_url)) return;
  throw Error(ErrorCode::usage, "--base-url: '" + options.base_url +
                                    "' is not an absolute http(s) URL or 'canonical'");
}

// What a page's relative URLs resolve against: its `<base href>` (resolved against the other base
// when itself relative), else --base-url's URL or, for "canonical", the canonical URL; "" = none.
std::string page_base_url(const xmlNode* root, const MetaMap& meta, const ReaderOptions& options,
                          Context& context, const std::string& name) {
  std::string given = options.base_url;
  if (given == "canonical") {
    given = meta_string(meta, meta_key::source).value_or("");
    if (!is_absolute_http_url(given)) {
      context.report(Diagnostic{Severity::warning, "html.no_base_url",
                                "--base-url canonical: the page has no absolute canonical URL "
                                "(<link rel=canonical>, og:url); relative links kept as written",
                                name, {}});
      given.clear();
    }
  }
  std::string href;
  if (const xmlNode* base = child_element(child_element(root, "head"), "base")) href = attribute(base, "href");
  while (!href.empty() && (href.front() == ' ' || href.front() == '\n' || href.front() == '\t')) href.erase(0, 1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '\n' || href.back() == '\t')) href.pop_back();
  if (is_absolute_http_url(href)) return href;
  if (!href.empty() && !given.empty() && !is_unsafe_url(href)) {
    std::string resolved = shared::resolve_url(given, href);
    if (is_absolute_http_url(resolved)) return resolved;
  }
  return given;
}

}  // namespace

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  check_base_url_option(options);
  Document doc;
  doc.source_name = input.name;
  doc.base = input.base;
  Parsed p = parse(input.bytes, input.name, options, context, true);
  if (!p.doc) return doc;
  drop_selected(p.doc.get(), options, context, input.name);
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  bool title_from_h1 = false;
  doc.meta = head_metadata(root, &title_from_h1);
  const xmlNode* body = child_element(root, "body");
  CleanRules rules(options.no_clean);
  const ContentSelection content = select_content(body ? body : root, true, options, rules, context, input.name,
                                                  meta_string(doc.meta, "image").value_or(""));
  DomReader reader(options, rules, context, input.name);
  reader.skip(content.dropped);
  reader.mark_related(content.related);
  if (std::string base = page_base_url(root, doc.meta, options, context, input.name); !base.empty()) {
    for (MetaField& field : doc.meta)
      if (field.key == meta_key::image)
        if (auto* s = std::get_if<std::string>(&field.value.value)) *s = shared::resolve_url(base, *s);
    reader.resolve_against(std::move(base));
  }
  doc.blocks = reader.read(content.root, content.lead);
  if (!title_from_h1) drop_title_heading(doc, rules);
  rules.report(context, input.name);
  return doc;
}

namespace {
/// `markdown`: the HTML is markdown::read_marked's marked HTML, whose marks the walk honours.
Blocks fragment(std::string_view html, const std::string& source_name, const ReaderOptions& options,
                Context& context, bool markdown) {
  check_base_url_option(options);
  Parsed p = parse(html, source_name, options, context, false);
  if (!p.doc) return {};
  drop_selected(p.doc.get(), options, context, source_name);
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  if (!root) return {};
  const xmlNode* body = child_element(root, "body");
  CleanRules rules(options.no_clean);
  const ContentSelection content = select_content(body ? body : root, false, options, rules, context, source_name);
  DomReader reader(options, rules, context, source_name);
  reader.skip(content.dropped);
  reader.mark_related(content.related);
  if (markdown) reader.honour_markdown_marks();
  // A fragment has no <base> or canonical URL of its own: only an explicit --base-url applies.
  if (options.base_url != "canonical") reader.resolve_against(options.base_url);
  Blocks blocks = reader.read(content.root);
  rules.report(context, source_name);
  return blocks;
}
}  // namespace

Blocks read_fragment(std::string_view html, const std::string& source_name, const ReaderOptions& options,
                     Context& context) {
  return fragment(html, source_name, options, context, false);
}

Blocks read_markdown_fragment(std::string_view html, const std::string& source_name,
                              const ReaderOptions& options, Context& context) {
  return fragment(html, source_name, options, context, true);
}

}  // namespace sheaf::html
