#pragma once
// libxml2's HTML parser compares each attribute of a start tag with all earlier ones (duplicate
// check), so one element with 100,000 attributes costs minutes. Before parsing, start tags with
// more than a cap of attributes lose the extra ones: linear, and a no-op (no copy) for any
// ordinary page.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::html {

/// Most attributes kept per start tag. Real pages stay far below (a few dozen at most).
inline constexpr std::size_t kMaxAttributes = 1000;

struct CappedHtml {
  std::string html;          ///< the input with the extra attributes removed
  std::size_t dropped = 0;   ///< attributes removed
  std::size_t first_at = 0;  ///< byte offset of the first start tag that lost attributes
};

/// `html` with at most `max` attributes per start tag, or nullopt when no tag has more (then the
/// input is used as is). Comments, doctypes and end tags are copied untouched.
std::optional<CappedHtml> cap_attributes(std::string_view html, std::size_t max = kMaxAttributes);

}  // namespace sheaf::html
