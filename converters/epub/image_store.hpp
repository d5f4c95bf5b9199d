#pragma once
// Decides, for each image reference of a book, whether it is embedded (a local file inside the
// allowed roots that really is a supported image, a data: URL, or with fetch_images an http(s)
// image the context fetched), kept as a link (remote), or left out (anything else), and holds the
// bytes of the embedded ones. Files are read only through Context::read_file, and only after the
// containment check; remote bytes only through Context::fetch, and only with fetch_images.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::epub {

struct EmbeddedImage {
  std::string href;        ///< path inside the package, relative to the OPF: "images/image-001.png"
  std::string id;          ///< manifest id
  std::string media_type;  ///< sniffed from the bytes
  std::string bytes;
  bool cover = false;
};

struct ImageRef {
  enum class Kind { embedded, remote, unavailable };
  Kind kind = Kind::unavailable;
  std::string target;  ///< embedded: package href; remote: the absolute URL; unavailable: empty
};

class ImageStore {
 public:
  ImageStore(const EpubWriterOptions& options, Context& context) : options_(options), context_(context) {}

  /// With fetch_images: asks the context for every remote image of `docs` at once (in parallel
  /// where the context can), so that resolve() finds them; otherwise does nothing.
  void prefetch(const std::vector<const Document*>& docs);
  /// Resolves `src` as written in `doc`; diagnostics name doc.source_name.
  ImageRef resolve(std::string_view src, const Document& doc);
  /// Images that could not be embedded: remote ones not fetched or refused (fetch_images), local
  /// files not found. Each distinct reference counts once.
  [[nodiscard]] std::size_t missing() const noexcept { return missing_; }
  /// Marks `path` (a file the user chose, read without the root check) as the cover.
  bool set_cover_file(const std::string& path);
  /// Marks the image `src` of `doc` (front matter `image:`) as the cover when it is local and
  /// embeddable; remote or refused images are silently not offered.
  bool offer_cover(std::string_view src, const Document& doc);
  [[nodiscard]] bool has_cover() const noexcept { return cover_.has_value(); }
  [[nodiscard]] const EmbeddedImage* cover() const noexcept { return cover_ ? &images_[*cover_] : nullptr; }
  /// Embedded images in first-use order.
  [[nodiscard]] const std::vector<EmbeddedImage>& images() const noexcept { return images_; }

 private:
  struct Roots {
    std::filesystem::path base;
    std::optional<std::filesystem::path> site_root;
    std::vector<std::filesystem::path> allowed;
  };
  const Roots& roots_for(const Document& doc);
  ImageRef embed_bytes(const std::string& key, std::string bytes, const Document& doc, std::string_view src);
  std::optional<std::size_t> index_of(const ImageRef& ref) const;
  ImageRef embed_data_url(std::string_view src, const Document& doc);
  std::optional<std::string> remote_href(std::string_view src, const Document& doc) const;
  ImageRef embed_remote(const std::string& href, const Document& doc);
  void report(const Document& doc, bool warning, std::string id, std::string message);

  const EpubWriterOptions& options_;
  Context& context_;
  std::vector<EmbeddedImage> images_;
  std::map<std::string, std::size_t> by_key_;    // normalized path or data-URL digest → index
  std::map<std::string, ImageRef> failed_;       // keys already refused (reported once)
  std::map<std::string, Roots> roots_;           // by document base
  std::map<std::string, bool> remote_reported_;  // remote URLs already reported
  std::optional<std::size_t> cover_;  // index into images_
  std::map<std::string, FetchResult> fetched_;  // remote href → what the context gave
  std::size_t missing_ = 0;
};

/// True when the lexically normalized `path` lies inside `root` (or is `root`).
bool path_within(const std::filesystem::path& path, const std::filesystem::path& root);

/// True unless `path` exists on disk and is not a regular file, or its real path (symbolic links
/// followed) lies outside the real paths of every root. Reads metadata only, never content.
bool really_within(const std::filesystem::path& path, const std::vector<std::filesystem::path>& roots);

}  // namespace sheaf::epub
