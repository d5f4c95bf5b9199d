#pragma once
// Where a link written in a post points once the post is a chapter: another chapter of the same
// book (by its source URL, permalink, file or slug), an id in the same chapter, an absolute URL,
// or nowhere (the link is dropped and its text kept, so the book has no dangling reference).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/epub/book_plan.hpp"

namespace sheaf::epub {

class BookLinks {
 public:
  explicit BookLinks(const std::vector<ChapterPlan>& chapters);
  /// The href for `url` written in chapter `from`, relative to that chapter's file; nullopt when
  /// the link cannot be kept.
  [[nodiscard]] std::optional<std::string> resolve(std::size_t from, std::string_view url) const;

 private:
  [[nodiscard]] std::optional<std::size_t> find_chapter(std::size_t from, std::string_view url) const;
  [[nodiscard]] std::string chapter_href(std::size_t from, std::size_t to, std::string_view fragment) const;

  const std::vector<ChapterPlan>& chapters_;
  std::map<std::string, std::size_t> keys_;  // "u:" url_key, "p:" local path, "s:" slug → chapter
};

}  // namespace sheaf::epub
