#pragma once
// Liquid without a Liquid engine: the handful of tags and outputs Jekyll posts use, expanded
// predictably before the Markdown is parsed (Jekyll renders Liquid first, then kramdown).
// docs/formats/jekyll.md ("Liquid") lists every rule.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/context.hpp"
#include "core/document.hpp"

namespace sheaf::jekyll {

/// What `{{ site.* }}` and `{{ page.* }}` resolve against.
struct LiquidScope {
  const MetaMap* site = nullptr;  ///< _config.yml values (may be null: no site found)
  const MetaMap* page = nullptr;  ///< the post's metadata (may be null)
};

/// Expands Liquid in a post body:
///   - `{% raw %}…{% endraw %}` → its content, literally;
///   - `{% comment %}…{% endcomment %}` → nothing (silently);
///   - `{% highlight lang [linenos] %}…{% endhighlight %}` → a fenced code block with that language;
///   - `{{ site.x }}`, `{{ page.x }}`, quoted strings, with the filters `relative_url` and
///     `absolute_url` (other filters pass the value through) → the value; undefined → empty;
///   - `{% post_url NAME %}`, `{% link PATH %}` → that page's URL under the site's baseurl;
///   - `{% capture %}…{% endcapture %}` → nothing; `{% if/unless/for/case … %}` and their
///     `else`/`elsif`/`when`/`end…` → the tag dropped, the text between kept;
///   - `{% include %}`, `{% gist %}`, `{% assign %}` and unknown tags → dropped.
/// Every dropped tag or undefined output is a warning `jekyll.liquid_dropped` naming it and its
/// line (`first_line` is the post line where `body` starts). Unclosed `{{`/`{%` stay as text.
/// Liquid inside code fences is live, as in Jekyll. Linear in the size of the body.
std::string expand_liquid(std::string_view body, const LiquidScope& scope,
                          const std::string& source_name, std::uint32_t first_line,
                          Context& context);

/// The URL Jekyll gives the post `name` (`2010-07-21-title`, file name without extension) under
/// the default permalink `/:year/:month/:day/:title.html`, or `/:year/:month/:day/:title/` when
/// `permalink` is `pretty`; prefixed with `baseurl`. Empty when `name` is not a dated post name.
std::string post_url(std::string_view name, std::string_view baseurl, std::string_view permalink);

}  // namespace sheaf::jekyll
