// The EPUB writer: plans the chapters, writes each as XHTML, then the package documents, and
// zips everything (converters/epub/*.hpp hold one concept each; docs/formats/epub.md the rules).
#include <algorithm>
#include <cstdio>
#include <map>

#include "converters/epub/xhtml_page.hpp"
#include "converters/epub/book_info.hpp"
#include "converters/epub/book_links.hpp"
#include "converters/epub/book_plan.hpp"
#include "converters/epub/chapter_writer.hpp"
#include "converters/epub/dates.hpp"
#include "converters/epub/epub.hpp"
#include "converters/epub/image_store.hpp"
#include "converters/epub/language.hpp"
#include "converters/epub/nav.hpp"
#include "converters/epub/opf.hpp"
#include "converters/epub/stylesheet.hpp"
#include "converters/epub/urls.hpp"
#include "converters/epub/uuid.hpp"
#include "converters/epub/xml_writer.hpp"
#include "converters/epub/zip_package.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"

namespace sheaf::epub {
namespace {

constexpr const char* kPackageDir = "EPUB/";

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string fnv_digest(const std::vector<std::string>& parts) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::string& part : parts) {
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string container_xml() {
  XmlWriter w;
  w.declaration();
  w.open("container");
  w.attr("version", "1.0");
  w.attr("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
  w.newline();
  w.open("rootfiles");
  w.newline();
  w.open("rootfile");
  w.attr("full-path", std::string(kPackageDir) + "package.opf");
  w.attr("media-type", "application/oebps-package+xml");
  w.close();
  w.newline();
  w.close();
  w.newline();
  w.close();
  w.newline();
  return w.take();
}

std::string cover_page(const BookInfo& book, const EmbeddedImage& cover) {
  const std::string& lang = book.languages.front();
  XmlWriter w;
  open_xhtml_page(w, lang, book.title, {"styles/sheaf.css"});
  w.open("section");
  w.attr("class", "cover");
  w.attr("epub:type", "cover");
  w.newline();
  w.open("img");
  w.attr("src", cover.href);
  w.attr("alt", book.title);
  w.close();
  w.newline();
  w.close();
  w.newline();
  w.close();
  w.newline();
  w.close();
  w.newline();
  return w.take();
}

// Headings of a chapter below its title, nested by level, down to `levels` levels.
std::vector<NavEntry> heading_entries(const std::vector<TocHeading>& headings, const std::string& file,
                                      const std::string& chapter_title, int levels) {
  std::vector<NavEntry> out;
  if (levels <= 0 || headings.empty()) return out;
  int top = 6;
  for (const TocHeading& h : headings) top = std::min(top, h.level);
  std::vector<std::pair<int, std::vector<NavEntry>*>> stack;  // (relative level, children list)
  for (const TocHeading& h : headings) {
    const int rel = h.level - top + 1;
    if (rel > levels) continue;
    if (rel == 1 && h.text == chapter_title) continue;  // a post repeating its own title
    while (!stack.empty() && stack.back().first >= rel) stack.pop_back();
    std::vector<NavEntry>& siblings = stack.empty() ? out : *stack.back().second;
    siblings.push_back(NavEntry{h.text, "text/" + file + "#" + h.id, {}});
    stack.emplace_back(rel, &siblings.back().children);
  }
  return out;
}

std::string derived_title(const std::vector<ChapterPlan>& chapters) {
  if (chapters.size() == 1) return chapters.front().title;
  std::optional<std::chrono::sys_seconds> first, last;
  for (const ChapterPlan& c : chapters) {
    if (!c.date) continue;
    if (!first || c.date->utc < *first) first = c.date->utc;
    if (!last || c.date->utc > *last) last = c.date->utc;
  }
  if (first) {
    const std::string a = iso_day(*first), b = iso_day(*last);
    return a == b ? "Posts " + a : "Posts " + a + " \u2013 " + b;
  }
  return std::to_string(chapters.size()) + " articles";
}

void report(Context& context, Severity severity, std::string id, std::string message, std::string source) {
  Diagnostic d;
  d.severity = severity;
  d.id = std::move(id);
  d.message = std::move(message);
  d.source_name = std::move(source);
  context.report(std::move(d));
}

/// write_book over pointers, so that write() need not copy its document into a vector.
void write_documents(std::vector<const Document*> docs, const MetaMap& book_meta, const WriterOptions& options,
                     Context& context, std::ostream& out) {
  const EpubWriterOptions& eo = options.epub;
  const Document empty_document;
  if (docs.empty()) docs.push_back(&empty_document);
  std::vector<ChapterPlan> plan = plan_chapters(docs, eo, context);
  const BookLinks links(plan);
  ImageStore images(eo, context);
  images.prefetch(docs);  // with --fetch-images: every remote image of the book at once

  std::vector<ManifestItem> items;
  // Stylesheets: the built-in one, then the user's in the order given.
  std::vector<std::string> stylesheets = {"styles/sheaf.css"};
  std::vector<ManifestItem> style_items;
  style_items.push_back({"css", "styles/sheaf.css", "text/css", "", false, std::string(builtin_stylesheet())});
  for (const std::string& file : eo.css_files) {
    std::optional<std::string> css = context.read_file(file);
    if (!css) {
      report(context, Severity::warning, "epub.css_missing", "stylesheet cannot be read, left out: " + file, file);
      continue;
    }
    const std::string n = std::to_string(style_items.size());
    style_items.push_back({"css-user-" + n, "styles/user-" + n + ".css", "text/css", "", false, xml_clean(*css)});
    stylesheets.push_back(style_items.back().href);
  }

  // The cover: --cover, else the book's metadata, else the only post's own `image:`.
  if (!eo.cover.empty()) {
    images.set_cover_file(eo.cover);
  } else if (auto cover = meta_string(book_meta, "cover"); cover && !cover->empty() && !is_remote_url(*cover)) {
    images.set_cover_file(*cover);
  } else if (plan.size() == 1) {
    if (auto image = meta_string(plan.front().doc->meta, meta_key::image); image && !image->empty())
      images.offer_cover(trimmed(*image), *plan.front().doc);
  }

  BookInfo book;
  std::vector<ChapterResult> results;
  results.reserve(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    results.push_back(write_chapter(i, plan, links, images, stylesheets, eo, context));
    book.images += results.back().images_embedded;
    book.images_without_alt += results.back().images_without_alt;
    book.remote_images = book.remote_images || results.back().remote_images;
  }
  if (eo.fail_on_missing_images && images.missing() > 0)
    throw Error(ErrorCode::not_found, std::to_string(images.missing()) +
                                          (images.missing() == 1 ? " image" : " images") +
                                          " could not be embedded (--fail-on-missing-images)");

  // ---- book metadata -----------------------------------------------------------------------------
  book.title = trimmed(meta_string(book_meta, meta_key::title).value_or(""));
  if (book.title.empty()) book.title = derived_title(plan);
  if (auto lang = meta_string(book_meta, meta_key::lang)) {
    if (auto tag = normalize_language(*lang)) book.languages.push_back(*tag);
  }
  {
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> order;
    for (const ChapterPlan& c : plan) {
      if (counts[c.language]++ == 0) order.push_back(c.language);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
    for (const std::string& l : order) add_unique(book.languages, l);
  }
  if (book.languages.empty()) book.languages.push_back("en");
  book.rtl = is_rtl(book.languages.front());
  book.creators = meta_authors(book_meta);
  if (book.creators.empty())
    for (const ChapterPlan& c : plan)
      for (const std::string& a : c.authors) add_unique(book.creators, a);
  std::optional<PostDate> latest;
  for (const ChapterPlan& c : plan)
    if (c.date && (!latest || c.date->utc > latest->utc)) latest = c.date;
  if (auto date = meta_string(book_meta, meta_key::date)) {
    if (auto parsed = parse_post_date(*date)) latest = parsed;
  }
  if (latest) book.date = w3c_date(*latest);
  const std::chrono::sys_seconds modified =
      latest ? latest->utc : std::chrono::floor<std::chrono::seconds>(context.now());
  book.modified = w3c_timestamp(modified);
  for (const ChapterPlan& c : plan) add_unique(book.sources, c.source_url);
  for (const MetaMap* meta : {&book_meta}) {
    for (const char* key : {meta_key::tags, meta_key::categories})
      for (const std::string& s : meta_string_list(*meta, key)) add_unique(book.subjects, s);
  }
  for (const ChapterPlan& c : plan)
    for (const char* key : {meta_key::tags, meta_key::categories})
      for (const std::string& s : meta_string_list(c.doc->meta, key)) add_unique(book.subjects, s);
  book.description = trimmed(meta_string(book_meta, meta_key::description).value_or(""));
  if (book.description.empty() && plan.size() == 1)
    book.description = trimmed(meta_string(plan.front().doc->meta, meta_key::description).value_or(""));
  for (const EmbeddedImage& image : images.images())
    if (image.media_type == "image/gif" || image.media_type == "image/webp") book.animated_image_formats = true;
  if (images.has_cover()) ++book.images;  // the cover page's image, described by the book title

  // The identifier: given, else a UUID v5 of what identifies the posts (source URL, else path,
  // else the content itself for stdin).
  if (auto id = meta_string(book_meta, "identifier"); id && !trimmed(*id).empty()) {
    book.identifier = trimmed(*id);
  } else {
    std::vector<std::string> keys;
    bool content_needed = false;
    for (const ChapterPlan& c : plan) {
      if (!c.source_url.empty()) keys.push_back(c.source_url);
      else if (!c.doc->source_name.empty() && c.doc->source_name != "-") keys.push_back(c.doc->source_name);
      else content_needed = true;
    }
    if (content_needed) {
      std::vector<std::string> texts;
      for (const ChapterResult& r : results) texts.push_back(r.xhtml);
      keys.push_back("sheaf-content:" + fnv_digest(texts));
    }
    std::string name;
    for (std::size_t i = 0; i < keys.size(); ++i) name += (i ? "\n" : "") + keys[i];
    book.identifier = uuid_v5_urn(name);
  }

  // ---- navigation ------------------------------------------------------------------------------
  std::vector<NavEntry> toc;
  for (std::size_t i = 0; i < plan.size(); ++i)
    toc.push_back(NavEntry{plan[i].title, "text/" + plan[i].file,
                           heading_entries(results[i].headings, plan[i].file, plan[i].title, eo.toc_depth - 1)});
  Landmarks landmarks;
  landmarks.bodymatter = "text/" + plan.front().file;

  // ---- manifest, in reading order first --------------------------------------------------------
  if (const EmbeddedImage* cover = images.cover()) {
    landmarks.cover = "cover.xhtml";
    items.push_back({"cover", "cover.xhtml", "application/xhtml+xml", "", true, cover_page(book, *cover)});
  }
  // Landmarks may only point into the reading order, so the contents is one only when it is there.
  const bool toc_in_spine = eo.toc && plan.size() > 1;
  if (toc_in_spine) landmarks.toc = "nav.xhtml#toc";
  items.push_back({"nav", "nav.xhtml", "application/xhtml+xml", "nav", toc_in_spine, nav_document(book, toc, landmarks)});
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const std::string id = plan[i].file.substr(0, plan[i].file.find('.'));
    items.push_back({id, "text/" + plan[i].file, "application/xhtml+xml", "", true, std::move(results[i].xhtml)});
  }
  items.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", "", false, ncx_document(book, toc)});
  for (ManifestItem& s : style_items) items.push_back(std::move(s));
  for (const EmbeddedImage& image : images.images())
    items.push_back({image.id, image.href, image.media_type, image.cover ? "cover-image" : "", false, image.bytes});

  std::vector<ZipEntry> entries;
  entries.push_back({"mimetype", "application/epub+zip", false});
  entries.push_back({"META-INF/container.xml", container_xml(), true});
  entries.push_back({std::string(kPackageDir) + "package.opf", package_document(book, items), true});
  for (ManifestItem& item : items) {
    // Already-compressed image formats are stored: deflating them again only costs time.
    const bool compress = item.media_type.rfind("image/", 0) != 0 || item.media_type == "image/svg+xml";
    entries.push_back({kPackageDir + item.href, std::move(item.bytes), compress});
  }
  const std::string archive = zip_archive(entries, modified);
  out.write(archive.data(), static_cast<std::streamsize>(archive.size()));
  if (!out) throw Error(ErrorCode::io, "cannot write the EPUB output");
}

}  // namespace

void write_book(const std::vector<Document>& documents, const MetaMap& book_meta, const WriterOptions& options,
                Context& context, std::ostream& out) {
  std::vector<const Document*> docs;
  for (const Document& d : documents) docs.push_back(&d);
  write_documents(std::move(docs), book_meta, options, context, out);
}

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  // A book of one: the post's own metadata is the book's, so nothing is passed as book metadata.
  write_documents({&doc}, MetaMap{}, options, context, out);
}

}  // namespace sheaf::epub
