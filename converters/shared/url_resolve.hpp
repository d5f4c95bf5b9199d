#pragma once
// Relative link targets made absolute for printing. A mirrored post links "/other-article/"
// relative to the site it was copied from; in plain text only an absolute URL can be followed,
// so targets are resolved against the document's source URL (`source`, else `from`, else a base
// that is an http(s) URL). The HTML reader resolves `--base-url` with it too. (The EPUB writer
// still has its own RFC 3986 resolver in converters/epub/urls.hpp; merging the two is open.)
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sheaf::shared {

/// The http(s) URL relative targets resolve against, or "" when the document has none.
[[nodiscard]] std::string url_base(const Document& doc);

/// `ref` resolved against the absolute `base` (RFC 3986 section 5.2, dot segments removed).
/// `ref` comes back unchanged when it has a scheme, is a fragment only, or `base` is empty.
[[nodiscard]] std::string resolve_url(std::string_view base, std::string_view ref);

}  // namespace sheaf::shared
