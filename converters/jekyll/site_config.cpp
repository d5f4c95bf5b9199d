#include "converters/jekyll/site_config.hpp"

#include <filesystem>

#include "converters/jekyll/front_matter.hpp"
#include "core/error.hpp"

namespace sheaf::jekyll {
namespace {

// The site's _config.yml values; an unreadable file gives nullopt, a broken one a warning.
std::optional<MetaMap> read_config(const std::filesystem::path& config, const ReaderOptions& options,
                                   Context& context) {
  auto yaml = context.read_file(config);
  if (!yaml) return std::nullopt;
  try {
    return parse_front_matter(*yaml, 1, config.generic_string(), options, context);
  } catch (const Error& e) {
    context.report(Diagnostic{Severity::warning, "jekyll.config_invalid",
                              std::string("site configuration ignored: ") + e.what(),
                              config.generic_string(), SourcePos{}});
    return MetaMap{};
  }
}

}  // namespace

std::optional<SiteConfig> find_site(const std::string& post_path, const ReaderOptions& options,
                                    Context& context) {
  if (post_path.empty() || post_path == "-") return std::nullopt;
  namespace fs = std::filesystem;
  const fs::path post(post_path);
  std::optional<fs::path> posts_parent;
  fs::path dir = post.parent_path();
  if (!options.site_root.empty()) {
    // --site-root: that folder is the site, with or without a _config.yml.
    auto values = read_config(fs::path(options.site_root) / "_config.yml", options, context);
    return SiteConfig{options.site_root, values ? std::move(*values) : MetaMap{}};
  }
  for (int level = 0; level < 64; ++level) {
    const fs::path config = dir.empty() ? fs::path("_config.yml") : dir / "_config.yml";
    if (auto values = read_config(config, options, context))
      return SiteConfig{dir.empty() ? "." : dir.generic_string(), std::move(*values)};
    if (!posts_parent && dir.filename() == "_posts") posts_parent = dir.parent_path();
    if (!dir.has_relative_path() || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  if (!posts_parent) return std::nullopt;
  return SiteConfig{posts_parent->empty() ? "." : posts_parent->generic_string(), {}};
}

}  // namespace sheaf::jekyll
