#pragma once
// kramdown's typographic substitutions in span text, as Jekyll renders them by default: smart
// quotes (RubyPants' rules as kramdown applies them) and the symbols `...` `---` `--` `<<` `>>`.
#include <cstddef>
#include <string>
#include <string_view>

#include "converters/jekyll/kramdown_config.hpp"

namespace sheaf::jekyll {

/// When `text[i]` starts a smart quote or a typographic symbol, appends its replacement (from
/// `config`) to `out`, moves `i` past it and returns true; else returns false and changes nothing.
/// `prev` is the character before `i` in the same run of span text, or 0 when `i` starts the run
/// or the character before belongs to other syntax (an emphasis mark, a code span, a tag): it
/// picks between kramdown's rules for a quote after text and a quote at the start of a run.
/// Callers skip code, math, tags, URLs and escaped characters.
bool typographic_at(std::string_view text, std::size_t& i, char prev, const KramdownConfig& config,
                    std::string& out);

}  // namespace sheaf::jekyll
