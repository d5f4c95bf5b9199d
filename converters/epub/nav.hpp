#pragma once
// The navigation document (EPUB 3) and the NCX (for EPUB 2 reading systems) from one entry tree.
#include <string>
#include <vector>

#include "converters/epub/book_info.hpp"

namespace sheaf::epub {

struct Landmarks {
  std::string cover;      ///< href of the cover page, or empty
  std::string toc;        ///< href of the contents when it is in the reading order, or empty
  std::string bodymatter; ///< href of the first chapter
};

/// nav.xhtml: the `toc` nav (labelled in the book's language) and a hidden `landmarks` nav.
std::string nav_document(const BookInfo& book, const std::vector<NavEntry>& toc, const Landmarks& landmarks);

/// toc.ncx with the same entries; its dtb:uid equals the package identifier.
std::string ncx_document(const BookInfo& book, const std::vector<NavEntry>& toc);

}  // namespace sheaf::epub
