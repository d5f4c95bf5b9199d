#pragma once
// Input bytes to UTF-8, for every text reader (HTML pages, Jekyll posts). The one adapter for
// uchardet (detection) and ICU converters (decoding). Order of authority, as browsers use it:
//   1. a forced encoding (--input-encoding NAME);
//   2. a byte-order mark (UTF-8, UTF-16LE/BE);
//   3. bytes that are valid UTF-8 stay UTF-8 (a wrong "iso-8859-1" declaration is common, a
//      legacy text that happens to be valid UTF-8 is not);
//   4. a declaration in the first 16 KiB: <meta charset>, http-equiv Content-Type, <?xml encoding>;
//   5. mostly-UTF-8 bytes with a few bad sequences are repaired as UTF-8;
//   6. fewer than 8 non-ASCII bytes: repaired as UTF-8 (too little evidence to guess);
//   7. else uchardet's guess (GB18030, Big5, Shift_JIS, EUC-KR, windows-1252…), never Latin-1 by
//      default.
// Invalid bytes become U+FFFD with one warning; NUL bytes too. Linear in the input size.
#include <string>
#include <string_view>

#include "core/context.hpp"

namespace sheaf::text_encoding {

/// The canonical name a label means, following the WHATWG Encoding Standard's aliases (gb2312 and
/// gbk → gb18030, iso-8859-1 and us-ascii → windows-1252, shift_jis → windows-31j, euc-kr →
/// windows-949), lower case; other labels are returned lower-cased for ICU to resolve.
std::string canonical_name(std::string_view label);

/// True when ICU can decode `label` (after canonical_name).
bool is_supported(std::string_view label);

/// The charset declared in the first 16 KiB of an HTML/XML document, lower case, or "".
std::string declared_charset(std::string_view bytes);

/// Decodes `bytes` to UTF-8 following the order above. Diagnostics are named
/// `<reader>.invalid_utf8` / `<reader>.invalid_bytes` (warnings: how many bytes became U+FFFD),
/// `<reader>.encoding_detected` (info: the guess used for an undeclared legacy encoding) and
/// `<reader>.unknown_encoding` (warning: a declared name ICU does not know; detection is used).
/// An unknown `forced_encoding` is an Error{usage}.
std::string decode_to_utf8(std::string_view bytes, const std::string& forced_encoding,
                           const std::string& source_name, Context& context,
                           std::string_view reader = "html");

}  // namespace sheaf::text_encoding
