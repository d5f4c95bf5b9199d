#pragma once
// Small URL helpers of the HTML reader: srcset choice, hosts and file names. Unsafe schemes
// (javascript:, vbscript:, data:) are sheaf::is_unsafe_url, core/url_safety.hpp.
// Pure string functions (no URL library): they never resolve or fetch anything.
#include <string>
#include <string_view>

#include "core/url_safety.hpp"

namespace sheaf::html {

/// The best candidate of a `srcset` value (HTML's candidate syntax: "url 640w, url 2x"): the
/// largest width descriptor when any candidate has one, else the highest density (no descriptor
/// is 1x); ties keep the first. Unsafe candidates (data: placeholders) never win. "" when none.
std::string best_srcset_candidate(std::string_view srcset);

/// The host of an absolute or scheme-relative URL ("https://www.youtube.com/embed/x" →
/// "www.youtube.com"), without user info or port; "" for relative URLs.
std::string url_host(std::string_view url);

/// True for an absolute http(s) URL with a host ("https://example.org/a/"): what relative URLs
/// can be resolved against (<base href>, --base-url). Scheme case-insensitive.
bool is_absolute_http_url(std::string_view url);

/// The last path segment without query or fragment ("https://x.org/a/b.jpg?w=1" → "b.jpg").
std::string url_file_name(std::string_view url);

}  // namespace sheaf::html
