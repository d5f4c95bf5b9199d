#include "converters/html/libxml_document.hpp"

#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

namespace sheaf::html {
namespace {

// libxml2 keeps the error handler per thread; a no-op handler keeps stderr clean.
void discard_error(void*, xmlErrorPtr) {}

struct ErrorHandlerScope {
  ErrorHandlerScope() { xmlSetStructuredErrorFunc(nullptr, discard_error); }
  ~ErrorHandlerScope() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
};

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

XmlDocPtr parse_html(std::string_view bytes, const char* encoding) {
  // libxml2 initialises its globals lazily and racily; batch mode parses on many threads.
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  ErrorHandlerScope scope;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | XML_PARSE_HUGE | HTML_PARSE_NODEFDTD |
                      HTML_PARSE_IGNORE_ENC;  // bytes are UTF-8 already: never switch on <meta charset>
  // htmlReadMemory takes an int size; callers enforce max_input_bytes well below INT_MAX.
  return XmlDocPtr(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options));
}

std::string_view element_name(const xmlNode* node) noexcept {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  return reinterpret_cast<const char*>(node->name);  // the HTML parser lower-cases names
}

std::string attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      std::string out;
      for (const xmlNode* c = a->children; c; c = c->next)
        if (c->content) out += reinterpret_cast<const char*>(c->content);
      return out;
    }
  }
  return {};
}

bool has_attribute(const xmlNode* node, const char* name) noexcept {
  for (const xmlAttr* a = node->properties; a; a = a->next)
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  return false;
}

bool class_contains(const xmlNode* node, std::string_view part) {
  const std::string cls = attribute(node, "class");
  if (cls.size() < part.size()) return false;
  for (std::size_t i = 0; i + part.size() <= cls.size(); ++i) {
    std::size_t k = 0;
    while (k < part.size() && ascii_lower(cls[i + k]) == part[k]) ++k;
    if (k == part.size()) return true;
  }
  return false;
}

std::string_view node_text(const xmlNode* node) noexcept {
  if (!node || !node->content) return {};
  return reinterpret_cast<const char*>(node->content);
}

bool is_ignorable(const xmlNode* node) noexcept {
  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE) return true;
  if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) return false;
  for (char c : node_text(node))
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

std::string text_content(const xmlNode* node, bool br_newlines) {
  std::string out;
  if (!node) return out;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) return std::string(node_text(node));
  const xmlNode* cur = node->children;
  while (cur) {
    if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      out += node_text(cur);
    } else if (cur->type == XML_ELEMENT_NODE) {
      const auto name = element_name(cur);
      if (br_newlines && name == "br") out += '\n';
      if (cur->children && name != "script" && name != "style") { cur = cur->children; continue; }
    }
    while (cur && !cur->next && cur != node) cur = cur->parent;
    if (!cur || cur == node) break;
    cur = cur->next;
  }
  return out;
}

}  // namespace sheaf::html

namespace sheaf::html {

std::vector<std::string> class_tokens(const xmlNode* node) {
  std::vector<std::string> out;
  const std::string cls = attribute(node, "class");
  std::size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && (cls[i] == ' ' || cls[i] == '\t' || cls[i] == '\n' || cls[i] == '\r' || cls[i] == '\f')) ++i;
    const std::size_t start = i;
    while (i < cls.size() && !(cls[i] == ' ' || cls[i] == '\t' || cls[i] == '\n' || cls[i] == '\r' || cls[i] == '\f')) ++i;
    if (i > start) out.push_back(cls.substr(start, i - start));
  }
  return out;
}

namespace {

bool is_list(const xmlNode* n) {
  const auto name = element_name(n);
  return name == "ul" || name == "ol";
}

}  // namespace

std::size_t repair_nested_lists(xmlNode* root) {
  std::size_t repaired = 0;
  xmlNode* cur = root;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE && is_list(cur) && !is_list(cur->parent)) {
      // The run after the list: lists, stray <li> and whitespace; it must end in a stray <li>.
      xmlNode* last_li = nullptr;
      xmlNode* first_list = nullptr;
      for (xmlNode* s = cur->next; s; s = s->next) {
        if (element_name(s) == "li") last_li = s;
        else if (is_list(s) && !first_list) first_list = s;
        else if (!(is_list(s) || (is_ignorable(s) && s->type != XML_COMMENT_NODE))) break;
      }
      // An outer list left with no element at all (`<ol><ul>…</ul></ol>`) takes the list after it.
      bool empty = true;
      for (const xmlNode* c = cur->children; c && empty; c = c->next) empty = c->type != XML_ELEMENT_NODE;
      if (!last_li && empty && first_list) last_li = first_list;
      if (last_li) {
        bool more = true;
        while (more) {
          xmlNode* s = cur->next;
          more = s != last_li;
          xmlUnlinkNode(s);
          xmlAddChild(cur, s);  // may merge (and free) a whitespace text node: s is not used again
        }
        ++repaired;
      }
    }
    if (cur->type == XML_ELEMENT_NODE && cur->children) { cur = cur->children; continue; }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) break;
    cur = cur->next;
  }
  return repaired;
}

}  // namespace sheaf::html
