#include "converters/text/wrap.hpp"

#include <algorithm>
#include <string>

#include "converters/shared/unicode.hpp"

namespace sheaf::text {
namespace {

/// One unbreakable piece of a hard line: [begin, end) with `width` visible columns, followed by
/// `trailing` columns of spaces that vanish when a line ends after it.
struct Piece {
  std::size_t begin;
  std::size_t end;        // end of the visible part
  std::size_t next;       // start of the next piece
  std::size_t width;
  std::size_t trailing;
};

/// Calls `fn(Piece)` for each piece of the hard line [begin, end) of flow.text.
template <class Fn>
void for_each_piece(const Flow& flow, std::size_t begin, std::size_t end, LineBreaker& breaker, Fn fn) {
  const std::string_view text(flow.text);
  const std::string_view line = text.substr(begin, end - begin);
  std::vector<std::size_t> cuts = breaker.opportunities(line);
  // Drop opportunities inside Keep ranges (both sorted: one merge pass).
  auto keep = std::lower_bound(flow.keep.begin(), flow.keep.end(), begin,
                               [](const Keep& k, std::size_t at) { return k.end <= at; });
  std::size_t kept = 0;
  for (std::size_t cut : cuts) {
    const std::size_t at = begin + cut;
    while (keep != flow.keep.end() && keep->end <= at) ++keep;
    if (keep != flow.keep.end() && keep->begin < at && at < keep->end) continue;
    cuts[kept++] = cut;
  }
  cuts.resize(kept);
  cuts.push_back(line.size());
  std::size_t start = 0;
  for (std::size_t cut : cuts) {
    std::size_t visible = cut;
    while (visible > start && line[visible - 1] == ' ') --visible;
    fn(Piece{begin + start, begin + visible, begin + cut,
             unicode::display_width(line.substr(start, visible - start)), cut - visible});
    start = cut;
  }
}

/// Calls `fn(begin, end)` for each hard line of flow.text.
template <class Fn>
void for_each_hard_line(const Flow& flow, Fn fn) {
  std::size_t begin = 0;
  while (true) {
    const std::size_t nl = flow.text.find('\n', begin);
    const std::size_t end = nl == std::string::npos ? flow.text.size() : nl;
    fn(begin, end);
    if (nl == std::string::npos) break;
    begin = nl + 1;
  }
}

}  // namespace

std::vector<LineSpan> wrap(const Flow& flow, std::size_t width, LineBreaker& breaker) {
  std::vector<LineSpan> lines;
  if (flow.text.empty()) return lines;
  for_each_hard_line(flow, [&](std::size_t begin, std::size_t end) {
    if (width == 0 || begin == end) {
      std::size_t visible = end;
      while (visible > begin && flow.text[visible - 1] == ' ') --visible;
      lines.push_back({begin, visible});
      return;
    }
    LineSpan current{begin, begin};
    std::size_t used = 0;      // columns of the current line's visible text
    std::size_t trailing = 0;  // spaces after it, kept only if the line goes on
    bool open = false;         // the current line holds a piece
    for_each_piece(flow, begin, end, breaker, [&](const Piece& piece) {
      if (open && used + trailing + piece.width > width) {
        lines.push_back(current);
        current = {piece.begin, piece.end};
        used = piece.width;
      } else {
        if (!open) current.begin = piece.begin;
        current.end = piece.end;
        used += (open ? trailing : 0) + piece.width;
      }
      open = true;
      trailing = piece.trailing;
    });
    lines.push_back(current);
  });
  return lines;
}

std::size_t widest_token(const Flow& flow, LineBreaker& breaker) {
  std::size_t widest = 0;
  for_each_hard_line(flow, [&](std::size_t begin, std::size_t end) {
    if (begin == end) return;
    for_each_piece(flow, begin, end, breaker,
                   [&](const Piece& piece) { widest = std::max(widest, piece.width); });
  });
  return widest;
}

std::size_t natural_width(const Flow& flow) {
  std::size_t widest = 0;
  for_each_hard_line(flow, [&](std::size_t begin, std::size_t end) {
    widest = std::max(widest, unicode::display_width(std::string_view(flow.text).substr(begin, end - begin)));
  });
  return widest;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace sheaf::text
