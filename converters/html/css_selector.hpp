#pragma once
// --drop SELECTOR: the small CSS subset users write to remove page parts, compiled to an XPath 1.0
// expression that libxml2 evaluates (libxml_xpath.hpp). Accepted forms: `tag`, `*`, `.class`,
// `#id`, `[attr]`, `[attr=value]` (value bare or quoted) and compounds of them (`div.share`,
// `a[rel=nofollow]`), joined by the descendant combinator (whitespace: `#main .ad`). Anything else
// (`>`, `+`, `~`, `,`, pseudo-classes, `[attr^=x]`) is rejected, never guessed at.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::html {

/// The XPath selecting every element `selector` matches (`//div[…]//a`), or nullopt when the
/// selector is not of the accepted forms. Tag and attribute names are matched lower-case (the
/// HTML parser lower-cases them); classes by whole word, case-sensitively, as CSS does.
std::optional<std::string> css_to_xpath(std::string_view selector);

/// The same selector as one XPath per compound, outermost first (`div.share a` →
/// {"//div[…]", "//a"}): the element matches when it matches the last step and has ancestors
/// matching the others in order. remove_matching evaluates the steps separately, because libxml2
/// takes quadratic time or worse on a chain `//div//div` over deeply nested input.
std::optional<std::vector<std::string>> css_to_xpath_steps(std::string_view selector);

}  // namespace sheaf::html
