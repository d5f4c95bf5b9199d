#pragma once
// Options are plain aggregates; every field's comment ends with what its default means.
// The CLI fills them from flags; library users set the fields they care about.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace sheaf {

/// What the Markdown reader does with raw HTML (ReaderOptions::raw_html).
enum class RawHtml { parse, keep };

struct ReaderOptions {
  /// Deepest element/list/quote nesting kept as structure; deeper content is flattened into its
  /// ancestor (text kept) with an `*.depth_limit` warning. Default 512.
  std::size_t max_depth = 512;
  /// Largest input accepted, in bytes; larger input is an Error{limit}. Default 256 MiB.
  std::size_t max_input_bytes = std::size_t{256} << 20;
  /// Jekyll: take date and slug from a `YYYY-MM-DD-slug.ext` file name when front matter has
  /// none. Default true.
  bool post_name_metadata = true;
  /// Jekyll: the site root (the folder holding _config.yml and _posts/), as --site-root gives it.
  /// Default "": the nearest ancestor of the post with _config.yml, else the parent of _posts/.
  std::string site_root;
  /// Encoding of the input bytes (--input-encoding), overriding BOM, declarations and detection.
  /// Default "": detect (converters/shared/text_encoding.hpp).
  std::string input_encoding;
  /// HTML pages: keep only the main content (<main>, a single <article>, else the best-scoring
  /// block) and drop page furniture outside it; never applies to fragments. false is
  /// --whole-page. Default true.
  bool main_content = true;
  /// HTML: drop "related articles" link lists instead of keeping them (--drop-related). Default false.
  bool drop_related = false;
  /// HTML cleanup rules turned off by name (--no-clean RULE; converters/html/clean_rules.hpp lists
  /// them, docs/formats/html.md describes them; "all" is --keep-all). Default none.
  std::vector<std::string> no_clean;
  /// Markdown: raw HTML is parsed into the model (`parse`), or kept as RawBlock/RawInline
  /// {"html", text} for Markdown → Markdown republishing (`keep`, --raw-html keep). Default parse.
  RawHtml raw_html = RawHtml::parse;
  /// HTML: CSS selectors whose elements are removed before anything else (--drop SELECTOR; forms in
  /// converters/html/css_selector.hpp; an unsupported one is an Error{usage}). Default none.
  std::vector<std::string> drop_selectors;
  /// HTML: make relative link, image and embed URLs absolute (--base-url). An absolute http(s)
  /// URL is the base where the page has no `<base href>`; "canonical" takes the page's canonical
  /// URL (<link rel=canonical>, else og:url; pages only). An absolute `<base href>` always applies,
  /// this option or not (docs/formats/html.md). Default "": links kept as written.
  std::string base_url;
  /// Markdown and Jekyll: build the model through cmark-gfm's HTML and the HTML reader even when
  /// the direct reading of cmark's tree applies (converters/markdown/cmark_model.hpp). Both give
  /// the same blocks; tests compare them, and it is the way back should they ever differ.
  /// Default false (the direct route where it applies).
  bool markdown_via_html = false;
};

enum class Wrap { none, auto_wrap, preserve };
enum class LinkStyle { inline_links, references, none };

struct MarkdownWriterOptions {
  bool front_matter = true;  ///< YAML front matter from metadata first. Default on.
  Wrap wrap = Wrap::none;    ///< Default: one paragraph per line.
  int columns = 80;          ///< Line width when wrap == auto_wrap. Default 80.
  bool reference_links = false;  ///< `[text][n]` with `[n]: url` definitions at the end. Default off: inline links.
};

struct TextWriterOptions {
  bool header = true;                          ///< title/author/date/source block first. Default on.
  Wrap wrap = Wrap::auto_wrap;                 ///< Default: wrap at `columns`.
  int columns = 78;                            ///< Terminal columns (display width). Default 78.
  LinkStyle links = LinkStyle::references;     ///< Default: `text[1]` plus a numbered URL list.
};

struct JsonWriterOptions {
  bool pretty = true;  ///< Indented, one node per line group. Default on; off gives one line.
};

struct EpubWriterOptions {
  std::vector<std::string> css_files;  ///< user stylesheets added after the built-in one. Default none.
  bool toc = true;                     ///< a contents page in the reading order (books of 2+ posts). Default on.
  std::vector<std::string> allowed_roots;  ///< directories local images may be read from. Default: the document's base, the site root and resource_paths.
  std::size_t max_images = 1000;           ///< images embedded per book. Default 1000.
  std::size_t max_image_bytes = std::size_t{50} << 20;  ///< largest image file embedded; a larger local file is not even read. Default 50 MiB.
  std::uint64_t max_image_pixels = 100'000'000;  ///< largest width × height an embedded image may declare (a reading system decodes it to about 4 bytes a pixel). Default 100 million.
  std::vector<std::string> resource_paths;  ///< more directories searched for images (--resource-path); each is an allowed root. Default none.
  std::string site_root;  ///< where site-root-relative images (/assets/x.png) resolve. Default: nearest ancestor of the base with _config.yml.
  std::string cover;      ///< cover image file (--cover), read even outside allowed_roots. Default: a local `image:` of the book or its only post.
  int toc_depth = 1;      ///< 1: one contents entry per post; N adds headings down N-1 levels inside posts. Default 1.
  bool order_by_date = true;  ///< books: chapters sorted by post date (stable; undated last); false keeps the given order. Default on.
  bool embed_webp = false;    ///< embed WebP images (EPUB 3.3 core type; epubcheck 4.x rejects them). Default off: left out with a warning.
  bool fetch_images = false;  ///< embed http(s) images got through Context::fetch (--fetch-images); failures stay links. Default off: no request.
  bool fail_on_missing_images = false;  ///< an image not embedded (fetch failed or refused, local file missing) fails the book with Error{not_found} after all are reported. Default off.
};

struct WriterOptions {
  MarkdownWriterOptions markdown;
  TextWriterOptions text;
  JsonWriterOptions json;
  EpubWriterOptions epub;
};

}  // namespace sheaf
