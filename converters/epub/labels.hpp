#pragma once
// The few words sheaf itself puts into a book (contents, source, notes, image, cover), in the
// book's language where it is one sheaf knows (en, zh-Hans, zh-Hant, ja, ko), else English.
#include <string_view>

namespace sheaf::epub {

struct Labels {
  std::string_view contents;  ///< nav heading
  std::string_view source;    ///< before the source link in a chapter header, with its colon
  std::string_view notes;     ///< footnote section heading
  std::string_view image;     ///< link text of a remote image without alt text
  std::string_view cover;     ///< alt text of the cover image
  std::string_view list_separator;  ///< between authors
};

/// Labels for a BCP 47 tag.
const Labels& labels_for(std::string_view language);

}  // namespace sheaf::epub
