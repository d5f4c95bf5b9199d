#pragma once
// URL handling the package needs: hrefs epubcheck accepts, resolution against a post's URL base,
// and the keys that match a link to another chapter of the same book.
#include <string>
#include <string_view>

namespace sheaf::epub {

/// The lower-case scheme ("https", "mailto", "file"), or "" for a relative reference.
std::string url_scheme(std::string_view url);

/// http(s) URLs and network-path references ("//host/x").
bool is_remote_url(std::string_view url);

/// `url` as a valid href for epubcheck, or "" when it cannot be one. Surrounding whitespace is
/// trimmed; everything a URL may not contain is percent-encoded (spaces, controls, non-ASCII,
/// `<>"{}|\^``, a `%` not starting an escape, a second `#`); for http(s)/ftp the slashes after the
/// scheme are normalized to two and a non-ASCII host becomes its IDNA (punycode) form. A host with
/// characters no host may hold ("example.com>spam</a>", "%3E") makes the URL invalid: "".
std::string clean_href(std::string_view url);

/// RFC 3492 punycode of one label (UTF-8 in, ASCII out, without the "xn--" prefix).
std::string punycode(std::string_view label);

/// Percent-escapes decoded ("a%20b.png" → "a b.png"); malformed escapes are kept literally.
std::string percent_decode(std::string_view s);

/// `ref` resolved against an absolute `base` URL by shared::resolve_reference
/// (converters/shared/url_resolve.hpp), both first trimmed of the surrounding whitespace hrefs in
/// posts often carry, and read with url_scheme's rules: a base without a scheme leaves `ref` as it
/// is, and "C:\x.png" (a drive letter, not a scheme) resolves as a path.
std::string resolve_url(std::string_view base, std::string_view ref);

/// A key under which two spellings of the same page compare equal: scheme dropped (http/https),
/// host lower-cased, fragment dropped, trailing "/", "/index.html" and ".html" dropped.
std::string url_key(std::string_view url);

/// `url` split at its first '#': {before, fragment without '#'}.
std::pair<std::string_view, std::string_view> split_fragment(std::string_view url);

}  // namespace sheaf::epub
