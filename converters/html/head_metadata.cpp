#include "converters/html/head_metadata.hpp"

#include <algorithm>

#include "converters/html/libxml_document.hpp"
#include "core/meta.hpp"

namespace sheaf::html {
namespace {

std::string trim_collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

MetaMap head_metadata(const xmlNode* root) {
  MetaMap meta;
  if (!root) return meta;
  std::string title, lang, author, description, date, source, og_url;
  lang = trim_collapse(attribute(root, "lang"));
  if (lang.empty()) lang = trim_collapse(attribute(root, "xml:lang"));
  const xmlNode* head = nullptr;
  for (const xmlNode* c = root->children; c && !head; c = c->next)
    if (element_name(c) == "head") head = c;
  if (head) {
    for (const xmlNode* c = head->children; c; c = c->next) {
      const auto name = element_name(c);
      if (name == "title" && title.empty()) {
        title = trim_collapse(text_content(c));
      } else if (name == "meta") {
        const std::string key = lower(attribute(c, has_attribute(c, "name") ? "name" : "property"));
        const std::string http = lower(attribute(c, "http-equiv"));
        const std::string content = trim_collapse(attribute(c, "content"));
        if (content.empty()) continue;
        if (key == "author" && author.empty()) author = content;
        else if ((key == "description" || key == "og:description") && description.empty()) description = content;
        else if ((key == "article:published_time" || key == "date" || key == "dc.date" ||
                  key == "pubdate" || key == "publishdate") && date.empty()) date = content;
        else if (key == "og:url") og_url = content;
        else if (http == "content-language" && lang.empty()) lang = content;
      } else if (name == "link" && lower(attribute(c, "rel")) == "canonical" && source.empty()) {
        source = trim_collapse(attribute(c, "href"));
      }
    }
  }
  if (source.empty()) source = og_url;
  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) meta_set(meta, key, MetaValue{std::move(value)});
  };
  add(meta_key::title, title);
  add(meta_key::author, author);
  add(meta_key::date, date);
  add(meta_key::lang, lang);
  add(meta_key::description, description);
  add(meta_key::source, source);
  return meta;
}

}  // namespace sheaf::html
