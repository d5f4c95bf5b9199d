#pragma once
// What an image file really is, from its first bytes (never from its name).
#include <optional>
#include <string_view>

namespace sheaf::epub {

struct ImageType {
  std::string_view media_type;  ///< "image/png"
  std::string_view extension;   ///< "png", used for the file name in the package
};

/// PNG, JPEG, GIF, WebP or SVG by magic bytes; nullopt for anything else. An SVG with scripts or
/// foreign objects is refused too: epubcheck would require properties sheaf cannot vouch for.
std::optional<ImageType> sniff_image(std::string_view bytes);

}  // namespace sheaf::epub
