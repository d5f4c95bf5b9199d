#pragma once
// The package document: metadata (Dublin Core, dcterms:modified, accessibility), manifest, spine.
#include <string>
#include <vector>

#include "converters/epub/book_info.hpp"

namespace sheaf::epub {

/// package.opf for `items` (in manifest order; spine order is the order of items with spine set).
/// The NCX must be an item with id "ncx"; the cover image, if any, has the "cover-image" property.
std::string package_document(const BookInfo& book, const std::vector<ManifestItem>& items);

/// The accessibilitySummary sentence for `book` (English: the summary describes the file).
std::string accessibility_summary(const BookInfo& book);

}  // namespace sheaf::epub
