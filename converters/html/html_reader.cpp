#include <algorithm>

#include "converters/html/dom_reader.hpp"
#include "converters/html/head_metadata.hpp"
#include "converters/html/html.hpp"
#include "converters/html/libxml_document.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

const xmlNode* child_element(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
    if (element_name(c) == name) return c;
  return nullptr;
}

// A non-UTF-8 charset declared in the first bytes (<meta charset=gbk>): libxml2 then decodes.
bool declares_other_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto p = head.find("charset=");
  if (p == std::string::npos) return false;
  p += 8;
  while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
  return head.compare(p, 5, "utf-8") != 0 && head.compare(p, 4, "utf8") != 0;
}

struct Parsed {
  XmlDocPtr doc;
  std::string repaired;  // owns the repaired bytes when repair was needed
};

Parsed parse(std::string_view bytes, const std::string& name, const ReaderOptions& options, Context& context) {
  if (bytes.size() > options.max_input_bytes)
    throw Error(ErrorCode::limit, "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                                      std::to_string(options.max_input_bytes) + " (--max-input-size)", name);
  Parsed p;
  const char* encoding = "UTF-8";
  if (!utf8::is_clean(bytes)) {
    if (declares_other_charset(bytes) && bytes.find('\0') == std::string_view::npos) {
      encoding = nullptr;
    } else {
      utf8::Repair report;
      p.repaired = utf8::repair(bytes, &report);
      if (report.replaced > 0) {
        auto [line, col] = utf8::line_column(bytes, report.first_bad);
        context.report(Diagnostic{Severity::warning, "html.invalid_utf8",
                                  std::to_string(report.replaced) +
                                      " invalid UTF-8 sequence(s) or NUL byte(s) replaced by U+FFFD",
                                  name, SourcePos{line, col}});
      }
      bytes = p.repaired;
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return p;  // empty: no document
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw Error(ErrorCode::limit, "input too large for the HTML parser", name);
  p.doc = parse_html(bytes, encoding);
  if (!p.doc) throw Error(ErrorCode::parse, "the HTML parser could not read this input", name);
  return p;
}

}  // namespace

Document read(const Input& input, const ReaderOptions& options, Context& context) {
  Document doc;
  doc.source_name = input.name;
  doc.base = input.base;
  Parsed p = parse(input.bytes, input.name, options, context);
  if (!p.doc) return doc;
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  doc.meta = head_metadata(root);
  const xmlNode* body = child_element(root, "body");
  DomReader reader(options, context, input.name);
  doc.blocks = reader.read(body ? body : root);
  return doc;
}

Blocks read_fragment(std::string_view html, const std::string& source_name, const ReaderOptions& options,
                     Context& context) {
  Parsed p = parse(html, source_name, options, context);
  if (!p.doc) return {};
  const xmlNode* root = xmlDocGetRootElement(p.doc.get());
  const xmlNode* body = child_element(root, "body");
  DomReader reader(options, context, source_name);
  return reader.read(body ? body : root);
}

}  // namespace sheaf::html
