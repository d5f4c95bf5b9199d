#pragma once
// The one RFC 3986 relative-reference resolver. The EPUB writer resolves image sources and links
// against a post's URL with it (converters/epub/urls.hpp keeps only the EPUB-side trimming); the
// text writer makes printed link targets absolute against the document's source URL; the HTML
// reader resolves `--base-url` with it.
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sheaf::shared {

/// The http(s) URL relative targets resolve against (`source`, else `from`, else a base that is an
/// http(s) URL), or "" when the document has none.
[[nodiscard]] std::string url_base(const Document& doc);

/// `ref` resolved against the absolute `base` by RFC 3986 section 5.2.2, dot segments removed
/// (section 5.2.4). `ref` comes back unchanged when it has a scheme or `base` has none. A
/// fragment-only or empty `ref` resolves too (to `base` without its fragment, plus the fragment).
[[nodiscard]] std::string resolve_reference(std::string_view base, std::string_view ref);

/// A link target as a reader follows it: resolve_reference, except that a fragment-only or empty
/// `ref` (a place in the same document) and an empty `base` leave `ref` as written.
[[nodiscard]] std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace sheaf::shared
