#pragma once
// The start every XHTML content document of the book shares (chapters, the nav document, the
// cover page): XML declaration, doctype, <html> with its language (and dir for right-to-left),
// <head> with the title and stylesheets, and the opened <body>. The caller writes the body and
// closes body and html.
#include <string>
#include <string_view>
#include <vector>

#include "converters/epub/xml_writer.hpp"

namespace sheaf::epub {

/// `stylesheets` are hrefs relative to the document being written.
void open_xhtml_page(XmlWriter& w, const std::string& lang, std::string_view title,
                     const std::vector<std::string>& stylesheets);

}  // namespace sheaf::epub
