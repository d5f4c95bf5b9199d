#pragma once
// Metadata of a whole page: title, author, date, lang, description, site, source, image, from
// <html lang>, <head> (meta name/property, og:, twitter:, Dublin Core, parsely), JSON-LD and the
// body (<h1>, a byline element, <time datetime>, the script of the text). Fields are appended in
// that order, only when the page gives them. docs/formats/html.md lists the precedence per field.
#include <string>
#include <string_view>

#include "core/document.hpp"

// libxml2's own typedef, repeated so this header (and its tests) need no libxml2 include path.
typedef struct _xmlNode xmlNode;

namespace sheaf::html {

/// `title_from_h1`, when given, tells whether the title came from the body's only <h1> (no JSON-LD,
/// meta or <title> gave one): that heading is then not a duplicate of the title.
MetaMap head_metadata(const xmlNode* html_root, bool* title_from_h1 = nullptr);

/// `<title>` text without its site-name part ("Story – Site", "Site | Story", "标题_网站"): the
/// part equal to `site` is removed when given, else the longest part when it has 3+ words (or 6+
/// CJK characters); otherwise the title unchanged.
std::string strip_site_name(std::string_view title, std::string_view site);

/// BCP 47 language guessed from the script of `text` (ja for kana, ko for Hangul, zh for Han,
/// ru, ar, he, th, el…), or "" for Latin or too little text.
std::string language_from_script(std::string_view text);

}  // namespace sheaf::html
