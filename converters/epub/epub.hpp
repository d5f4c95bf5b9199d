#pragma once
// EPUB 3.3 writer: a valid book by construction (docs/formats/epub.md).
//   sheaf::epub::write(doc, options, context, out);              // one post → one book
//   sheaf::epub::write_book(posts, book_meta, options, context, out);  // many posts → one book
#include <ostream>
#include <vector>

#include "core/registry.hpp"

namespace sheaf::epub {

/// One document as a book of one chapter. Throws Error only for failures of the archive library.
void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out);

/// One EPUB with one chapter per document (duplicate sources once; date order unless
/// options.epub.order_by_date is off), a table of contents listing every chapter, links between
/// the posts rewritten to the chapters, and book metadata from `book_meta` (title, author, lang,
/// description, identifier, cover/image), else derived from the posts. Writes the archive to `out`.
void write_book(const std::vector<Document>& chapters, const MetaMap& book_meta, const WriterOptions& options,
                Context& context, std::ostream& out);

}  // namespace sheaf::epub
