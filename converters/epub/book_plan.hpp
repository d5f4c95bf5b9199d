#pragma once
// A book before it is written: which posts become chapters (duplicates by source URL dropped), in
// which order, under which file names, with which title, authors, date, language and ids.
#include <optional>
#include <string>
#include <vector>

#include "converters/epub/dates.hpp"
#include "converters/epub/ids.hpp"
#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::epub {

struct ChapterPlan {
  const Document* doc = nullptr;
  std::string file;                  ///< file name inside text/: "ch001.xhtml"
  std::string title;                 ///< never empty
  std::vector<std::string> authors;  ///< from `author`/`authors`, in order
  std::optional<PostDate> date;
  std::string source_url;  ///< `from`, else `source`; may be empty
  std::string url_base;    ///< absolute URL relative links and images resolve against, or ""
  std::string language;    ///< BCP 47, never empty
  std::string slug;        ///< `slug`, else the file name without a Jekyll date prefix
  IdSet ids;               ///< the source ids of the document, already registered
};

/// Chapters for `docs`: duplicates (same `from`/`source`) dropped with an `epub.duplicate_post`
/// note, then sorted by date when options.order_by_date (stable; undated posts last).
std::vector<ChapterPlan> plan_chapters(const std::vector<const Document*>& docs,
                                       const EpubWriterOptions& options, Context& context);

/// Authors named by a metadata value: a string, a list of strings, or maps with a `name`.
std::vector<std::string> meta_authors(const MetaMap& meta);

}  // namespace sheaf::epub
