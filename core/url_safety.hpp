#pragma once
// URLs that must never become a link or an image in any output (issue 9): `javascript:` and
// `vbscript:` run script, `data:` carries inline content that bypasses every check on what is
// read. The HTML reader (and the Markdown and Jekyll readers through it) drops them as it reads;
// readers that take URLs from a model verbatim (the JSON reader) run drop_unsafe_urls() over what
// they built. So every Document a reader returns holds no unsafe URL, and writers need not check.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sheaf {

/// True for a `javascript:`, `vbscript:` or `data:` URL read the way browsers read a scheme: any
/// case, leading C0 controls and spaces skipped, tabs and newlines inside the scheme ignored
/// (" \x01JaVa\tScript:alert(1)" is unsafe). Relative references and other schemes are safe.
[[nodiscard]] bool is_unsafe_url(std::string_view url) noexcept;

/// True when markup text (raw HTML or Markdown) holds an unsafe URL anywhere: a `javascript:`,
/// `vbscript:` or `data:` scheme not preceded by a letter, digit, '+', '-' or '.', in any case,
/// with tabs/newlines inside it and HTML character references (`&#106;`, `&#x3A;`, `&colon;`)
/// decoded. Deliberately broad: "see data: below" in raw HTML counts too.
[[nodiscard]] bool has_unsafe_url_in_markup(std::string_view text);

/// Removes unsafe URLs from `doc` and returns how many it removed: a Link with one is replaced by
/// its content (the text stays; adjacent Text nodes are merged); an Image with one is left out;
/// a Figure whose image has one becomes a Paragraph of its caption and credit (or nothing when
/// both are empty); a RawBlock or RawInline of markup (any format but "text"/"plain", which no writer
/// interprets) for which has_unsafe_url_in_markup holds is left out, because the Markdown writer
/// copies raw HTML and Markdown verbatim. Recursion follows the document's nesting, which readers
/// bound (max_depth).
std::size_t drop_unsafe_urls(Document& doc);

}  // namespace sheaf
