#pragma once
// The first step of every Markdown-based reader (markdown, jekyll): the input bytes made into text
// that yaml-cpp and cmark-gfm can take as is.
#include <string>
#include <string_view>

#include "core/registry.hpp"

namespace sheaf::markdown {

/// Checks the size limit (Error{limit} above options.max_input_bytes), drops a UTF-8 byte-order
/// mark, decodes text that opens with a UTF-16 byte-order mark (LE or BE), replaces invalid UTF-8
/// and NUL bytes with U+FFFD, and turns CRLF and lone CR line ends into LF (line numbers are
/// unchanged). A repair reports one warning `<id_prefix>.invalid_utf8`
/// naming the line:col of the first bad byte and the count. Linear in the input size.
std::string clean_text_input(const Input& input, const ReaderOptions& options, Context& context,
                             std::string_view id_prefix);

}  // namespace sheaf::markdown
