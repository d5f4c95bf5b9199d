#include "converters/epub/image_sniff.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace sheaf::epub {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string lower_prefix(std::string_view s, std::size_t n) {
  std::string out(s.substr(0, n));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

bool is_svg(std::string_view bytes) {
  std::string_view s = bytes;
  if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (!starts_with(s, "<?xml") && !starts_with(s, "<svg") && !starts_with(s, "<!--") &&
      !starts_with(s, "<!DOCTYPE"))
    return false;
  // The root element must be <svg> and show up early (prolog, comments and doctype only before it).
  const std::string head = lower_prefix(s, 4096);
  const auto svg = head.find("<svg");
  if (svg == std::string::npos) return false;
  for (std::size_t i = 0; i < svg; ++i)
    if (head[i] == '<' && head.compare(i, 2, "<?") != 0 && head.compare(i, 2, "<!") != 0) return false;
  const std::string all = lower_prefix(bytes, bytes.size());
  if (all.find("http://www.w3.org/2000/svg") == std::string::npos ||
      all.find("<script") != std::string::npos || all.find("<foreignobject") != std::string::npos ||
      all.find("<html") != std::string::npos || all.rfind("</svg>") == std::string::npos)
    return false;
  // References out of the file (other images, fonts, stylesheets) would be missing from the book:
  // only same-document references ("#id") and data: URLs are accepted.
  for (auto at = all.find("href="); at != std::string::npos; at = all.find("href=", at + 5)) {
    if (at + 6 > all.size()) return false;
    const std::string_view value = std::string_view(all).substr(at + 6);  // after href="
    if (!starts_with(value, "#") && !starts_with(value, "data:")) return false;
  }
  return true;
}

}  // namespace

std::optional<ImageType> sniff_image(std::string_view b) {
  if (starts_with(b, "\x89PNG\r\n\x1A\n")) return ImageType{"image/png", "png"};
  if (starts_with(b, "\xFF\xD8\xFF")) return ImageType{"image/jpeg", "jpg"};
  if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return ImageType{"image/gif", "gif"};
  if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP")
    return ImageType{"image/webp", "webp"};
  if (is_svg(b)) return ImageType{"image/svg+xml", "svg"};
  return std::nullopt;
}

}  // namespace sheaf::epub
