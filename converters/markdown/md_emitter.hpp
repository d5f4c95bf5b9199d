#pragma once
// Writes Markdown lines under nested container prefixes (`> ` for quotes, marker then indentation
// for list items and footnote definitions) and wraps paragraphs. Containers never re-render
// their content: each line gets its prefix once, so output stays linear in size.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "converters/markdown/md_inline.hpp"
#include "core/options.hpp"

namespace sheaf::markdown {

class MdEmitter {
 public:
  MdEmitter(std::string& out, const MarkdownWriterOptions& options) : out_(out), options_(options) {}

  /// Opens a container: its first line starts with `first`, the others with `rest`. A container
  /// closed before any line was written still writes its first prefix (an empty item `-`).
  void push(std::string first, std::string rest);
  void pop();

  /// Writes each '\n'-separated line of `text` under the current prefixes.
  void lines(std::string_view text);
  /// Writes paragraph text; with Wrap::auto_wrap, breaks lines at its break offsets so that lines
  /// fit in options.columns (display width, prefixes included) where a break exists.
  void paragraph(const MdInlineText& text);
  /// Asks for a blank line before the next line written (a quote's blank line keeps its `>`).
  /// Nothing is written if no line follows at this depth or deeper, so empty blocks never leave
  /// double blank lines; two requests in a row give one blank line.
  void blank();
  /// Lines written so far.
  std::size_t line_count() const noexcept { return lines_written_; }

 private:
  struct Level {
    std::string first;
    std::string rest;
    bool pending;  ///< no line written yet: the next line uses `first`
  };
  void line(std::string_view text);
  std::size_t prefix_width() const;

  std::string& out_;
  const MarkdownWriterOptions& options_;
  std::vector<Level> levels_;
  std::size_t blank_depth_ = 0;  ///< the container depth a pending blank line was asked at
  bool blank_pending_ = false;
  std::size_t lines_written_ = 0;
};

}  // namespace sheaf::markdown
