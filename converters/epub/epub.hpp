#pragma once
// EPUB 3.3 writer: a valid book by construction (docs/formats/epub.md).
#include <ostream>

#include "core/registry.hpp"

namespace sheaf::epub {

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

}  // namespace sheaf::epub
