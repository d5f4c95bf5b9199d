#pragma once
// The reference renderer for the Markdown writer's tests: cmark-gfm with the GFM extensions
// (table, strikethrough, autolink, tasklist, footnotes) and raw HTML kept, as GitHub runs it.
#include <string>
#include <string_view>

namespace sheaf::test_md {

/// The HTML cmark-gfm renders for `markdown`.
std::string gfm_html(std::string_view markdown);

/// cmark-gfm's tree for `markdown` in the canonical form of canonical.hpp, to compare with the
/// canonical form of the Document the Markdown was written from.
std::string gfm_canonical(std::string_view markdown);

}  // namespace sheaf::test_md
