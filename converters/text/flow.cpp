#include "converters/text/flow.hpp"

#include <algorithm>

#include "converters/shared/unicode.hpp"
#include "core/utf8.hpp"

namespace sheaf::text {
namespace {

constexpr char32_t kNbsp = U'\u00A0';

/// The code point at `pos`, advancing past it; ASCII without a call (most text is ASCII).
char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
  const auto byte = static_cast<unsigned char>(s[pos]);
  if (byte >= 0x80) return utf8::decode(s, pos);
  ++pos;
  return byte;
}

bool is_control(char32_t cp) noexcept {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

/// Characters that carry no text and could only confuse a terminal or a search.
bool is_dropped(char32_t cp) noexcept {
  return is_control(cp) || cp == U'\u00AD' || cp == U'\uFEFF';
}

bool is_url_char(unsigned char c) noexcept {
  if (c <= 0x20 || c >= 0x7F) return false;
  return c != '<' && c != '>' && c != '"' && c != '\'' && c != '`';
}

bool is_scheme_char(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

bool is_alnum_ascii(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) noexcept {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

void FlowBuilder::put(char32_t cp) {
  utf8::append(out_, cp);
  last_ = cp;
}

void FlowBuilder::flush_space() {
  if (!pending_space_ && !pending_newline_ && !pending_nbsp_) return;
  const bool at_start = out_.empty() || out_.back() == '\n';
  if (!at_start) {
    // text() has already resolved a newline between CJK characters; any newline left is a space.
    if (pending_space_ || pending_newline_) {
      if (out_.back() != ' ') put(U' ');
    } else if (pending_nbsp_) {
      put(kNbsp);
    }
  }
  pending_space_ = pending_newline_ = pending_nbsp_ = false;
}

void FlowBuilder::text(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = next_code_point(s, pos);
    if (cp == U' ' || cp == U'\t' || cp == U'\r' || cp == U'\f' || cp == U'\v' || cp == U'\u2028' ||
        cp == U'\u2029') {
      pending_space_ = true;
      continue;
    }
    if (cp == U'\n') {
      pending_newline_ = true;
      continue;
    }
    if (cp == kNbsp) {
      pending_nbsp_ = true;
      continue;
    }
    if (is_dropped(cp)) continue;
    if (pending_newline_ && !pending_space_ && !pending_nbsp_) {
      // CSS Text 3 segment-break rule: between two CJK characters a source newline is nothing.
      const bool cjk = last_ != 0 && unicode::drops_segment_break(last_) &&
                       unicode::drops_segment_break(cp);
      pending_newline_ = false;
      if (!cjk) pending_space_ = true;
    }
    flush_space();
    put(cp);
  }
}

void FlowBuilder::literal(std::string_view s) {
  flush_space();
  std::size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = next_code_point(s, pos);
    if (cp == U'\n' || cp == U'\t' || cp == U'\r') cp = U' ';
    if (is_dropped(cp)) continue;
    put(cp);
  }
}

void FlowBuilder::token(std::string_view s) {
  flush_space();
  const std::size_t begin = out_.size();
  literal(s);
  if (out_.size() > begin) keep_.push_back({begin, out_.size()});
}

void FlowBuilder::glued(std::string_view s) {
  // Pending whitespace stays pending: the marker goes right after the text it belongs to.
  const bool space = pending_space_, newline = pending_newline_, nbsp = pending_nbsp_;
  pending_space_ = pending_newline_ = pending_nbsp_ = false;
  const std::size_t begin = out_.size();
  literal(s);
  // Starting the range one byte early forbids a break right before the marker.
  if (out_.size() > begin) keep_.push_back({begin == 0 ? 0 : begin - 1, out_.size()});
  pending_space_ = space;
  pending_newline_ = newline;
  pending_nbsp_ = nbsp;
}

void FlowBuilder::space() { pending_space_ = true; }

void FlowBuilder::hard_break() {
  if (single_line_) {
    pending_space_ = true;
    return;
  }
  pending_space_ = pending_newline_ = pending_nbsp_ = false;
  while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  out_ += '\n';  // consecutive hard breaks each start a line: <br><br> leaves an empty line
  last_ = 0;
}

Flow FlowBuilder::finish() {
  // Trailing whitespace and hard breaks carry no text.
  while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
  // Leading hard breaks likewise.
  std::size_t lead = 0;
  while (lead < out_.size() && out_[lead] == '\n') ++lead;
  Flow flow;
  flow.text = out_.substr(lead);
  for (Keep k : keep_) {
    if (k.end <= lead) continue;
    k.begin = k.begin > lead ? k.begin - lead : 0;
    k.end = std::min(k.end - lead, flow.text.size());
    if (k.begin < k.end) flow.keep.push_back(k);
  }
  for (const Keep& k : find_urls(flow.text)) flow.keep.push_back(k);
  normalise_keeps(flow.keep);
  out_.clear();
  keep_.clear();
  pending_space_ = pending_newline_ = pending_nbsp_ = false;
  last_ = 0;
  return flow;
}

std::vector<Keep> find_urls(std::string_view s) {
  std::vector<Keep> out;
  std::size_t i = 0;
  std::size_t covered = 0;  // URLs never overlap: scanning resumes after the last one
  while (i < s.size()) {
    std::size_t begin = std::string_view::npos;
    if (s[i] == ':' && s.compare(i, 3, "://") == 0) {
      std::size_t b = i;
      while (b > covered && is_scheme_char(static_cast<unsigned char>(s[b - 1]))) --b;
      if (b < i) begin = b;
    } else if ((i == 0 || !is_alnum_ascii(static_cast<unsigned char>(s[i - 1]))) && i >= covered &&
               (starts_with_ci(s, i, "www.") || starts_with_ci(s, i, "mailto:"))) {
      begin = i;
    }
    if (begin == std::string_view::npos) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && is_url_char(static_cast<unsigned char>(s[end]))) ++end;
    if (end > begin + 1) out.push_back({begin, end});
    covered = end;
    i = std::max(end, i + 1);
  }
  return out;
}

void normalise_keeps(std::vector<Keep>& keep) {
  std::sort(keep.begin(), keep.end(),
            [](const Keep& a, const Keep& b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  std::vector<Keep> merged;
  merged.reserve(keep.size());
  for (const Keep& k : keep) {
    if (k.end <= k.begin) continue;
    // Ranges that only touch stay apart: the shared boundary remains a break opportunity.
    if (!merged.empty() && k.begin < merged.back().end)
      merged.back().end = std::max(merged.back().end, k.end);
    else
      merged.push_back(k);
  }
  keep = std::move(merged);
}

}  // namespace sheaf::text
