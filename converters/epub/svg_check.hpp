#pragma once
// A second, stricter look at an SVG fetched from the web (sniff_image already refuses <script>,
// <foreignObject> and href attributes pointing out of the file): event-handler attributes and
// references through CSS. Lexical and conservative: an SVG that merely mentions "onclick=" in its
// text is refused too; a refused image stays a link, which is always safe.
#include <string>
#include <string_view>

namespace sheaf::epub {

/// Empty when `svg` holds no event-handler attribute (on…=), no href (any spacing) other than
/// "#id" or data:, no CSS url() other than url(#id), no @import, no <!ENTITY and no xml-stylesheet
/// instruction; else what was found ("event attribute", "external reference"…).
std::string svg_active_content(std::string_view svg);

}  // namespace sheaf::epub
