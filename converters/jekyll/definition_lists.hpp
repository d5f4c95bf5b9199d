#pragma once
// kramdown definition lists come out of rewrite_kramdown as one <dl> per definition; this joins
// them again in the model.
#include "core/document.hpp"

namespace sheaf::jekyll {

/// Merges adjacent top-level DefinitionLists into one; an item without a term (a further
/// `: definition` of the previous term) adds its definitions to the previous item.
void merge_definition_lists(Blocks& blocks);

}  // namespace sheaf::jekyll
