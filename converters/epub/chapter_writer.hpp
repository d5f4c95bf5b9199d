#pragma once
// One chapter as an XHTML content document, built from the model (never from source text):
// a header (title, authors, date, source link), the body, and the footnotes at the end.
#include <string>
#include <vector>

#include "converters/epub/book_links.hpp"
#include "converters/epub/book_plan.hpp"
#include "converters/epub/image_store.hpp"
#include "core/context.hpp"
#include "core/options.hpp"

namespace sheaf::epub {

struct TocHeading {
  int level = 1;     ///< 1..6 as in the source
  std::string id;    ///< id in the chapter file
  std::string text;  ///< plain text
};

struct ChapterResult {
  std::string xhtml;
  std::vector<TocHeading> headings;   ///< headings of the post eligible for the contents
  std::size_t images_embedded = 0;    ///< <img> elements written
  std::size_t images_without_alt = 0; ///< of those, with empty alt
  bool remote_images = false;         ///< some image became a link to its URL
};

/// Stylesheet hrefs are relative to the package directory ("styles/sheaf.css").
ChapterResult write_chapter(std::size_t index, std::vector<ChapterPlan>& chapters, const BookLinks& links,
                            ImageStore& images, const std::vector<std::string>& stylesheets,
                            const EpubWriterOptions& options, Context& context);

}  // namespace sheaf::epub
