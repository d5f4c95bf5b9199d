#include "converters/epub/book_links.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "converters/epub/urls.hpp"
#include "core/meta.hpp"

namespace sheaf::epub {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> valid(std::string href) {
  if (href.empty()) return std::nullopt;
  return href;
}

// Schemes a reading system can do something with; anything else (javascript:, file:, data:) is
// dropped rather than written into the book.
bool kept_scheme(std::string_view scheme) {
  static constexpr std::array<std::string_view, 14> schemes = {
      "http", "https", "mailto", "ftp", "ftps", "tel", "sms", "geo", "news", "nntp", "irc", "ircs",
      "magnet", "xmpp"};
  return std::find(schemes.begin(), schemes.end(), scheme) != schemes.end();
}

std::string path_key(const fs::path& p) {
  fs::path out = p.lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return "p:" + out.generic_string();
}

// The last path segment without its extension: "/2024/06/25/my-post.html" → "my-post".
std::string last_stem(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const auto slash = path.rfind('/');
  std::string_view seg = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = seg.rfind('.'); dot != std::string_view::npos && dot > 0) seg = seg.substr(0, dot);
  return std::string(seg);
}

}  // namespace

BookLinks::BookLinks(const std::vector<ChapterPlan>& chapters) : chapters_(chapters) {
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const ChapterPlan& c = chapters[i];
    const Document& doc = *c.doc;
    // First registration wins, so an ambiguous slug points at the earliest chapter.
    for (const char* key : {"from", "source", "url", "permalink", "canonical_url"}) {
      if (auto v = meta_string(doc.meta, key); v && !v->empty() && v->find(':') != std::string::npos &&
                                               is_remote_url(*v))
        keys_.emplace("u:" + url_key(*v), i);
    }
    if (!doc.source_name.empty() && doc.source_name != "-") {
      const fs::path name(doc.source_name);
      keys_.emplace(path_key(name), i);
      keys_.emplace(path_key(fs::path(doc.base) / name.filename()), i);
      keys_.emplace("s:" + name.stem().string(), i);
    }
    if (!c.slug.empty()) keys_.emplace("s:" + c.slug, i);
    if (auto permalink = meta_string(doc.meta, "permalink"); permalink && !permalink->empty() &&
                                                             permalink->find(':') == std::string::npos)
      keys_.emplace("s:" + last_stem(*permalink), i);
  }
}

std::optional<std::size_t> BookLinks::find_chapter(std::size_t from, std::string_view url) const {
  const ChapterPlan& c = chapters_[from];
  const auto lookup = [&](const std::string& key) -> std::optional<std::size_t> {
    auto it = keys_.find(key);
    return it == keys_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  const std::string scheme = url_scheme(url);
  if (!scheme.empty() || url.substr(0, 2) == "//") {
    return is_remote_url(url) ? lookup("u:" + url_key(url)) : std::nullopt;
  }
  // A relative reference: a sibling file, a site path ending in a slug, or a path on the site the
  // post was mirrored from.
  const std::string path = percent_decode(url.substr(0, url.find_first_of("?#")));
  if (path.empty()) return std::nullopt;
  if (!c.url_base.empty()) {
    if (auto hit = lookup("u:" + url_key(resolve_url(c.url_base, url)))) return hit;
  }
  if (path.front() != '/') {
    if (auto hit = lookup(path_key(fs::path(c.doc->base) / path))) return hit;
  }
  const std::string stem = last_stem(path);
  if (!stem.empty()) return lookup("s:" + stem);
  return std::nullopt;
}

std::string BookLinks::chapter_href(std::size_t from, std::size_t to, std::string_view fragment) const {
  const std::string decoded = percent_decode(fragment);
  const std::string* id = fragment.empty() ? nullptr : chapters_[to].ids.find(decoded);
  if (from == to) return id ? "#" + *id : chapters_[to].file;
  return id ? chapters_[to].file + "#" + *id : chapters_[to].file;
}

std::optional<std::string> BookLinks::resolve(std::size_t from, std::string_view url_in) const {
  std::string_view url = url_in;
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t' || url.front() == '\n')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t' || url.back() == '\n')) url.remove_suffix(1);
  if (url.empty()) return std::nullopt;
  if (url.front() == '#') {
    const std::string* id = chapters_[from].ids.find(percent_decode(url.substr(1)));
    if (!id) return std::nullopt;
    return "#" + *id;
  }
  if (auto to = find_chapter(from, url)) {
    // A post's link to its own source (a title linking to the original article) stays external:
    // it is more use to the reader than a link to the page being read.
    const bool self_source = *to == from && split_fragment(url).second.empty() && is_remote_url(url);
    if (!self_source) return chapter_href(from, *to, split_fragment(url).second);
  }
  const std::string scheme = url_scheme(url);
  if (url.substr(0, 2) == "//") return valid(clean_href("https:" + std::string(url)));
  if (!scheme.empty()) {
    if (!kept_scheme(scheme)) return std::nullopt;
    return valid(clean_href(url));
  }
  // Relative and not another chapter: only meaningful against the URL the post came from.
  if (!chapters_[from].url_base.empty()) return valid(clean_href(resolve_url(chapters_[from].url_base, url)));
  return std::nullopt;
}

}  // namespace sheaf::epub
