#include "converters/epub/image_store.hpp"

#include <cstdio>

#include "converters/epub/image_dimensions.hpp"
#include "converters/epub/image_refs.hpp"
#include "converters/epub/image_sniff.hpp"
#include "converters/epub/svg_check.hpp"
#include "converters/epub/urls.hpp"

namespace sheaf::epub {
namespace fs = std::filesystem;
namespace {

/// Why an image declaring more than `limit` pixels is refused ("of 30000x30000 pixels, over the
/// limit of 100000000"), or empty when it is within the limit or declares no pixel size.
std::string pixel_limit_reason(std::string_view bytes, std::uint64_t limit) {
  const auto size = image_dimensions(bytes);
  if (!size || size->pixels() <= limit) return {};
  return "of " + std::to_string(size->width) + "x" + std::to_string(size->height) +
         " pixels, over the limit of " + std::to_string(limit);
}

fs::path normalized(const fs::path& p) {
  fs::path out = (p.empty() ? fs::path(".") : p);
  if (out.is_relative()) out = fs::absolute(out);  // no file access: joins with the working directory
  out = out.lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

// RFC 4648 base64 (whitespace ignored); nullopt on any other character.
std::optional<std::string> base64_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// FNV-1a: a stable key for data: URLs (no security meaning; equal bytes are also compared).
std::string digest(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

bool really_within(const fs::path& path, const std::vector<fs::path>& roots) {
  // The lexical check (path_within) cannot see symbolic links: a link inside a root may point at
  // /etc/passwd or /dev/zero. On disk, the file must be a regular file whose real path lies inside
  // the real path of a root. A path that does not exist on disk is left to Context::read_file
  // (which then finds nothing, or serves it from memory in tests). Only metadata is read here.
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return !fs::is_symlink(fs::symlink_status(path, ec));  // dangling link: refused
  if (!fs::is_regular_file(status)) return false;  // device, FIFO, socket, folder
  const fs::path real = fs::weakly_canonical(path, ec);
  if (ec) return false;
  for (const fs::path& root : roots) {
    const fs::path real_root = fs::weakly_canonical(root, ec);
    if (!ec && path_within(real, real_root)) return true;
  }
  return false;
}

bool path_within(const fs::path& path, const fs::path& root) {
  const fs::path p = normalized(path);
  const fs::path r = normalized(root);
  auto pi = p.begin();
  for (auto ri = r.begin(); ri != r.end(); ++ri, ++pi) {
    if (ri->empty()) continue;  // trailing separator
    if (pi == p.end() || *pi != *ri) return false;
  }
  return true;
}

void ImageStore::report(const Document& doc, bool warning, std::string id, std::string message) {
  Diagnostic d;
  d.severity = warning ? Severity::warning : Severity::info;
  d.id = std::move(id);
  d.message = std::move(message);
  d.source_name = doc.source_name;
  context_.report(std::move(d));
}

const ImageStore::Roots& ImageStore::roots_for(const Document& doc) {
  if (auto it = roots_.find(doc.base); it != roots_.end()) return it->second;
  Roots roots;
  roots.base = normalized(doc.base);
  if (!options_.site_root.empty()) {
    roots.site_root = normalized(options_.site_root);
  } else {
    // A Jekyll site root is the nearest directory holding _config.yml; probing reads that small
    // file through the context (the only door to files).
    for (fs::path dir = roots.base; !dir.empty(); dir = dir.parent_path()) {
      if (context_.read_file(dir / "_config.yml")) {
        roots.site_root = dir;
        break;
      }
      if (dir == dir.parent_path()) break;
    }
  }
  if (options_.allowed_roots.empty()) {
    roots.allowed.push_back(roots.base);
    if (roots.site_root) roots.allowed.push_back(*roots.site_root);
  } else {
    for (const std::string& r : options_.allowed_roots) roots.allowed.push_back(normalized(r));
  }
  for (const std::string& r : options_.resource_paths) roots.allowed.push_back(normalized(r));
  return roots_.emplace(doc.base, std::move(roots)).first->second;
}

std::optional<std::string> ImageStore::remote_href(std::string_view src, const Document& doc) const {
  std::string url(src);
  if (url.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  if (url_scheme(url).empty() && !url_scheme(doc.base).empty() && url.substr(0, 2) != "//")
    url = resolve_url(doc.base, url);
  if (!is_remote_url(url)) return std::nullopt;
  if (url.substr(0, 2) == "//") url = "https:" + url;
  std::string href = clean_href(url);
  if (href.empty()) return std::nullopt;
  return href;
}

void ImageStore::prefetch(const std::vector<const Document*>& docs) {
  if (!options_.fetch_images) return;
  std::vector<FetchRequest> requests;
  std::map<std::string, bool> asked;
  for (const Document* doc : docs) {
    for (const std::string& src : image_sources(*doc)) {
      const auto href = remote_href(src, *doc);
      if (!href || fetched_.count(*href) || asked[*href]) continue;
      asked[*href] = true;
      // The model keeps no referrerpolicy, so no Referer is ever sent (docs/formats/epub.md).
      requests.push_back(FetchRequest{*href, ""});
    }
  }
  if (requests.empty()) return;
  std::vector<FetchResult> results = context_.fetch(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    FetchResult r = i < results.size() ? std::move(results[i]) : FetchResult{{}, "no result", false};
    fetched_.emplace(requests[i].url, std::move(r));
  }
}

ImageRef ImageStore::embed_remote(const std::string& href, const Document& doc) {
  const std::string key = "url:" + href;
  if (auto it = by_key_.find(key); it != by_key_.end()) return {ImageRef::Kind::embedded, images_[it->second].href};
  if (failed_.count(key)) return {ImageRef::Kind::remote, href};
  auto it = fetched_.find(href);
  if (it == fetched_.end()) {  // not seen by prefetch (a cover, a caller without prefetch)
    std::vector<FetchResult> one = context_.fetch({FetchRequest{href, ""}});
    it = fetched_.emplace(href, one.empty() ? FetchResult{{}, "no result", false} : std::move(one.front())).first;
  }
  const FetchResult& r = it->second;
  // Checked here rather than by embed_bytes, so that a refused remote image keeps the reference
  // form (a link to the URL) instead of being left out, with one epub.image_fetch line.
  std::string reason;
  std::optional<ImageType> type;
  if (!r.bytes) {
    reason = r.failure.empty() ? "not fetched" : r.failure;
  } else if (r.bytes->size() > options_.max_image_bytes) {
    reason = "larger than " + std::to_string(options_.max_image_bytes) + " bytes";
  } else {
    const std::string_view head = std::string_view(*r.bytes).substr(0, 4096);
    const bool svg_like = head.find("<svg") != std::string_view::npos || head.find("<SVG") != std::string_view::npos;
    const std::string active = svg_like ? svg_active_content(*r.bytes) : std::string();
    type = sniff_image(*r.bytes);
    if (!active.empty()) reason = "SVG with active content: " + active;
    else if (!type) reason = "not a PNG, JPEG, GIF, WebP or SVG image";
    else if (type->media_type == "image/webp" && !options_.embed_webp) reason = "WebP image (not embedded for EPUB 3.2 reading systems)";
    else if (const std::string too_big = pixel_limit_reason(*r.bytes, options_.max_image_pixels); !too_big.empty()) reason = too_big;
    else if (images_.size() >= options_.max_images) reason = "more than " + std::to_string(options_.max_images) + " images";
  }
  if (!reason.empty()) {
    failed_[key] = ImageRef{ImageRef::Kind::remote, href};
    ++missing_;
    report(doc, true, "epub.image_fetch", "remote image not embedded (" + reason + "), kept as a link: " + href);
    return {ImageRef::Kind::remote, href};
  }
  return embed_bytes(key, *r.bytes, doc, href);
}

ImageRef ImageStore::resolve(std::string_view src_in, const Document& doc) {
  const std::string src(src_in);
  if (src.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  std::string url = src;
  // A post whose base is a URL (an HTML page read from the web) has URL-relative images.
  if (url_scheme(url).empty() && !url_scheme(doc.base).empty() && url.substr(0, 2) != "//")
    url = resolve_url(doc.base, url);
  if (is_remote_url(url)) {
    if (url.substr(0, 2) == "//") url = "https:" + url;
    const std::string href = clean_href(url);
    if (href.empty()) {
      if (auto it = failed_.find(url); it != failed_.end()) return it->second;
      report(doc, true, "epub.image_url", "image URL is not a valid URL, left out: " + url);
      return failed_[url] = ImageRef{};
    }
    if (options_.fetch_images) return embed_remote(href, doc);
    if (!remote_reported_[href]) {
      remote_reported_[href] = true;
      report(doc, false, "epub.remote_image", "remote image kept as a link, not embedded: " + href);
    }
    return {ImageRef::Kind::remote, href};
  }
  const std::string scheme = url_scheme(url);
  if (scheme == "data") return embed_data_url(url, doc);
  if (!scheme.empty()) {
    if (auto it = failed_.find(url); it != failed_.end()) return it->second;
    report(doc, true, "epub.image_refused",
           (scheme == "file" ? "file: URL image refused (not embedded): " : "image with unsupported URL scheme left out: ") + url);
    return failed_[url] = ImageRef{};
  }

  // A local path: drop query and fragment, decode escapes, then look in the allowed places.
  std::string path_text = url.substr(0, url.find_first_of("?#"));
  path_text = percent_decode(path_text);
  const Roots& roots = roots_for(doc);
  std::vector<fs::path> candidates;
  const fs::path written(path_text);
  if (written.is_absolute()) {
    candidates.push_back(written);  // a real absolute path, accepted only inside a root
    const std::string rel = path_text.substr(path_text.find_first_not_of('/'));
    if (roots.site_root) candidates.push_back(*roots.site_root / rel);
    for (const std::string& r : options_.resource_paths) candidates.push_back(normalized(r) / rel);
  } else {
    candidates.push_back(roots.base / written);
    for (const std::string& r : options_.resource_paths) candidates.push_back(normalized(r) / written);
  }
  bool any_inside = false;
  bool literal_outside = false;  // an absolute path outside every root (refused, never read)
  std::string first_key;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const fs::path path = normalized(candidates[i]);
    bool inside = false;
    for (const fs::path& root : roots.allowed) inside = inside || path_within(path, root);
    if (!inside) {
      literal_outside = literal_outside || (i == 0 && written.is_absolute());
      continue;
    }
    const std::string key = path.generic_string();
    if (!any_inside) first_key = key;
    any_inside = true;
    if (auto it = by_key_.find(key); it != by_key_.end()) return {ImageRef::Kind::embedded, images_[it->second].href};
    if (auto it = failed_.find(key); it != failed_.end()) return it->second;
    if (!really_within(path, roots.allowed)) {
      report(doc, true, "epub.image_refused",
             "image is a symbolic link out of the allowed directories or not a regular file (not read): " + src);
      return failed_[key] = ImageRef{};
    }
    if (const auto size = context_.file_size(path); size && *size > options_.max_image_bytes) {
      // Refused unread: the limit also bounds what one reference can make sheaf read.
      report(doc, true, "epub.image_limit",
             "image larger than " + std::to_string(options_.max_image_bytes) + " bytes left out (not read): " + src);
      return failed_[key] = ImageRef{};
    }
    if (std::optional<std::string> bytes = context_.read_file(path))
      return embed_bytes(key, std::move(*bytes), doc, src);
  }
  if (!any_inside || literal_outside) {
    const std::string key = doc.base + '\n' + src;
    if (auto it = failed_.find(key); it != failed_.end()) return it->second;
    report(doc, true, "epub.image_refused",
           any_inside ? "image not found under the site root or resource paths, and its absolute path is outside "
                        "the allowed directories (not read): " + src
                      : "image outside the allowed directories refused (not read): " + src);
    return failed_[key] = ImageRef{};
  }
  ++missing_;
  report(doc, true, "epub.image_missing", "image file not found, left out: " + src);
  return failed_[first_key] = ImageRef{};
}

ImageRef ImageStore::embed_data_url(std::string_view src, const Document& doc) {
  const std::string key = "data:" + digest(src);
  if (auto it = by_key_.find(key); it != by_key_.end()) return {ImageRef::Kind::embedded, images_[it->second].href};
  if (auto it = failed_.find(key); it != failed_.end()) return it->second;
  const auto comma = src.find(',');
  const std::string_view header = src.substr(0, comma == std::string_view::npos ? 0 : comma);
  std::optional<std::string> bytes;
  if (comma != std::string_view::npos) {
    if (header.ends_with(";base64")) bytes = base64_decode(src.substr(comma + 1));
    else bytes = percent_decode(src.substr(comma + 1));
  }
  if (!bytes) {
    report(doc, true, "epub.image_type", "malformed data: URL image left out");
    return failed_[key] = ImageRef{};
  }
  return embed_bytes(key, std::move(*bytes), doc, "data: URL");
}

ImageRef ImageStore::embed_bytes(const std::string& key, std::string bytes, const Document& doc,
                                 std::string_view src) {
  if (bytes.size() > options_.max_image_bytes) {
    report(doc, true, "epub.image_limit",
           "image larger than " + std::to_string(options_.max_image_bytes) + " bytes left out: " + std::string(src));
    return failed_[key] = ImageRef{};
  }
  const auto type = sniff_image(bytes);
  if (!type) {
    report(doc, true, "epub.image_type",
           "not a PNG, JPEG, GIF, WebP or SVG image, left out: " + std::string(src));
    return failed_[key] = ImageRef{};
  }
  if (type->media_type == "image/webp" && !options_.embed_webp) {
    report(doc, true, "epub.image_type",
           "WebP image left out (not a core media type for EPUB 3.2 reading systems and epubcheck 4): " +
               std::string(src));
    return failed_[key] = ImageRef{};
  }
  if (const std::string too_big = pixel_limit_reason(bytes, options_.max_image_pixels); !too_big.empty()) {
    report(doc, true, "epub.image_limit", "image " + too_big + ", left out: " + std::string(src));
    return failed_[key] = ImageRef{};
  }
  if (images_.size() >= options_.max_images) {
    report(doc, true, "epub.image_limit",
           "more than " + std::to_string(options_.max_images) + " images, left out: " + std::string(src));
    return failed_[key] = ImageRef{};
  }
  char name[32];
  std::snprintf(name, sizeof name, "image-%03zu", images_.size() + 1);
  EmbeddedImage image;
  image.id = name;
  image.href = std::string("images/") + name + "." + std::string(type->extension);
  image.media_type = type->media_type;
  image.bytes = std::move(bytes);
  images_.push_back(std::move(image));
  by_key_[key] = images_.size() - 1;
  return {ImageRef::Kind::embedded, images_.back().href};
}

std::optional<std::size_t> ImageStore::index_of(const ImageRef& ref) const {
  if (ref.kind != ImageRef::Kind::embedded) return std::nullopt;
  for (std::size_t i = 0; i < images_.size(); ++i)
    if (images_[i].href == ref.target) return i;
  return std::nullopt;
}

bool ImageStore::set_cover_file(const std::string& path) {
  Document chosen;  // the user's own file: no containment check, diagnostics name the file
  chosen.source_name = path;
  const fs::path p = normalized(path);
  ImageRef ref;
  if (auto it = by_key_.find(p.generic_string()); it != by_key_.end()) {
    ref = {ImageRef::Kind::embedded, images_[it->second].href};
  } else {
    std::optional<std::string> bytes = context_.read_file(p);
    if (!bytes) {
      report(chosen, true, "epub.cover", "cover image cannot be read: " + path);
      return false;
    }
    ref = embed_bytes(p.generic_string(), std::move(*bytes), chosen, path);
  }
  const auto index = index_of(ref);
  if (!index) return false;
  if (cover_) images_[*cover_].cover = false;
  cover_ = index;
  images_[*index].cover = true;
  return true;
}

bool ImageStore::offer_cover(std::string_view src, const Document& doc) {
  const std::string scheme = url_scheme(src);
  if (cover_ || is_remote_url(src) || (!scheme.empty() && scheme != "data")) return false;
  const auto index = index_of(resolve(src, doc));
  if (!index) return false;
  cover_ = index;
  images_[*index].cover = true;
  return true;
}

}  // namespace sheaf::epub
