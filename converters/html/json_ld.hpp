#pragma once
// Article metadata from schema.org JSON-LD (<script type="application/ld+json">). The only file of
// the HTML reader that includes nlohmann-json; malformed JSON is ignored (pages ship plenty).
#include <string>
#include <string_view>

namespace sheaf::html {

struct JsonLdArticle {
  std::string headline, author, date_published, description, site_name, image;
};

/// Fills the empty fields of `out` from one JSON-LD script's text: the first object whose @type is
/// an Article kind (NewsArticle, BlogPosting, ReportageNews…) or that has a headline, searched in
/// top-level arrays and @graph. Authors are joined with ", ".
void read_json_ld(std::string_view script_text, JsonLdArticle& out);

}  // namespace sheaf::html
