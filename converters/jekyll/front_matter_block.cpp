#include "converters/jekyll/front_matter_block.hpp"

#include "core/error.hpp"

namespace sheaf::jekyll {
namespace {

/// True when `line` is `marker` followed only by spaces or tabs.
bool is_marker_line(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  return line.find_first_not_of(" \t", marker.size()) == std::string_view::npos;
}

}  // namespace

FrontMatterBlock find_front_matter(std::string_view text, const std::string& source_name) {
  FrontMatterBlock block;
  block.body = text;
  const std::size_t first_end = text.find('\n');
  // Jekyll requires a line end after the opening `---` (`\A---\s*\r?\n`).
  if (first_end == std::string_view::npos || !is_marker_line(text.substr(0, first_end), "---"))
    return block;

  std::uint32_t line = 2;
  std::size_t start = first_end + 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    const std::string_view current = text.substr(start, end - start);
    if (is_marker_line(current, "---") || is_marker_line(current, "...")) {
      block.present = true;
      block.yaml = text.substr(first_end + 1, start - (first_end + 1));
      block.yaml_line = 2;
      block.body = last ? std::string_view() : text.substr(end + 1);
      block.body_line = line + 1;
      return block;
    }
    if (last) break;
    start = end + 1;
    ++line;
  }
  throw Error(ErrorCode::parse, "front matter opened at line 1 is never closed", source_name,
              SourcePos{1, 1});
}

}  // namespace sheaf::jekyll
