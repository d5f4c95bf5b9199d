#pragma once
// The Jekyll site a post belongs to: its root folder and its `_config.yml`.
#include <optional>
#include <string>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::jekyll {

struct SiteConfig {
  std::string root;  ///< the site folder ("" when none was found)
  MetaMap values;    ///< `_config.yml` as typed metadata ({} when there is none)
};

/// Finds the site of the post at `post_path`: walking up from the post's folder (at most 64
/// levels), the first folder holding a readable `_config.yml` (read through `context`), else the
/// parent of the nearest `_posts` folder on the path. nullopt for stdin ("-") or when neither is
/// found. An unreadable or invalid `_config.yml` gives empty values and a `jekyll.config_invalid`
/// warning. The same yaml-cpp adapter as front matter types the values.
std::optional<SiteConfig> find_site(const std::string& post_path, const ReaderOptions& options,
                                    Context& context);

}  // namespace sheaf::jekyll
