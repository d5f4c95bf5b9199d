#pragma once
// The pixel size an image declares in its header, read without decoding it: what a reading system
// will allocate when it shows the image (width × height × 4 bytes), so that a small file that
// decompresses to gigabytes (an "image bomb") can be refused before it is embedded.
#include <cstdint>
#include <optional>
#include <string_view>

namespace sheaf::epub {

struct ImageDimensions {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  [[nodiscard]] std::uint64_t pixels() const noexcept { return std::uint64_t{width} * height; }
};

/// Width and height from the header of a PNG (IHDR), GIF (logical screen), JPEG (first SOFn
/// frame header) or WebP (VP8, VP8L or VP8X canvas). nullopt for SVG (no pixel grid), for any
/// other type, and for a header cut short; callers treat nullopt as "no pixel limit applies".
std::optional<ImageDimensions> image_dimensions(std::string_view bytes) noexcept;

}  // namespace sheaf::epub
