#pragma once
// Escaping for the pieces of Markdown whose content is not ordinary inline text: code spans, link
// destinations and titles, image alt text, numeric character references, and the characters that
// would start a block at the beginning of a line. Each function returns text that cmark-gfm parses
// back to exactly its argument.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::markdown {

/// `` `code` ``: a fence of a length that no backtick run inside has,
/// with a space on each side when the content starts or ends with a backtick, or starts and ends
/// with a space (which CommonMark would strip). Newlines become spaces (as CommonMark renders
/// them). Empty text gives "".
std::string md_code_span(std::string_view code);

/// A link or image destination: bare when it has no space, control character, parenthesis or
/// leading '<', else in <angle brackets>; backslashes and entity-like '&' are escaped so that the
/// parsed destination equals `url` byte for byte. A newline becomes %0A (CommonMark cannot hold
/// one). Empty gives <>.
std::string md_link_destination(std::string_view url);

/// A code block's info string: one line whose parsed value is `info`.
std::string md_info_string(std::string_view info);

/// ` "title"` with its leading space, or "" for an empty title. A single newline is kept (a
/// blank line, a newline before spaces or at an edge becomes a space); a line that would start a
/// block gets a backslash.
std::string md_link_title(std::string_view title);

/// Image alt text: escaped so that the plain text cmark-gfm renders for it equals `alt`.
std::string md_escape_alt(std::string_view alt);

/// `&#xHEX;` (or `&#32;`/`&#9;` for space and tab): a character CommonMark cannot take literally
/// at that position.
std::string md_char_reference(char32_t cp);

/// True when `&` at s[0] would start an entity or numeric character reference.
bool md_starts_entity(std::string_view s) noexcept;

/// Where a backslash must go so that a line of paragraph text is not read as a block start, or
/// nullopt when the line is safe. `first_line`: the line starts a block (any list number and any
/// lone marker count); later lines (after a hard break) only interrupt a paragraph with the
/// stricter rules, but can be setext underlines or table delimiter rows. `kramdown`: the output is
/// a Jekyll post, where `#x` is a heading, `: x` starts a definition and `*[A]: x` an
/// abbreviation.
std::optional<std::size_t> md_line_start_escape(std::string_view line, bool first_line,
                                                bool kramdown = false) noexcept;

/// `body` for Jekyll, which renders Liquid before Markdown: every `{{` and `{%` (in text, code,
/// anywhere) becomes `{% raw %}{{{% endraw %}`, which Liquid turns back into the two characters.
std::string md_protect_liquid(std::string_view body);

/// True for an absolute URI CommonMark accepts as an autolink `<scheme:...>`.
bool md_is_autolink_uri(std::string_view url) noexcept;
/// True for an address CommonMark accepts as an email autolink `<user@host>`.
bool md_is_autolink_email(std::string_view address) noexcept;

}  // namespace sheaf::markdown
