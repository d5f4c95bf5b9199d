#pragma once
// Plain-text writer: readable text for terminals, tools and NLP, CJK-correct (docs/formats/text.md).
#include <ostream>

#include "core/registry.hpp"

namespace sheaf::text {

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

}  // namespace sheaf::text
