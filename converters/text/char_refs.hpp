#pragma once
// HTML character references in metadata strings. Jekyll inserts front-matter values such as the
// title into its pages unescaped, so a title written "Vietnam&#x27;s" reads "Vietnam's"; the
// title block decodes them so no entity reaches the text. Body text never needs this: readers
// decode references while building the model.
#include <string>
#include <string_view>

namespace sheaf::text {

/// `s` with numeric references (&#39; &#x27;) and &amp; &lt; &gt; &quot; &apos; &nbsp; decoded.
/// Anything else, including a reference without its ';', is kept as written; a reference to an
/// invalid code point becomes U+FFFD.
[[nodiscard]] std::string decode_char_refs(std::string_view s);

}  // namespace sheaf::text
