#pragma once
// Metadata of a whole page from <html lang> and <head>: title, lang, author, description, date,
// source (canonical URL). Fields are appended in that order, only when the page gives them.
#include <libxml/tree.h>

#include "core/document.hpp"

namespace sheaf::html {

MetaMap head_metadata(const xmlNode* html_root);

}  // namespace sheaf::html
