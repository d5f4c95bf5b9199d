#pragma once
// The image half of the furniture heuristics (widgets.hpp), on attribute values alone: the
// Markdown reader's direct tree reading (converters/markdown/cmark_model.cpp) has no element.
#include <string_view>

namespace sheaf::html {

enum class Furniture { none, tracking_pixel, icon };

/// A tracking pixel (width or height 0 or 1), an icon (src or class naming icon, zoom, magnif,
/// enlarge, spacer, pixel.gif, blank.gif), or none.
Furniture image_furniture(std::string_view src, std::string_view cls, std::string_view width,
                          std::string_view height);

}  // namespace sheaf::html
