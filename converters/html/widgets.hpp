#pragma once
// Heuristics that tell article content from page furniture: lightbox/zoom widgets, icons,
// tracking pixels, caption and credit elements. Each rule names the real pattern it handles.
#include <libxml/tree.h>

#include "converters/html/image_furniture.hpp"

namespace sheaf::html {

/// <a data-fancybox>, <a data-lightbox>, rel="lightbox…", class *fancybox*/*lightbox*: a
/// widget that opens an image, never a link a reader follows.
bool is_lightbox_link(const xmlNode* a);

/// What kind of page furniture an image is: a tracking pixel (width or height 0 or 1), an icon
/// (src or class naming icon, zoom, magnif, enlarge, spacer, pixel.gif, blank.gif: the zoom icons
/// of lightbox links), or none. The `tracking_pixels` and `zoom_icons` rules drop them.
Furniture image_furniture(const xmlNode* img);


/// image_furniture(img) != Furniture::none: never the content image of a figure.
bool is_decorative_image(const xmlNode* img);

/// A caption element following an image: class containing "caption" (lead_image_caption,
/// image-caption, wp-caption-text) or <figcaption>.
bool is_caption_element(const xmlNode* el);

/// A credit element: class containing "copyright", "credit" or "byline-photo".
bool is_credit_element(const xmlNode* el);

/// The one content image of `el` when `el` is an <img>, or a wrapper (a, span, p, div, picture)
/// whose only content is one such image (no text, wrappers at most 4 deep); else nullptr.
const xmlNode* sole_image(const xmlNode* el);

}  // namespace sheaf::html
