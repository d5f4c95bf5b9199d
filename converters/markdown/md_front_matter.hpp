#pragma once
// YAML front matter from the document's metadata, written by hand (yaml-cpp stays behind
// converters/jekyll/front_matter.*): keys in their original order, each value typed as it was.
//   title: Hello            # plain when YAML (1.1 or 1.2) reads it back as the same string
//   count: 3                # ints, doubles (always with a '.'), true/false, null
//   date: 2024-06-25        # dates are strings in the model and are written as they were
//   tags: [a, b]            # a list of scalars on one line when it fits in 80 columns
#include <string>

#include "core/document.hpp"

namespace sheaf::markdown {

/// The `---`-delimited block (ending in a newline), or "" when `meta` is empty. Keys listed
/// under meta_key::derived (added by a reader, e.g. Jekyll's slug) and that list are left out.
std::string md_front_matter(const MetaMap& meta);

/// One scalar string as YAML: plain when that reads back as this exact string under YAML 1.1
/// (Jekyll's Psych) and YAML 1.2, else double-quoted with escapes. `in_flow` adds the flow
/// indicators `,[]{}` to the characters that force quotes.
std::string md_yaml_string(const std::string& s, bool in_flow);

}  // namespace sheaf::markdown
