#pragma once
// What the package documents (OPF, nav, NCX) say about a book, decided once by the writer.
#include <string>
#include <vector>

namespace sheaf::epub {

struct BookInfo {
  std::string identifier;              ///< "urn:uuid:…", deterministic
  std::string title;                   ///< never empty
  std::vector<std::string> languages;  ///< BCP 47; the first is the book's language; never empty
  std::vector<std::string> creators;
  std::string date;                    ///< W3C date for dc:date, or empty
  std::string modified;                ///< "YYYY-MM-DDThh:mm:ssZ"
  std::vector<std::string> sources;    ///< source URLs of the posts
  std::vector<std::string> subjects;   ///< tags and categories, first occurrence order
  std::string description;
  // Facts for the accessibility metadata.
  std::size_t images = 0;             ///< <img> elements in the content
  std::size_t images_without_alt = 0; ///< of those, with no text alternative or caption
  bool animated_image_formats = false;  ///< GIF or WebP embedded: flashing cannot be ruled out
  bool remote_images = false;           ///< some images are links to their URL
  bool rtl = false;                     ///< page progression right to left
};

/// One entry of the table of contents; `href` is relative to the package directory.
struct NavEntry {
  std::string label;
  std::string href;
  std::vector<NavEntry> children;
};

/// One file of the package besides mimetype and container.xml; `href` relative to the package
/// directory.
struct ManifestItem {
  std::string id;
  std::string href;
  std::string media_type;
  std::string properties;  ///< "nav", "cover-image", … or empty
  bool spine = false;      ///< in the reading order
  std::string bytes;
};

}  // namespace sheaf::epub
