#pragma once
// --group-by: which books a post goes into. A group is named by its file name (`2024-06`,
// `tag-rust`), which is also its identity: tags that differ only in case or punctuation
// ("Rust", "rust") make one group. Names are safe file names whatever the metadata holds.
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_options.hpp"
#include "core/document.hpp"

namespace sheaf::cli {

struct GroupName {
  std::string stem;   ///< the book's file name without `.epub`: `2024-06`, `tag-rust`, `untagged`
  std::string label;  ///< as the metadata spells it: `2024-06`, `Rust`; the book's title
};

/// The groups of a post, without duplicates, in metadata order. A post without the key goes into
/// one group: `undated` (month, year: no date, or one that does not start YYYY-MM[-DD]),
/// `uncategorized`, `untagged` or `anonymous`.
/// - month: `YYYY-MM` of `date` as written (the author's local date, not converted to UTC);
/// - year: `YYYY`;
/// - category: `category-<slug>` for each of `categories` and `category` (lists, or
///   space-separated words as Jekyll reads them);
/// - tag: `tag-<slug>` for each of `tags` and `tag`;
/// - author: `author-<slug>` for each of `author` and `authors` (a string is one name; a
///   mapping's `name`).
std::vector<GroupName> group_names(const MetaMap& meta, GroupBy by);

/// A file-name-safe slug: ASCII letters and digits lowercased, `+` as `plus`, `#` as `sharp`,
/// other ASCII runs as one `-` (none at either end), non-ASCII UTF-8 kept as is; at most 120
/// bytes, a longer slug cut at a character boundary and ended with 8 hex digits of its hash so
/// that distinct long names stay distinct. Empty text gives `x-<hash>`.
std::string slugify(std::string_view text);

}  // namespace sheaf::cli
