#pragma once
// How Jekyll's YAML loader (Ruby's Psych, YAML 1.1) types a plain scalar, so that `comments: True`
// is a bool and `title: 2013` a number, exactly as the site's templates saw them.
#include <string_view>

#include "core/document.hpp"

namespace sheaf::jekyll {

/// The value of a plain (unquoted, untagged) scalar, by Psych's rules (docs/formats/jekyll.md):
///   ""                                       → null (yaml-cpp turns `~`/`null` into null itself)
///   ~, null (any case)                       → null
///   yes/true/on, no/false/off (any case)     → bool
///   [-+]? decimal with `_`, 0x…, 0b…, 0…(octal), 0o… → int64 (beyond int64: the text)
///   [-+]?digits?.digits?([eE][-+]digits)?, [-+].inf, .nan (any case) → double
///   anything else (dates and times included) → the text as written
/// Deliberately unlike Psych: `1,000` and sexagesimal `1:30` stay text (Psych makes 1000 and 90).
MetaValue resolve_plain_scalar(std::string_view text);

}  // namespace sheaf::jekyll
