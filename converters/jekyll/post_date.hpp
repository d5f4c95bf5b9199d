#pragma once
// Post dates as they appear in front matter, in one documented form (docs/formats/jekyll.md).
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::jekyll {

/// Normalises the date forms Jekyll posts use to RFC 3339 / ISO 8601:
///   2024-06-25                     → 2024-06-25
///   2013-3-7                       → 2013-03-07
///   2024-06-25T23:35:57.314Z       → 2024-06-25T23:35:57.314Z
///   2024-06-25 10:00:00 +0800      → 2024-06-25T10:00:00+08:00
///   2010-01-09 13:59 -8            → 2010-01-09T13:59:00-08:00
///   2024-06-25 10:00:00            → 2024-06-25T10:00:00 (no zone: the site's local time)
/// The date and time are separated by `T`, `t` or blanks; the zone is `Z`, `±H`, `±HH`, `±HHMM`
/// or `±HH:MM`, optionally after blanks; surrounding blanks are ignored. The zone is kept, not
/// converted. nullopt for anything else, including impossible dates (2023-02-29, 25:00).
std::optional<std::string> normalise_date(std::string_view text);

}  // namespace sheaf::jekyll
