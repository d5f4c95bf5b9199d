#include "converters/text/line_sink.hpp"

#include "converters/shared/unicode.hpp"

namespace sheaf::text {

void LineSink::push(std::string first, std::string rest) {
  const std::size_t width = unicode::display_width(rest);
  indent_ += width;
  frames_.push_back(Frame{std::move(first), std::move(rest), width});
}

void LineSink::pop() {
  indent_ -= frames_.back().width;
  frames_.pop_back();
}

void LineSink::prefix(bool blank_line) {
  for (Frame& frame : frames_) {
    if (frame.used) {
      out_ += frame.rest;
    } else if (blank_line) {
      // A frame that has not started yet shows nothing on the blank line before it: the blank
      // between two list items carries no bullet, the one before a quote no '>'.
      out_.append(frame.width, ' ');
    } else {
      out_ += frame.first;
      frame.used = true;
    }
  }
}

void LineSink::line(std::string_view content) {
  if (blank_ && lines_ > 0) {
    prefix(true);
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
  }
  blank_ = false;
  prefix(false);
  out_ += content;
  if (content.empty())
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  out_ += '\n';
  ++lines_;
}

}  // namespace sheaf::text
