#pragma once
// What each HTML element means to the reader. One table (element_kinds.cpp); an element not in it
// is treated as a transparent inline container, so its text is never lost.
#include <string_view>

namespace sheaf::html {

enum class ElementKind {
  dropped,            ///< script, style, forms, embedded objects: no text of the article
  block_container,    ///< div, section, article…: a paragraph boundary, children kept
  paragraph,          ///< p
  heading,            ///< h1..h6
  bullet_list,        ///< ul, menu, dir
  ordered_list,       ///< ol
  list_item,          ///< li (outside a list: treated as a block container)
  block_quote,        ///< blockquote
  preformatted,       ///< pre, listing, xmp, plaintext
  thematic_break,     ///< hr
  table,              ///< table
  figure,             ///< figure
  definition_list,    ///< dl
  line_break,         ///< br
  image,              ///< img
  link,               ///< a
  emphasis,           ///< em, i, cite, dfn, var
  strong,             ///< strong, b
  strikeout,          ///< del, s, strike
  superscript,        ///< sup
  subscript,          ///< sub
  code,               ///< code, kbd, samp, tt
  span,               ///< span, font, and other phrasing wrappers
  classed_span,       ///< ins, mark, abbr, acronym: a Span whose class names the element (abbr for acronym)
  embedded_media,     ///< iframe, video, audio, embed: a link to the source
  input,              ///< input (task-list checkboxes)
  math,               ///< MathML: its TeX annotation or text
  ruby_text,          ///< rt: a ruby reading, kept in parentheses after its base text
  head_only,          ///< head, title, meta, link, base
};

ElementKind element_kind(std::string_view name) noexcept;

}  // namespace sheaf::html
