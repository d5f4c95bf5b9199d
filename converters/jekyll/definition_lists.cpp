#include "converters/jekyll/definition_lists.hpp"

namespace sheaf::jekyll {

void merge_definition_lists(Blocks& blocks) {
  Blocks out;
  out.reserve(blocks.size());
  for (Block& b : blocks) {
    auto* list = std::get_if<DefinitionList>(&b.node);
    DefinitionList* previous = out.empty() ? nullptr : std::get_if<DefinitionList>(&out.back().node);
    if (!list || !previous) {
      out.push_back(std::move(b));
      continue;
    }
    for (DefinitionItem& item : list->items) {
      if (item.term.empty() && !previous->items.empty()) {
        for (Blocks& d : item.definitions) previous->items.back().definitions.push_back(std::move(d));
      } else {
        previous->items.push_back(std::move(item));
      }
    }
  }
  blocks = std::move(out);
}

}  // namespace sheaf::jekyll
