#include <algorithm>

#include "converters/html/attribute_cap.hpp"
#include "converters/html/dom_reader.hpp"
#include "converters/html/head_metadata.hpp"
#include "converters/html/html.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/main_content.hpp"
#include "converters/shared/text_encoding.hpp"
#include "core/error.hpp"
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
  std::string repaired;  // owns the decoded UTF-8 the tree was parsed from
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
  // Decoded once, up front: libxml2 alone would read undeclared GBK or Big5 as Latin-1.
  p.repaired = text_encoding::decode_to_utf8(bytes, page ? options.input_encoding : std::string("utf-8"), name,
                                             context, "html");
  if (auto capped = cap_attributes(p.repaired)) {  // libxml2 is quadratic in attributes per tag
    Diagnostic d;
    d.severity = Severity::warning;
    d.id = "html.attribute_limit";
    d.message = std::to_string(capped->dropped) + " attributes beyond " + std::to_string(kMaxAttributes) +
                " on one element dropped";
    d.source_name = name;
    const std::string_view before = std::string_view(p.repaired).substr(0, capped->first_at);
    const std::size_t line_start = before.rfind('\n');
    d.pos.line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
    d.pos.column = static_cast<std::uint32_t>(before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
    context.report(std::move(d));
    p.repaired = std::move(capped->html);
  }
  bytes = p.repaired;
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return p;  // empty: no document
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw Error(ErrorCode::limit, "input too large for the HTML parser", name);
  p.doc = parse_html(bytes, "UTF-8");
  if (!p.doc) throw Error(ErrorCode::parse, "the HTML parser could not read this input", name);
  return p;
}

}  // namespace

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  Document doc;
  doc.source_name = input.name;
  doc.base = input.base;
  Parsed p = parse(input.bytes, input.name, options, context, true);
  if (!p.doc) return doc;
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  doc.meta = head_metadata(root);
  const xmlNode* body = child_element(root, "body");
  const ContentSelection content = select_content(body ? body : root, true, options, context, input.name);
  DomReader reader(options, context, input.name);
  reader.skip(content.dropped);
  doc.blocks = reader.read(content.root);
  return doc;
}

Blocks read_fragment(std::string_view html, const std::string& source_name, const ReaderOptions& options,
                     Context& context) {
  Parsed p = parse(html, source_name, options, context, false);
  if (!p.doc) return {};
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  const xmlNode* body = child_element(root, "body");
  const ContentSelection content = select_content(body ? body : root, false, options, context, source_name);
  DomReader reader(options, context, source_name);
  reader.skip(content.dropped);
  return reader.read(content.root);
}

}  // namespace sheaf::html
