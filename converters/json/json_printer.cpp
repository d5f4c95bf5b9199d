#include "converters/json/json_printer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>

#include "core/utf8.hpp"

namespace sheaf::json {
namespace {

// ---- strings -------------------------------------------------------------------------------------

/// The first byte from `pos` on that is not written as it is: neither plain ASCII nor part of a
/// well-formed UTF-8 sequence (a genuine U+FFFD included); `s.size()` when there is none.
std::size_t skip_plain(std::string_view s, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  while (pos < n) {
    while (pos + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + pos, 8);
      const std::uint64_t special = detail::special_bytes(w);
      if (special == 0) {
        pos += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little)
        pos += static_cast<std::size_t>(std::countr_zero(special)) / 8;
      break;
    }
    if (pos >= n) break;
    const unsigned char b = p[pos];
    if (b < 0x80) {
      if (!detail::kPlainAscii[b]) return pos;
      ++pos;
      continue;
    }
    // Three-byte sequences (CJK) are checked in place, as utf8::decode would accept them.
    if ((b & 0xF0) == 0xE0 && pos + 2 < n && (p[pos + 1] & 0xC0) == 0x80 && (p[pos + 2] & 0xC0) == 0x80) {
      const auto cp = static_cast<char32_t>(((b & 0x0Fu) << 12) | ((p[pos + 1] & 0x3Fu) << 6) | (p[pos + 2] & 0x3Fu));
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        pos += 3;
        continue;
      }
      return pos;
    }
    const std::size_t start = pos;
    // A literal U+FFFD in the text is valid; only a decoding failure is replaced.
    if (utf8::decode(s, pos) == utf8::replacement && pos - start != 3) return start;
  }
  return n;
}

/// Writes the byte at `pos`, where skip_plain stopped, escaped or replaced; advances `pos`.
void put_special(TextBuffer& out, std::string_view s, std::size_t& pos, std::size_t& replaced) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto b = static_cast<unsigned char>(s[pos]);
  ++pos;
  if (b >= 0x80) {  // invalid UTF-8: as utf8::decode, one byte is replaced and the next looked at
    out.put("\xEF\xBF\xBD");
    ++replaced;
    return;
  }
  switch (b) {
    case '"': out.put("\\\""); break;
    case '\\': out.put("\\\\"); break;
    case '\b': out.put("\\b"); break;
    case '\f': out.put("\\f"); break;
    case '\n': out.put("\\n"); break;
    case '\r': out.put("\\r"); break;
    case '\t': out.put("\\t"); break;
    default: {
      const char code[] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 0xF]};
      out.put(std::string_view(code, sizeof code));
    }
  }
}

/// put_quoted for a string that needs more than a copy (or may: a non-ASCII one).
std::size_t put_quoted_slow(TextBuffer& out, std::string_view s) {
  char* p = out.reserve(s.size() + 2);
  *p = '"';
  std::memcpy(p + 1, s.data(), s.size());  // valid UTF-8 is written as it is, in place
  std::size_t pos = skip_plain(s, 0);
  if (pos == s.size()) {
    p[s.size() + 1] = '"';
    out.commit(p + s.size() + 2);
    return 0;
  }
  out.commit(p + 1 + pos);  // the bytes before `pos` are in place
  std::size_t replaced = 0;
  while (pos < s.size()) {
    put_special(out, s, pos, replaced);
    const std::size_t next = skip_plain(s, pos);
    out.put(s.substr(pos, next - pos));
    pos = next;
  }
  out.put('"');
  return replaced;
}

/// Writes `s` as a JSON string literal; returns the count of invalid sequences replaced.
std::size_t put_quoted(TextBuffer& out, std::string_view s) {
  char* p = out.reserve(s.size() + 2);
  *p = '"';
  if (!detail::copy_plain_ascii(p + 1, s)) return put_quoted_slow(out, s);
  p[s.size() + 1] = '"';
  out.commit(p + s.size() + 2);
  return 0;
}

// ---- numbers -------------------------------------------------------------------------------------

constexpr std::size_t kNumberRoom = 32;

/// Writes a finite double as append_float does; returns the end.
char* put_float(char* p, double value) {
  const auto res = std::to_chars(p, p + kNumberRoom - 2, value);
  const std::string_view text(p, static_cast<std::size_t>(res.ptr - p));
  char* end = res.ptr;
  // Shortest form of 2.0 is "2": add ".0" so every reader sees a float, not an integer.
  if (text.find_first_of(".e") == std::string_view::npos) {
    *end++ = '.';
    *end++ = '0';
  }
  return end;
}

}  // namespace

