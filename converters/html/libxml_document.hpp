#pragma once
// The libxml2 adapter: parses HTML into a libxml2 tree owned by an RAII handle, and gives the
// small accessors the tree walker needs. Nothing of libxml2 leaves converters/html.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
/// The class attribute's whitespace-separated tokens, in order.
std::vector<std::string> class_tokens(const xmlNode* node);
/// Moves a list (<ul>/<ol>) that libxml2 put after its parent list back into it, with the stray
/// <li> that follow: libxml2's parser closes an <ol> at a <ul> written directly inside it
/// (`<ol><li>a</li><ul>…</ul><li>b</li></ol>`), leaving `<li>b</li>` outside any list; browsers
/// keep all of it in the <ol>. Only runs that end in such a stray <li> are moved, so two lists
/// that merely follow each other stay apart, except after an empty list (`<ol><ul>…</ul></ol>`
/// leaves `<ol></ol><ul>…</ul>`), which takes the list that follows. Returns how many runs were repaired.
std::size_t repair_nested_lists(xmlNode* root);
/// True for text/CDATA nodes made only of HTML whitespace, and for comments.
bool is_ignorable(const xmlNode* node) noexcept;
/// All descendant text in document order, without recursion. With `br_newlines`, <br> gives '\n'.
std::string text_content(const xmlNode* node, bool br_newlines = false);
/// Text of a text or CDATA node.
std::string_view node_text(const xmlNode* node) noexcept;

}  // namespace sheaf::html
