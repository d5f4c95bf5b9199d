#pragma once
// Where a post's front matter is: Jekyll's rule, on text already cleaned by
// markdown::clean_text_input (no BOM, LF line ends).
#include <cstdint>
#include <string>
#include <string_view>

namespace sheaf::jekyll {

struct FrontMatterBlock {
  bool present = false;          ///< the text opens with a `---` line
  std::string_view yaml;         ///< between the opening and closing lines (may be empty)
  std::uint32_t yaml_line = 0;   ///< 1-based line of the post where `yaml` starts (2 when present)
  std::string_view body;         ///< everything after the closing line (the whole text if absent)
  std::uint32_t body_line = 1;   ///< 1-based line of the post where `body` starts
};

/// Front matter is present when the first line is `---` (trailing spaces or tabs allowed); it ends
/// at the next line that is `---` or `...` (trailing spaces or tabs allowed). Without such a line
/// it is Error{parse} "front matter opened at line 1 is never closed" at 1:1 naming `source_name`.
/// Linear in the size of the front matter.
FrontMatterBlock find_front_matter(std::string_view text, const std::string& source_name);

}  // namespace sheaf::jekyll
