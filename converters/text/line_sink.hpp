#pragma once
// Where rendered lines go. Nested blocks push prefix frames (a list item's "- " then "  ", a
// quote's "> "), so text is written once, at its final place, whatever the depth: no block is
// rendered to a buffer and re-indented by its parent.
//
// Blank lines between blocks are requested, not written: the request is honoured before the next
// line only, so a block that renders nothing leaves no double blank, and no blank line opens or
// closes the output. Lines are written without trailing spaces when they hold only a prefix.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::text {

class LineSink {
 public:
  /// Starts a frame: `first` prefixes the frame's first line, `rest` the ones after it. Both
  /// must have the same display width.
  void push(std::string first, std::string rest);
  void pop();
  /// Display width of the prefixes in force.
  [[nodiscard]] std::size_t indent() const noexcept { return indent_; }

  /// Writes one line (prefix + content). `content` must hold no newline.
  void line(std::string_view content);
  /// Asks for one blank line before the next line (replacing any earlier request).
  void separate(bool blank) noexcept { blank_ = blank; }
  /// Lines written so far; blocks compare it to learn whether they wrote anything.
  [[nodiscard]] std::size_t lines() const noexcept { return lines_; }
  /// The output, each line ending in '\n'.
  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  struct Frame {
    std::string first;
    std::string rest;
    std::size_t width;
    bool used = false;
  };
  void prefix(bool blank_line);

  std::vector<Frame> frames_;
  std::string out_;
  std::size_t indent_ = 0;
  std::size_t lines_ = 0;
  bool blank_ = false;
};

}  // namespace sheaf::text
