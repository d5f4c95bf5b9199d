#pragma once
// Jekyll's post semantics on top of the front matter: dates, tags/categories, site fallbacks, the
// news-mirror heading. docs/formats/jekyll.md ("Post semantics") gives every rule.
#include <string>
#include <string_view>

#include "core/context.hpp"
#include "core/document.hpp"

namespace sheaf::jekyll {

/// The key holding the normalised date (RFC 3339, core/date_time.hpp); `date` stays as written.
inline constexpr const char* kDateKey = "date_rfc3339";

/// Sets `key` to `value` as a key the reader derived, listed under meta_key::derived so that the
/// front matter written back holds only the post's own keys (JSON keeps them all). The list
/// is kept the last field.
void set_derived(MetaMap& meta, std::string_view key, MetaValue value);

/// Adds `date_rfc3339` from `date` (a `jekyll.date_invalid` warning when it does not normalise);
/// turns a space-separated `tags`/`categories` string into a list of words (as Jekyll does);
/// fills `author` and `lang` from the site's `_config.yml` when the post has none.
void complete_post_meta(MetaMap& meta, const MetaMap* site, const std::string& source_name,
                        Context& context);

/// A news-mirror post opens with `<!--1719358742000-->` (or `<!--NaN-->`) and a heading that is a
/// link to the article (`[title](url)` underlined with `---`/`===`, or `#`…`# [title](url)`).
/// Returns the body without the comment and that heading, and sets `source` to the link's URL when the post has no `source`. Other bodies come back as is.
std::string_view strip_mirror_heading(std::string_view body, MetaMap& meta);

/// The text before the excerpt separator (`excerpt_separator` of the post, else of the site,
/// else `<!--more-->`), or an empty view when the body does not contain it.
std::string_view excerpt_source(std::string_view body, const MetaMap& meta, const MetaMap* site);

}  // namespace sheaf::jekyll
