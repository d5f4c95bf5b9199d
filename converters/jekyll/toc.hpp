#pragma once
// kramdown's `{:toc}`: the marker paragraph left by rewrite_kramdown becomes a nested list of
// links to the headings that follow it.
#include "converters/jekyll/kramdown_config.hpp"
#include "core/document.hpp"

namespace sheaf::jekyll {

/// Replaces each top-level paragraph holding exactly kTocMarker with a bullet list of links
/// (`#id`) to the headings after it, nested by level. Headings without an id get kramdown's
/// automatic one (`auto_id`: lower case, letters/digits/`-`/`_` kept, spaces to `-`, leading
/// non-letters dropped, `-1`, `-2`… for repeats) unless `config.auto_ids` is off, when they are not
/// listed. Only levels within `config.toc_levels` are listed; footnotes are left out of the
/// entries. Without a marker the blocks are unchanged.
void build_toc(Blocks& blocks, const KramdownConfig& config = {});

/// kramdown's automatic header id for `text` ("section" when nothing is left).
std::string auto_id(std::string_view text);

}  // namespace sheaf::jekyll
