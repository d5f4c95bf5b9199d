#pragma once
// kramdown's link definitions (`[id]: url "title"`) where they differ from CommonMark's: the URL
// may hold spaces, the title may stand on the next line, and a later definition of an id wins.
// Used with `input: kramdown`; docs/formats/jekyll.md ("kramdown syntax") lists the rules.
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sheaf::jekyll {

struct LinkDefinition {
  std::string id;              ///< the id as written
  std::string label;           ///< the id, normalised (normalize_link_label)
  std::string markdown;        ///< the definition as cmark reads it: `[id]: <url> "title"`
  bool title_on_next = false;  ///< the title came from the next line, which is used up
};

/// kramdown's link definition at `line` (up to three spaces, `[id]:`, a URL, `<url>` or text that
/// may hold spaces, and an optional `"title"` or `'title'`, on the line or alone on `next`);
/// nullopt when `line` is not one (a footnote definition `[^id]:`, no URL, a URL followed by an
/// unclosed quote).
std::optional<LinkDefinition> kramdown_link_definition(std::string_view line, std::string_view next);

/// `[id]: <url> "title"` (no title when empty), as cmark reads it whatever the URL holds.
std::string link_definition_markdown(std::string_view id, std::string_view url, std::string_view title);

/// A link id as kramdown and CommonMark compare them: ASCII lower case, whitespace runs as one
/// space, no space at either end.
std::string normalize_link_label(std::string_view label);

/// normalize_link_label(label) when it is at most `limit` bytes long, else nullopt, read only as
/// far as needed to tell: a lookup among labels of at most `limit` bytes costs no more than that
/// (issue 9: the text of each of n nested brackets is not normalised whole).
std::optional<std::string> normalize_link_label(std::string_view label, std::size_t limit);

}  // namespace sheaf::jekyll