void TextBuffer::grow(std::size_t n) {
  s_.resize(std::max(2 * cap_, pos_ + n + 256));
  buf_ = s_.data();
  cap_ = s_.size();
}

void TextBuffer::drop_front(std::size_t n) {
  std::memmove(buf_, buf_ + n, pos_ - n);
  pos_ -= n;
}

std::size_t append_string(std::string& out, std::string_view s) {
  TextBuffer buffer(out);
  return put_quoted(buffer, s);
}

void append_float(std::string& out, double value) {
  if (!std::isfinite(value)) {  // the encoder never sends these; JSON has no spelling for them
    out += "null";
    return;
  }
  char buf[kNumberRoom];
  out.append(buf, put_float(buf, value));
}

void Printer::event(const Event& e) {
  switch (e.kind) {
    case EventKind::begin_object: begin_object(e.flag); break;
    case EventKind::begin_array: begin_array(e.flag); break;
    case EventKind::end_object: end_object(); break;
    case EventKind::end_array: end_array(); break;
    case EventKind::key: key(e.text); break;
    case EventKind::string: string(e.text); break;
    case EventKind::integer: integer(e.integer); break;
    case EventKind::floating: floating(e.floating); break;
    case EventKind::boolean: boolean(e.flag); break;
    case EventKind::null: null(); break;
  }
}

void Printer::integer(std::int64_t value) {
  before_item();
  char* p = out_.reserve(kNumberRoom);
  out_.commit(std::to_chars(p, p + kNumberRoom, value).ptr);
}

void Printer::floating(double value) {
  if (!std::isfinite(value)) {  // the encoder never sends these; JSON has no spelling for them
    null();
    return;
  }
  before_item();
  out_.commit(put_float(out_.reserve(kNumberRoom), value));
}

void Printer::put_string_slow(std::string_view s) { result_.invalid_utf8 += put_quoted_slow(out_, s); }

namespace detail {

bool copy_plain_ascii_long(char* dst, std::string_view s) {
  const char* src = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8)
    if (special_bytes(load8(src + i)) != 0) return false;
  if (i != n && special_bytes(load8(src + n - 8)) != 0) return false;
  std::memcpy(dst, src, n);
  return true;
}

}  // namespace detail

void Printer::before_item_slow() {
  if (child_open_) {
    expand_held();
    if (held_) {  // the child is the held container now, and this its first value
      held_first_ = false;
      return;
    }
  }
  if (depth_ == 0) return;
  drain_if_full();
  if (!first_) out_.put(',');
  if (pretty_) out_.newline(2 * depth_);
  first_ = false;
}

// The held container got a child container with content: it is laid out one value per line after
// all. Its text is written again from the begin character on, and the child (whose begin character
// ends that text) becomes the held container, or an expanded one when flagged.
void Printer::expand_held() {
  const std::size_t body = held_start_ + 1;
  scratch_.assign(out_.data() + held_start_, out_.size() - held_start_);
  out_.truncate(body);
  ++depth_;
  std::size_t start = 1;  // of the current value in scratch_
  for (const std::size_t separator : held_separators_) {
    out_.newline(2 * depth_);
    out_.put(std::string_view(scratch_).substr(start, separator - start + 1));  // with its ','
    start = separator + 2;
  }
  out_.newline(2 * depth_);
  out_.put(std::string_view(scratch_).substr(start));
  first_ = false;
  child_open_ = false;
  if (child_expand_) {
    held_ = false;
    ++depth_;
    first_ = true;
  } else {
    hold(out_.size() - 1);
  }
}

void Printer::drain() {
  const std::size_t settled = held_ ? held_start_ : out_.size();
  sink_->write(std::string_view(out_.data(), settled));
  out_.drop_front(settled);
  if (held_) held_start_ -= settled;
}

PrintResult Printer::finish() {
  out_.put('\n');
  if (sink_ != nullptr) drain();
  out_.close();
  return result_;
}

PrintResult print(std::span<const Event> events, bool pretty, std::string& out) {
  Printer printer(pretty, out);
  for (const Event& e : events) printer.event(e);
  return printer.finish();
}

}  // namespace sheaf::json
