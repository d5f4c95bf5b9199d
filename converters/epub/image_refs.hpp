#pragma once
// Every image reference of a document, so that the EPUB writer can ask for all remote images of a
// book at once (Context::fetch runs them in parallel) before it writes the first chapter.
#include <string>
#include <vector>

#include "core/document.hpp"

namespace sheaf::epub {

/// The `src` of every Image (inline or in a Figure) of `doc`, in document order, repeats kept.
std::vector<std::string> image_sources(const Document& doc);

}  // namespace sheaf::epub
