#include "converters/html/widgets.hpp"

#include <string>

#include "converters/html/libxml_document.hpp"

namespace sheaf::html {
namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool names_furniture(std::string_view s) {
  const std::string l = lower(std::string(s));
  for (const char* word : {"icon", "zoom", "magnif", "enlarge", "spacer", "pixel.gif", "blank.gif"})
    if (l.find(word) != std::string::npos) return true;
  return false;
}

bool tiny(std::string_view dim) { return dim == "0" || dim == "1" || dim == "0px" || dim == "1px"; }

const xmlNode* sole_image_at(const xmlNode* el, int depth) {
  const auto name = element_name(el);
  if (name == "img") return is_decorative_image(el) ? nullptr : el;
  if (depth >= 4) return nullptr;
  if (name != "a" && name != "span" && name != "p" && name != "div" && name != "picture" &&
      name != "center")
    return nullptr;
  const xmlNode* found = nullptr;
  for (const xmlNode* c = el->children; c; c = c->next) {
    if (is_ignorable(c)) continue;
    if (c->type != XML_ELEMENT_NODE) return nullptr;  // text next to the image
    const auto child = element_name(c);
    if (child == "source" || child == "script" || child == "noscript") continue;
    if (child == "img" && is_decorative_image(c)) continue;
    if (child == "a" && is_lightbox_link(c) && !sole_image_at(c, depth + 1)) continue;  // zoom icon
    const xmlNode* img = sole_image_at(c, depth + 1);
    if (!img || found) return nullptr;
    found = img;
  }
  return found;
}

}  // namespace

bool is_lightbox_link(const xmlNode* a) {
  if (element_name(a) != "a") return false;
  if (has_attribute(a, "data-fancybox") || has_attribute(a, "data-lightbox") ||
      has_attribute(a, "data-lightbox-gallery"))
    return true;
  if (lower(attribute(a, "rel")).rfind("lightbox", 0) == 0) return true;
  return class_contains(a, "fancybox") || class_contains(a, "lightbox");
}

Furniture image_furniture(const xmlNode* img) {
  return image_furniture(attribute(img, "src"), attribute(img, "class"), attribute(img, "width"),
                         attribute(img, "height"));
}

Furniture image_furniture(std::string_view src, std::string_view cls, std::string_view width,
                          std::string_view height) {
  if (tiny(width) || tiny(height)) return Furniture::tracking_pixel;
  if (names_furniture(src) || names_furniture(cls)) return Furniture::icon;
  return Furniture::none;
}

bool is_decorative_image(const xmlNode* img) { return image_furniture(img) != Furniture::none; }

bool is_caption_element(const xmlNode* el) {
  if (el->type != XML_ELEMENT_NODE) return false;
  if (element_name(el) == "figcaption") return true;
  return class_contains(el, "caption");
}

bool is_credit_element(const xmlNode* el) {
  if (el->type != XML_ELEMENT_NODE) return false;
  return class_contains(el, "copyright") || class_contains(el, "credit") ||
         class_contains(el, "byline-photo");
}

const xmlNode* sole_image(const xmlNode* el) { return sole_image_at(el, 0); }

}  // namespace sheaf::html
