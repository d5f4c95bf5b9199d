// Figures: <figure> elements, and the news-site pattern of an image followed by a caption element
// and a zoom widget holding the credit (<img><span class="lead_image_caption">…</span>
// <div id="zoomattribute"><a data-fancybox><img icon></a><span class="copyright">…</span></div>).
#include "converters/html/dom_reader.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/widgets.hpp"

namespace sheaf::html {
namespace {

const xmlNode* next_element(const xmlNode* n) {
  for (n = n->next; n; n = n->next) {
    if (is_ignorable(n)) continue;
    return n->type == XML_ELEMENT_NODE ? n : nullptr;
  }
  return nullptr;
}

// First descendant matching `pred`, without recursion; stops at `limit` nodes.
template <class Pred>
const xmlNode* find_descendant(const xmlNode* root, Pred pred, int limit = 10000) {
  const xmlNode* cur = root->children;
  while (cur && limit-- > 0) {
    if (cur->type == XML_ELEMENT_NODE) {
      if (pred(cur)) return cur;
      if (cur->children) { cur = cur->children; continue; }
    }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) return nullptr;
    cur = cur->next;
  }
  return nullptr;
}

}  // namespace

const xmlNode* DomReader::credit_widget(const xmlNode* n, const xmlNode** credit) {
  if (is_credit_element(n)) {
    *credit = n;
    return n;
  }
  const auto name = element_name(n);
  if (name != "div" && name != "span" && name != "p") return nullptr;
  // A zoom widget: a container with a lightbox link and/or a credit, and no image of its own.
  const xmlNode* c = find_descendant(n, [](const xmlNode* e) { return is_credit_element(e); });
  const xmlNode* box = find_descendant(n, [](const xmlNode* e) { return is_lightbox_link(e); });
  if (!c && !box) return nullptr;
  if (find_descendant(n, [](const xmlNode* e) { return element_name(e) == "img" && !is_decorative_image(e); }))
    return nullptr;
  *credit = c;
  return n;
}

const xmlNode* DomReader::image_figure(const xmlNode* el, Flow& flow, std::size_t depth) {
  const auto name = element_name(el);
  if (name == "figure" || name == "table" || name == "ul" || name == "ol") return nullptr;
  const xmlNode* img = sole_image(el);
  if (!img || skip_.count(img)) return nullptr;
  const xmlNode* last = el;
  const xmlNode* caption = nullptr;
  const xmlNode* credit = nullptr;
  const xmlNode* widget = nullptr;
  if (const xmlNode* n = next_element(last); n && is_caption_element(n) && !sole_image(n)) {
    caption = n;
    last = n;
  }
  if (const xmlNode* n = next_element(last)) {
    if (const xmlNode* w = credit_widget(n, &credit)) {
      widget = w == credit ? nullptr : w;
      last = n;
    }
  }
  if (!caption && !credit) return nullptr;
  Figure fig;
  fig.image = image(img);
  if (fig.image.src.empty()) return nullptr;
  if (caption) fig.caption = sub_inlines(caption, depth);
  if (credit) {
    fig.credit = sub_inlines(credit, depth);
    skip_.insert(credit);
  }
  flow.block(Block{std::move(fig)});
  // Whatever else the widget holds is still content (its icon link leaves nothing).
  if (widget) children(widget, flow, depth + 1);
  return last;
}

const xmlNode* DomReader::figure(const xmlNode* el, Flow& flow, std::size_t depth) {
  std::vector<const xmlNode*> images;
  const xmlNode* cur = el->children;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      if (element_name(cur) == "img" && !is_decorative_image(cur)) images.push_back(cur);
      if (cur->children && element_name(cur) != "figcaption") { cur = cur->children; continue; }
    }
    while (cur && cur != el && !cur->next) cur = cur->parent;
    if (!cur || cur == el) break;
    cur = cur->next;
  }
  if (images.size() != 1) {
    // Not one image (a quote, a video, a gallery): its parts are ordinary content.
    flow.end_paragraph();
    children(el, flow, depth + 1);
    flow.end_paragraph();
    return el;
  }
  Figure fig;
  fig.image = image(images.front());
  fig.attr.id = attribute(el, "id");
  const xmlNode* caption = nullptr;
  for (const xmlNode* c = el->children; c && !caption; c = c->next)
    if (element_name(c) == "figcaption") caption = c;
  const xmlNode* credit = find_descendant(el, [](const xmlNode* e) { return is_credit_element(e); });
  if (credit) {
    fig.credit = sub_inlines(credit, depth);
    skip_.insert(credit);
  }
  if (caption) fig.caption = sub_inlines(caption, depth);
  if (fig.image.src.empty()) {
    flow.end_paragraph();
    children(el, flow, depth + 1);
    return el;
  }
  // The credit may sit in a zoom widget after the figure (<figure>…</figure><div id="zoomattribute">
  // <a data-fancybox>…</a><span class="copyright">…</span></div>).
  const xmlNode* last = el;
  const xmlNode* widget = nullptr;
  if (!credit)
    if (const xmlNode* n = next_element(el)) {
      const xmlNode* found = nullptr;
      if (const xmlNode* w = credit_widget(n, &found); w && found) {
        fig.credit = sub_inlines(found, depth);
        skip_.insert(found);
        widget = w == found ? nullptr : w;
        last = n;
      }
    }
  flow.block(Block{std::move(fig)});
  // Any other content of the figure (text beside the image) is kept after it.
  skip_.insert(images.front());
  if (caption) skip_.insert(caption);
  children(el, flow, depth + 1);
  if (widget) children(widget, flow, depth + 1);
  flow.end_paragraph();
  return last;
}

}  // namespace sheaf::html
