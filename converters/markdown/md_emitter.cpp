#include "converters/markdown/md_emitter.hpp"

#include <algorithm>

#include "converters/shared/unicode.hpp"

namespace sheaf::markdown {

void MdEmitter::push(std::string first, std::string rest) {
  levels_.push_back(Level{std::move(first), std::move(rest), true});
}

void MdEmitter::pop() {
  if (levels_.back().pending) line("");
  levels_.pop_back();
  if (blank_depth_ > levels_.size()) blank_depth_ = levels_.size();
}

void MdEmitter::line(std::string_view text) {
  if (blank_pending_) {
    blank_pending_ = false;
    if (lines_written_ > 0) {
      std::string prefix;
      for (std::size_t i = 0; i < blank_depth_ && i < levels_.size(); ++i) prefix += levels_[i].rest;
      while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) prefix.pop_back();
      out_ += prefix;
      out_ += '\n';
    }
  }
  ++lines_written_;
  const std::size_t start = out_.size();
  for (Level& l : levels_) {
    out_ += l.pending ? l.first : l.rest;
    l.pending = false;
  }
  out_ += text;
  if (text.empty())  // no trailing spaces: a bare prefix ends at its last visible character
    while (out_.size() > start && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
  out_ += '\n';
}

void MdEmitter::lines(std::string_view text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    line(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

void MdEmitter::blank() {
  blank_depth_ = blank_pending_ ? std::min(blank_depth_, levels_.size()) : levels_.size();
  blank_pending_ = true;
}

std::size_t MdEmitter::prefix_width() const {
  std::size_t w = 0;
  for (const Level& l : levels_) w += unicode::display_width(l.pending ? l.first : l.rest);
  return w;
}

void MdEmitter::paragraph(const MdInlineText& t) {
  if (options_.wrap != Wrap::auto_wrap || t.breaks.empty()) {
    lines(t.text);
    return;
  }
  const std::string_view s = t.text;
  const auto columns = static_cast<std::size_t>(options_.columns > 0 ? options_.columns : 1);
  auto avail = [&] { return columns > prefix_width() + 1 ? columns - prefix_width() : 1; };
  std::size_t b = 0;  // next break candidate
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl;
    // Greedy fill of the hard line [start, end): `line_start` begins the output line, `pos` is
    // the last break candidate taken into it (or line_start).
    std::size_t line_start = start;
    std::size_t pos = start;
    std::size_t width = 0;
    while (b < t.breaks.size() && t.breaks[b] < line_start) ++b;
    for (; b < t.breaks.size() && t.breaks[b] < end; ++b) {
      const std::size_t c = t.breaks[b];
      const std::size_t w = unicode::display_width(s.substr(pos, c - pos));
      if (width + w > avail() && pos > line_start) {
        line(s.substr(line_start, pos - line_start));
        line_start = pos + 1;  // the space at `pos` becomes the newline
        width = unicode::display_width(s.substr(line_start, c - line_start));
      } else {
        width += w;
      }
      pos = c;
    }
    if (pos > line_start && width + unicode::display_width(s.substr(pos, end - pos)) > avail()) {
      line(s.substr(line_start, pos - line_start));
      line_start = pos + 1;
    }
    line(s.substr(line_start, end - line_start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

}  // namespace sheaf::markdown
