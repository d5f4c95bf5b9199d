// Forward searches that the kramdown passes repeat from many positions of one text, answered
// without rescanning it (issue 9: every reader linear in its input). Each class gives exactly
// the answer of the plain scan it replaces; the tests compare them (tests/unit/jekyll).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::jekyll {

/// `text.find(needle, from)` for any `from`, in any order: every start of `needle` is listed on
/// the first search (one pass), later searches are a binary search in that list. A line of
/// openers without their closer (`[^` × n, `{:` × n) would otherwise cost a scan to the end of
/// the line per opener.
class OccurrenceIndex {
 public:
  OccurrenceIndex(std::string_view text, std::string needle) : text_(text), needle_(std::move(needle)) {}

  std::size_t operator()(std::size_t from) {
    if (!listed_) {
      listed_ = true;
      for (std::size_t p = text_.find(needle_); p != std::string_view::npos; p = text_.find(needle_, p + 1))
        starts_.push_back(p);
    }
    if (from > text_.size() || needle_.empty()) return text_.find(needle_, from);
    const auto it = std::lower_bound(starts_.begin(), starts_.end(), from);
    return it == starts_.end() ? std::string_view::npos : *it;
  }

 private:
  std::string_view text_;
  std::string needle_;
  bool listed_ = false;
  std::vector<std::size_t> starts_;
};

/// `text.find(std::string(m, '`'), from)`: where a code span opened by a run of `m` backticks
/// may close. Runs are listed once; from a run, a chain of "next longer run" links reaches the
/// first run at least `m` long in at most `m` steps (the opener's own length, already read), so
/// a line of backtick runs of decreasing length (`` ``` `` ` ``) is not scanned once per run.
class BacktickRuns {
 public:
  explicit BacktickRuns(std::string_view text) : text_(text) {}

  std::size_t operator()(std::size_t from, std::size_t m) {
    if (m == 0 || from > text_.size()) return text_.find(std::string(m, '`'), from);
    if (from > 0 && from < text_.size() && text_[from] == '`' && text_[from - 1] == '`')
      return text_.find(std::string(m, '`'), from);  // inside a run: not a case the index answers
    if (!listed_) list();
    auto r = static_cast<std::size_t>(std::lower_bound(start_.begin(), start_.end(), from) - start_.begin());
    while (r < start_.size() && length_[r] < m) r = longer_[r];
    return r < start_.size() ? start_[r] : std::string_view::npos;
  }

 private:
  void list() {
    listed_ = true;
    for (std::size_t k = 0; k < text_.size();) {
      if (text_[k] != '`') {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < text_.size() && text_[e] == '`') ++e;
      start_.push_back(k);
      length_.push_back(e - k);
      k = e;
    }
    longer_.assign(start_.size(), start_.size());
    std::vector<std::size_t> stack;  // runs still waiting for a longer one after them
    for (std::size_t r = start_.size(); r-- > 0;) {
      while (!stack.empty() && length_[stack.back()] <= length_[r]) stack.pop_back();
      longer_[r] = stack.empty() ? start_.size() : stack.back();
      stack.push_back(r);
    }
  }

  std::string_view text_;
  bool listed_ = false;
  std::vector<std::size_t> start_, length_, longer_;  // per run; longer_: the next longer run
};

/// The closer balancing an opener (`[`…`]`, `(`…`)`) of one text, backslash escapes skipped, as
/// a scan from the opener finds it; computed for the whole text with one stack when first asked,
/// so that a text of openers without their closer (`![[]()` × n) is not scanned once per opener.
/// A scan from an opener that is not itself escaped reads the escapes after it as a scan from the
/// text start does: a backslash run starts after a character that is no backslash.
class BracketMatcher {
 public:
  BracketMatcher(std::string_view text, char open, char close) : text_(text), open_(open), close_(close) {}

  /// The position of the closer balancing the opener at `text[at]`, or npos when there is none.
  std::size_t operator()(std::size_t at) {
    if (match_.empty()) compute();
    if (at >= match_.size() || match_[at] == kNotOpener) return scan(at);  // escaped: as written, unindexed
    return match_[at];
  }

 private:
  static constexpr std::size_t kNotOpener = std::string_view::npos - 1;

  void compute() {
    match_.assign(text_.size(), kNotOpener);
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < text_.size(); ++k) {
      if (text_[k] == '\\') {
        ++k;
      } else if (text_[k] == open_) {
        match_[k] = std::string_view::npos;
        open.push_back(k);
      } else if (text_[k] == close_ && !open.empty()) {
        match_[open.back()] = k;
        open.pop_back();
      }
    }
  }

  std::size_t scan(std::size_t at) const {
    int depth = 0;
    for (std::size_t k = at; k < text_.size(); ++k) {
      if (text_[k] == '\\') ++k;
      else if (text_[k] == open_) ++depth;
      else if (text_[k] == close_ && --depth == 0) return k;
    }
    return std::string_view::npos;
  }

  std::string_view text_;
  char open_;
  char close_;
  std::vector<std::size_t> match_;  // per position: its closer, npos, or kNotOpener
};

}  // namespace sheaf::jekyll
