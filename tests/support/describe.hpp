#pragma once
// A compact, readable rendering of the model for test assertions:
//   Para[Text "a " Strong[Text "b"]] Figure{img="x.png" caption=[Text "c"] credit=[Text "d"]}
#include <string>

#include "core/document.hpp"

namespace sheaf::test {

std::string describe(const Inlines& inlines);
std::string describe(const Blocks& blocks);

}  // namespace sheaf::test
