#pragma once
// The libxml2 adapter: parses HTML into a libxml2 tree owned by an RAII handle, and gives the
// small accessors the tree walker needs. Nothing of libxml2 leaves converters/html.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace sheaf::html {

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

/// Parses with recovery on, network off and no depth cap (HTML_PARSE_HUGE: without it libxml2
/// silently drops everything below depth 256). `bytes` are decoded already (text_encoding.hpp):
/// `encoding` is "UTF-8" and <meta charset> is ignored (HTML_PARSE_IGNORE_ENC).
/// Never prints: parser messages are discarded. Returns null only when libxml2 gives up entirely.
XmlDocPtr parse_html(std::string_view bytes, const char* encoding);

/// Lower-case element name ("div"), or "" for non-elements.
std::string_view element_name(const xmlNode* node) noexcept;
/// Attribute value, or "" when absent.
std::string attribute(const xmlNode* node, const char* name);
bool has_attribute(const xmlNode* node, const char* name) noexcept;
/// True when the class attribute has a token containing `part` (ASCII case-insensitive).
bool class_contains(const xmlNode* node, std::string_view part);
/// True for text/CDATA nodes made only of HTML whitespace, and for comments.
bool is_ignorable(const xmlNode* node) noexcept;
/// All descendant text in document order, without recursion. With `br_newlines`, <br> gives '\n'.
std::string text_content(const xmlNode* node, bool br_newlines = false);
/// Text of a text or CDATA node.
std::string_view node_text(const xmlNode* node) noexcept;

}  // namespace sheaf::html
