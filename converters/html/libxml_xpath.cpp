#include "converters/html/libxml_xpath.hpp"

#include <libxml/xpath.h>

#include <memory>
#include <unordered_set>

namespace sheaf::html {
namespace {

struct XPathContextDeleter {
  void operator()(xmlXPathContext* c) const noexcept { xmlXPathFreeContext(c); }
};
struct XPathObjectDeleter {
  void operator()(xmlXPathObject* o) const noexcept { xmlXPathFreeObject(o); }
};
struct NodeDeleter {
  void operator()(xmlNode* n) const noexcept { xmlFreeNode(n); }
};

// libxml2 reports XPath errors through the structured error handler; a no-op keeps stderr clean.
void discard_error(void*, xmlErrorPtr) {}

struct ErrorHandlerScope {
  ErrorHandlerScope() { xmlSetStructuredErrorFunc(nullptr, discard_error); }
  ~ErrorHandlerScope() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
};

// The elements one XPath expression selects, or nullopt when it fails.
std::optional<std::unordered_set<const xmlNode*>> select(xmlXPathContext* context, const std::string& xpath) {
  context->opCount = 0;
  std::unique_ptr<xmlXPathObject, XPathObjectDeleter> result(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context));
  if (!result || result->type != XPATH_NODESET) return std::nullopt;
  std::unordered_set<const xmlNode*> out;
  if (const xmlNodeSet* set = result->nodesetval)
    for (int i = 0; i < set->nodeNr; ++i)
      if (set->nodeTab[i] && set->nodeTab[i]->type == XML_ELEMENT_NODE) out.insert(set->nodeTab[i]);
  return out;
}

}  // namespace

std::optional<std::size_t> remove_matching(xmlDoc* doc, const std::vector<std::string>& steps) {
  xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
  if (!root || steps.empty()) return 0;
  std::unique_ptr<xmlXPathContext, XPathContextDeleter> context(xmlXPathNewContext(doc));
  if (!context) return std::nullopt;
  context->opLimit = kXPathOpLimit;
  std::vector<std::unordered_set<const xmlNode*>> sets;
  {
    ErrorHandlerScope scope;
    for (const std::string& step : steps) {
      auto set = select(context.get(), step);
      if (!set) return std::nullopt;
      sets.push_back(std::move(*set));
    }
  }
  // One walk without recursion. `state` of a node is how many leading steps its ancestors match,
  // greedily (greedy is exact for a chain of descendant combinators); a node matching step
  // `state` when state is the last index matches the selector.
  const std::size_t last = sets.size() - 1;
  std::vector<xmlNode*> matched;
  std::vector<std::size_t> states{0};  // states.back(): the state the current node's children see
  xmlNode* cur = root;
  while (cur) {
    std::size_t state = states.back();
    if (cur->type == XML_ELEMENT_NODE) {
      if (state == last && sets[last].count(cur)) matched.push_back(cur);
      if (state < last && sets[state].count(cur)) ++state;
      if (cur->children) {
        states.push_back(state);
        cur = cur->children;
        continue;
      }
    }
    while (cur && cur != root && !cur->next) {
      cur = cur->parent;
      states.pop_back();
    }
    if (!cur || cur == root) break;
    cur = cur->next;
  }
  // Unlink every match first (all pointers still valid), then free them: a match nested in an
  // earlier one is detached from it, so each subtree is freed exactly once.
  std::vector<std::unique_ptr<xmlNode, NodeDeleter>> removed;
  removed.reserve(matched.size());
  for (xmlNode* n : matched) {
    xmlUnlinkNode(n);
    removed.emplace_back(n);
  }
  return removed.size();
}

}  // namespace sheaf::html
