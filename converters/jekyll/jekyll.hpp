#pragma once
// Jekyll post reader: optional YAML front matter (yaml-cpp), then a Markdown body.
#include "core/registry.hpp"

namespace sheaf::jekyll {

/// Reads a post. Front-matter errors are Error{parse} pointing into the post file (line:col).
Document read(const Input& input, const ReaderOptions& options, Context& context);

}  // namespace sheaf::jekyll
