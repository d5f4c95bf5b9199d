#include "converters/html/json_ld.hpp"

#include <nlohmann/json.hpp>

namespace sheaf::html {
namespace {

using nlohmann::json;

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name")) return text_of(v["name"]);
  if (v.is_array()) {
    std::string out;
    for (const json& e : v) {
      std::string t = text_of(e);
      if (t.empty()) continue;
      if (!out.empty()) out += ", ";
      out += t;
    }
    return out;
  }
  return {};
}

std::string url_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("url")) return url_of(v["url"]);
  if (v.is_array() && !v.empty()) return url_of(v.front());
  return {};
}

bool is_article(const json& o) {
  if (!o.is_object()) return false;
  if (o.contains("headline")) return true;
  if (!o.contains("@type")) return false;
  const json& t = o["@type"];
  auto article_type = [](const json& s) {
    if (!s.is_string()) return false;
    const std::string name = s.get<std::string>();
    return name.find("Article") != std::string::npos || name == "BlogPosting" || name == "ReportageNews" ||
           name == "Report" || name == "LiveBlogPosting" || name == "SocialMediaPosting";
  };
  if (t.is_array()) {
    for (const json& s : t)
      if (article_type(s)) return true;
    return false;
  }
  return article_type(t);
}

// Breadth over the top-level array and @graph only: JSON-LD nests articles no deeper in practice,
// and a bounded search keeps hostile input cheap.
const json* find_article(const json& root) {
  if (is_article(root)) return &root;
  const json* list = nullptr;
  if (root.is_array()) list = &root;
  else if (root.is_object() && root.contains("@graph") && root["@graph"].is_array()) list = &root["@graph"];
  if (!list) return nullptr;
  for (const json& e : *list)
    if (is_article(e)) return &e;
  return nullptr;
}

void fill(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

}  // namespace

void read_json_ld(std::string_view script_text, JsonLdArticle& out) {
  json root = json::parse(script_text.begin(), script_text.end(), nullptr, /*allow_exceptions=*/false,
                          /*ignore_comments=*/true);
  if (root.is_discarded()) return;
  const json* a = find_article(root);
  if (!a) return;
  if (a->contains("headline")) fill(out.headline, text_of((*a)["headline"]));
  else if (a->contains("name")) fill(out.headline, text_of((*a)["name"]));
  if (a->contains("author")) fill(out.author, text_of((*a)["author"]));
  if (a->contains("datePublished")) fill(out.date_published, text_of((*a)["datePublished"]));
  if (a->contains("description")) fill(out.description, text_of((*a)["description"]));
  if (a->contains("publisher")) fill(out.site_name, text_of((*a)["publisher"]));
  if (a->contains("image")) fill(out.image, url_of((*a)["image"]));
}

}  // namespace sheaf::html
