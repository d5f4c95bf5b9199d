#include "converters/epub/image_dimensions.hpp"

namespace sheaf::epub {
namespace {

std::uint32_t byte_at(std::string_view b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
std::uint32_t be16(std::string_view b, std::size_t i) { return byte_at(b, i) << 8 | byte_at(b, i + 1); }
std::uint32_t le16(std::string_view b, std::size_t i) { return byte_at(b, i) | byte_at(b, i + 1) << 8; }
std::uint32_t le24(std::string_view b, std::size_t i) { return le16(b, i) | byte_at(b, i + 2) << 16; }
std::uint32_t be32(std::string_view b, std::size_t i) { return be16(b, i) << 16 | be16(b, i + 2); }
std::uint32_t le32(std::string_view b, std::size_t i) { return le16(b, i) | le16(b, i + 2) << 16; }

std::optional<ImageDimensions> png(std::string_view b) {
  // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4).
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return ImageDimensions{be32(b, 16), be32(b, 20)};
}

std::optional<ImageDimensions> gif(std::string_view b) {
  if (b.size() < 10) return std::nullopt;
  return ImageDimensions{le16(b, 6), le16(b, 8)};
}

std::optional<ImageDimensions> jpeg(std::string_view b) {
  // Walks the marker segments up to the first frame header. SOF0–SOF15 carry the size, except
  // C4 (DHT), C8 (JPG) and CC (DAC), which share the range.
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (byte_at(b, at) != 0xFF) return std::nullopt;
    const std::uint32_t marker = byte_at(b, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // no length
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end, or scan data before a frame
    const std::size_t length = be16(b, at + 2);
    if (length < 2) return std::nullopt;
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      // Segment: length (2), precision (1), height (2), width (2).
      if (at + 9 > b.size()) return std::nullopt;
      return ImageDimensions{be16(b, at + 7), be16(b, at + 5)};
    }
    at += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageDimensions> webp(std::string_view b) {
  // RIFF (4) size (4) WEBP (4), then the first chunk: fourcc (4), size (4), payload.
  if (b.size() < 25) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8L") {
    // Signature byte 0x2F, then 14 bits width-1 and 14 bits height-1, little-endian.
    const std::uint32_t bits = le32(b, 21);
    return ImageDimensions{(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
  }
  if (b.size() < 30) return std::nullopt;
  if (chunk == "VP8X") return ImageDimensions{le24(b, 24) + 1, le24(b, 27) + 1};
  if (chunk == "VP8 ") {
    // Frame tag (3), start code 9D 01 2A (3), then 14-bit width and height (2 scale bits each).
    if (b.substr(23, 3) != "\x9D\x01\x2A") return std::nullopt;
    return ImageDimensions{le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageDimensions> image_dimensions(std::string_view b) noexcept {
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return png(b);
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return gif(b);
  if (b.starts_with("\xFF\xD8")) return jpeg(b);
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return webp(b);
  return std::nullopt;
}

}  // namespace sheaf::epub
