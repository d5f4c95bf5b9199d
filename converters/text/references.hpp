#pragma once
// What the text writer collects while rendering and prints after the body: link targets
// (numbered in order of first use, one number per distinct URL) and footnotes (numbered in call
// order; a note inside a note gets the next number when its parent is printed).
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"

namespace sheaf::text {

class LinkTable {
 public:
  /// The number of `url` (from 1), registering it on first use.
  std::size_t number(const std::string& url);
  [[nodiscard]] const std::vector<std::string>& urls() const noexcept { return urls_; }

 private:
  std::unordered_map<std::string, std::size_t> numbers_;
  std::vector<std::string> urls_;
};

class NoteQueue {
 public:
  /// The number of a new note (from 1). The note must outlive the render.
  std::size_t add(const Note& note);
  [[nodiscard]] std::size_t size() const noexcept { return notes_.size(); }
  /// The note numbered i + 1.
  [[nodiscard]] const Note& at(std::size_t i) const { return *notes_[i]; }

 private:
  std::vector<const Note*> notes_;
};

/// "[N]" for a link target, "[^N]" for a note (`caret`).
[[nodiscard]] std::string marker(std::size_t number, bool caret = false);

/// True when a link's visible text already says where it goes, so the URL is not repeated:
/// equal after dropping a scheme (http, https, mailto), a leading "www." and a trailing slash.
[[nodiscard]] bool text_names_url(std::string_view text, std::string_view url);

/// True for targets that mean nothing outside the page: empty, "#fragment", "javascript:".
[[nodiscard]] bool is_local_target(std::string_view url);

}  // namespace sheaf::text
