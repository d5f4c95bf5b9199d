#pragma once
// Guessing the input format of bytes whose name says nothing (stdin, a string): the rules the CLI
// documents for `sheaf < file` and the library uses for read_string without a format.
#include <string_view>

namespace sheaf {

/// "jekyll" for `---` front matter on the first non-blank line, "html" for a leading `<`, "json"
/// for a leading `{`, else "markdown". A UTF-8 byte-order mark and leading blank lines are skipped.
/// JSON Lines is not told apart here: it is a stream of documents (see the CLI's sniffing).
std::string_view sniff_format(std::string_view bytes) noexcept;

}  // namespace sheaf
