#pragma once
// The Markdown reader's two routes (converters/markdown/cmark_model.hpp): straight from cmark's
// tree, and through cmark's HTML and the HTML reader. Tests read one input both ways and require
// the same document and the same diagnostics.
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/options.hpp"
#include "core/registry.hpp"

namespace sheaf::test {

struct RouteComparison {
  bool direct = false;   ///< the tree route applied (Markdown inputs only; false for Jekyll)
  std::string mismatch;  ///< empty when both routes gave the same document and diagnostics
  Document document;     ///< the default route's document
};

/// markdown::read of `markdown` with options.markdown_via_html false and true.
RouteComparison compare_markdown_routes(std::string_view markdown, ReaderOptions options = {});

/// jekyll::read of `input` both ways (Input::name should be the post's real path: site lookup).
RouteComparison compare_jekyll_routes(const Input& input, ReaderOptions options = {});

}  // namespace sheaf::test
