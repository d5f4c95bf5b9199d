#pragma once
// Jekyll post file names: `YYYY-MM-DD-slug.ext`, where month and day may be unpadded
// (`2017-2-5-i-dont-like-zeroes.md`).
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::jekyll {

struct PostName {
  std::string date;  ///< YYYY-MM-DD, zero-padded
  std::string slug;  ///< between the date and the extension, as written (may hold CJK, spaces)
};

/// Parses the last component of `path` (after the last '/'). The year has 4 digits, month and day
/// 1 or 2, the date must exist (2023-02-29 does not), the slug is non-empty and the name ends in an
/// extension (`.` plus at least one character, no further dot). nullopt when it does not match.
std::optional<PostName> parse_post_name(std::string_view path);

/// A title made from a slug as Jekyll makes one (Utils.titleize_slug): split at '-', each word
/// capitalised (first letter upper, the rest lower; ASCII letters only, other text unchanged),
/// joined with spaces. "my-first-API-post" → "My First Api Post".
std::string title_from_slug(std::string_view slug);

}  // namespace sheaf::jekyll
