#pragma once
// The libxml2 XPath adapter: evaluates a selector's XPath steps over a parsed tree and removes
// what they select (--drop SELECTOR, compiled by css_selector.hpp). Contexts and results live in
// RAII handles; nothing of libxml2's XPath API leaves this file pair.
#include <libxml/tree.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sheaf::html {

/// XPath steps one evaluation may take: a guard against hostile input, far above what one
/// single-step expression (`//div[…]`) needs on real pages.
inline constexpr unsigned long kXPathOpLimit = 50'000'000;

/// Unlinks and frees every element matching the descendant chain `steps` (css_to_xpath_steps:
/// an element matching the last step with ancestors matching the others, in order). Each step is
/// evaluated alone by libxml2 (linear), the chain by one walk over the tree, so deep nesting
/// cannot make it quadratic. Returns how many elements were removed (nested matches count once
/// each), or nullopt when a step failed (malformed, or over kXPathOpLimit): then nothing is
/// removed. Pointers into the removed subtrees are invalid afterwards: call before any other pass.
std::optional<std::size_t> remove_matching(xmlDoc* doc, const std::vector<std::string>& steps);

}  // namespace sheaf::html
