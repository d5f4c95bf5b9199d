// Resource limits of image embedding: the pixel size read from image headers (an image bomb is
// refused before it reaches a reading system), the byte limit checked before a local file is read,
// and the number of images per book.
#include <gtest/gtest.h>

#include <string>

#include "converters/epub/image_dimensions.hpp"
#include "converters/epub/image_store.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::epub {
namespace {
using test::epub::bytes;

/// tiny_png() with its IHDR claiming `width` × `height`.
std::string png_claiming(std::uint32_t width, std::uint32_t height) {
  std::string png = test::epub::tiny_png();
  for (int i = 0; i < 4; ++i) {
    png[16 + i] = static_cast<char>(width >> (24 - 8 * i));
    png[20 + i] = static_cast<char>(height >> (24 - 8 * i));
  }
  return png;
}

TEST(ImageDimensions, PngAndGifHeaders) {
  const auto png = image_dimensions(test::epub::tiny_png());
  ASSERT_TRUE(png);
  EXPECT_EQ(png->width, 2u);
  EXPECT_EQ(png->height, 2u);
  const auto gif = image_dimensions(test::epub::tiny_gif());
  ASSERT_TRUE(gif);
  EXPECT_EQ(gif->width, 1u);
  EXPECT_EQ(gif->height, 1u);
  EXPECT_EQ(image_dimensions(png_claiming(70000, 80000))->pixels(), 5'600'000'000u);
}

TEST(ImageDimensions, JpegFrameHeaderAfterOtherSegments) {
  // SOI, an APP0 segment of 16 bytes, a DHT marker (C4, not a frame) of 4 bytes, then SOF2
  // (progressive) with height 2000 and width 3000.
  std::string jpeg = bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10});
  jpeg += std::string(14, '\0');
  jpeg += bytes({0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00});
  jpeg += bytes({0xFF, 0xC2, 0x00, 0x11, 0x08, 0x07, 0xD0, 0x0B, 0xB8, 0x03});
  const auto size = image_dimensions(jpeg);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 3000u);
  EXPECT_EQ(size->height, 2000u);
  // Scan data before any frame header, or a header cut short: no size.
  EXPECT_FALSE(image_dimensions(bytes({0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02})));
  EXPECT_FALSE(image_dimensions(bytes({0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08})));
}

TEST(ImageDimensions, WebpCanvasOfEachKind) {
  const std::string riff = bytes({'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
  // VP8X: flags and reserved (4), canvas width-1 and height-1 (24 bits each): 640 × 480.
  const std::string vp8x = riff + "VP8X" + bytes({10, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0x02, 0, 0xDF, 0x01, 0});
  ASSERT_TRUE(image_dimensions(vp8x));
  EXPECT_EQ(image_dimensions(vp8x)->width, 640u);
  EXPECT_EQ(image_dimensions(vp8x)->height, 480u);
  // VP8L: signature 0x2F, 14 bits width-1 (99), 14 bits height-1 (49): 100 × 50.
  const std::uint32_t bits = 99u | 49u << 14;
  const std::string vp8l = riff + "VP8L" + bytes({5, 0, 0, 0, 0x2F, static_cast<int>(bits & 0xFF),
                                                  static_cast<int>(bits >> 8 & 0xFF), static_cast<int>(bits >> 16 & 0xFF),
                                                  static_cast<int>(bits >> 24 & 0xFF), 0});
  ASSERT_TRUE(image_dimensions(vp8l));
  EXPECT_EQ(image_dimensions(vp8l)->width, 100u);
  EXPECT_EQ(image_dimensions(vp8l)->height, 50u);
  // VP8: frame tag (3), start code, 14-bit width and height: 320 × 240.
  const std::string vp8 = riff + "VP8 " + bytes({10, 0, 0, 0, 0, 0, 0, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x00});
  ASSERT_TRUE(image_dimensions(vp8));
  EXPECT_EQ(image_dimensions(vp8)->width, 320u);
  EXPECT_EQ(image_dimensions(vp8)->height, 240u);
}

TEST(ImageDimensions, NoPixelSizeForSvgOtherTypesOrCutHeaders) {
  EXPECT_FALSE(image_dimensions(test::epub::tiny_svg()));
  EXPECT_FALSE(image_dimensions("plain text"));
  EXPECT_FALSE(image_dimensions(test::epub::tiny_png().substr(0, 20)));
  EXPECT_FALSE(image_dimensions(""));
}

/// Counts reads of big.png, to prove a file over the byte limit is refused unread.
class CountingContext : public MemoryContext {
 public:
  std::optional<std::string> read_file(const std::filesystem::path& path) override {
    if (path.filename() == "big.png") ++reads;
    return MemoryContext::read_file(path);
  }
  int reads = 0;
};

Document post() {
  Document d;
  d.source_name = "/site/post.md";
  d.base = "/site";
  return d;
}

bool reported(const MemoryContext& context, std::string_view id, std::string_view text) {
  for (const Diagnostic& d : context.diagnostics)
    if (d.id == id && d.message.find(text) != std::string::npos) return true;
  return false;
}

TEST(ImageLimits, AnImageDeclaringTooManyPixelsIsLeftOut) {
  EpubWriterOptions options;
  MemoryContext context;
  context.files["/site/bomb.png"] = png_claiming(50000, 50000);
  context.files["/site/fine.png"] = test::epub::tiny_png();
  ImageStore store(options, context);
  EXPECT_EQ(store.resolve("bomb.png", post()).kind, ImageRef::Kind::unavailable);
  EXPECT_TRUE(reported(context, "epub.image_limit", "of 50000x50000 pixels, over the limit of 100000000"));
  EXPECT_EQ(store.resolve("fine.png", post()).kind, ImageRef::Kind::embedded);

  options.max_image_pixels = 3'000'000'000;  // raised: the same header is accepted
  MemoryContext again;
  again.files = context.files;
  ImageStore raised(options, again);
  EXPECT_EQ(raised.resolve("bomb.png", post()).kind, ImageRef::Kind::embedded);
}

TEST(ImageLimits, AFileOverTheByteLimitIsRefusedWithoutBeingRead) {
  EpubWriterOptions options;
  options.max_image_bytes = 64;
  CountingContext context;
  context.files["/site/big.png"] = test::epub::tiny_png() + std::string(100, '\0');
  ImageStore store(options, context);
  EXPECT_EQ(store.resolve("big.png", post()).kind, ImageRef::Kind::unavailable);
  EXPECT_EQ(context.reads, 0);
  EXPECT_TRUE(reported(context, "epub.image_limit", "larger than 64 bytes left out (not read)"));
}

TEST(ImageLimits, ImagesBeyondTheCountAreLeftOut) {
  EpubWriterOptions options;
  options.max_images = 1;
  MemoryContext context;
  context.files["/site/a.png"] = test::epub::tiny_png();
  context.files["/site/b.gif"] = test::epub::tiny_gif();
  ImageStore store(options, context);
  EXPECT_EQ(store.resolve("a.png", post()).kind, ImageRef::Kind::embedded);
  EXPECT_EQ(store.resolve("b.gif", post()).kind, ImageRef::Kind::unavailable);
  EXPECT_TRUE(reported(context, "epub.image_limit", "more than 1 images"));
  EXPECT_EQ(store.images().size(), 1u);
}

}  // namespace
}  // namespace sheaf::epub
