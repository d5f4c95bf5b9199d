#pragma once
// Lays out encoder events as JSON text (docs/json-format.md, "Layout").
//   pretty:  two-space indent; an array or object whose values are all scalars (or empty
//            containers) goes on one line as `{"type": "text", "text": "Hi"}`, any other
//            non-empty container gets one value per line, as do containers flagged `expand`.
//   compact: one line, no spaces (JSON Lines).
// Both end with a newline. Strings are UTF-8 as themselves; only `"`, `\` and control characters
// are escaped, and invalid UTF-8 is written as U+FFFD.
//
// The writer sends millions of events for a long paragraph, so the per-event path is written for
// speed: the encoder calls the typed entry points below directly (inline, no Event built), text
// goes through a cursor into a pre-grown buffer, and pretty mode writes a container on one line
// as it goes instead of holding its events back (see Printer).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "converters/json/json_events.hpp"

namespace sheaf::json {

namespace detail {
// The fast path of string escaping, here so that the encoder's calls inline it: most strings of a
// document are short keys, node types and words that are copied as they are.

/// ASCII bytes written as they are: printable, not '"' or '\'.
inline constexpr std::array<bool, 128> kPlainAscii = [] {
  std::array<bool, 128> t{};
  for (std::size_t b = 0x20; b < 0x80; ++b) t[b] = b != '"' && b != '\\';
  return t;
}();

/// Non-zero when one of the eight bytes of `w` is not plain ASCII (a control character, '"', '\'
/// or a byte >= 0x80). Borrows can flag bytes above a true hit, never a byte below the first one.
constexpr std::uint64_t special_bytes(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  const std::uint64_t quote = w ^ (ones * '"');
  const std::uint64_t backslash = w ^ (ones * '\\');
  const std::uint64_t control = (w - ones * 0x20) & ~w;  // a byte below 0x20
  const std::uint64_t zero_quote = (quote - ones) & ~quote;
  const std::uint64_t zero_backslash = (backslash - ones) & ~backslash;
  return (control | zero_quote | zero_backslash | w) & highs;
}

inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

inline std::uint64_t load4(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

/// copy_plain_ascii for more than 16 bytes.
bool copy_plain_ascii_long(char* dst, std::string_view s);

/// Copies `s` to `dst` when every byte of it is plain ASCII and returns true; else returns false,
/// having copied some of it or none. Words are read whole, overlapping at the end.
inline bool copy_plain_ascii(char* dst, std::string_view s) {
  const char* src = s.data();
  const std::size_t n = s.size();
  if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto b = static_cast<unsigned char>(src[i]);
      if (b >= 0x80 || !kPlainAscii[b]) return false;
      dst[i] = src[i];
    }
    return true;
  }
  if (n < 8) {
    const std::uint64_t head = load4(src);
    const std::uint64_t tail = load4(src + n - 4);
    if (special_bytes(head | (tail << 32)) != 0) return false;
    std::memcpy(dst, &head, 4);
    std::memcpy(dst + n - 4, &tail, 4);
    return true;
  }
  if (n <= 16) {
    const std::uint64_t head = load8(src);
    const std::uint64_t tail = load8(src + n - 8);
    if ((special_bytes(head) | special_bytes(tail)) != 0) return false;
    std::memcpy(dst, &head, 8);
    std::memcpy(dst + n - 8, &tail, 8);
    return true;
  }
  return copy_plain_ascii_long(dst, s);
}

}  // namespace detail

/// A string of the format itself (a key, a node kind), known when compiled to need no escape, so
/// the printer copies it as it is: construction from anything else does not compile.
class Name {
 public:
  consteval Name(std::string_view text) : text_(text) {
    for (const char c : text)
      if (static_cast<unsigned char>(c) >= 0x80 || !detail::kPlainAscii[static_cast<unsigned char>(c)])
        throw "a Name is written without escapes";
  }
  consteval Name(const char* text) : Name(std::string_view(text)) {}
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

struct PrintResult {
  std::size_t invalid_utf8 = 0;  ///< invalid UTF-8 sequences written as U+FFFD
};

/// Appends to a std::string through a cursor. The string is grown ahead of the cursor, so it holds
/// unspecified bytes past it until close(); writing a piece costs a bounds check, not a call.
class TextBuffer {
 public:
  explicit TextBuffer(std::string& s) : s_(s), pos_(s.size()) {}
  TextBuffer(const TextBuffer&) = delete;
  TextBuffer& operator=(const TextBuffer&) = delete;
  ~TextBuffer() { close(); }

  /// Room for `n` more bytes at the cursor; valid until the next reserve.
  char* reserve(std::size_t n) {
    if (cap_ - pos_ < n) grow(n);
    return buf_ + pos_;
  }
  /// Moves the cursor to `end`, a pointer into the room last reserved.
  void commit(const char* end) { pos_ = static_cast<std::size_t>(end - buf_); }
  void put(char c) { *reserve(1) = c; ++pos_; }
  void put(std::string_view s) {
    char* p = reserve(s.size());
    std::memcpy(p, s.data(), s.size());
    pos_ += s.size();
  }
  /// '\n' and `indent` spaces.
  void newline(std::size_t indent) {
    // Spaces go sixteen at a time (a store each, not a call), past the end into reserved room.
    static constexpr char spaces[16] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                        ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    char* p = reserve(indent + 1 + sizeof spaces);
    *p = '\n';
    for (std::size_t i = 0; i < indent; i += sizeof spaces) std::memcpy(p + 1 + i, spaces, sizeof spaces);
    pos_ += indent + 1;
  }

  std::size_t size() const { return pos_; }
  const char* data() const { return buf_; }
  /// Drops the first `n` bytes (text already handed on); later offsets shift down by `n`.
  void drop_front(std::size_t n);
  /// Cuts the text back to `size` bytes.
  void truncate(std::size_t size) { pos_ = size; }
  /// Leaves the string holding exactly the text written.
  void close() {
    if (cap_ != pos_) s_.resize(pos_);
    buf_ = s_.data();
    cap_ = pos_;
  }

 private:
  void grow(std::size_t n);

  std::string& s_;
  char* buf_ = s_.data();
  std::size_t pos_;
  std::size_t cap_ = pos_;  // == s_.size()
};

/// Takes a Printer's final text a chunk at a time (the JSON writer's output stream).
class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual void write(std::string_view text) = 0;
};

/// Lays out a value as its events arrive, through event() or the typed entry points (the same
/// calls, without building an Event); together they must form exactly one value.
///
/// Pretty mode decides a container's layout from what it holds: one line unless it gets a child
/// container with content (or is flagged). A container not flagged is written on one line as it
/// goes, "held": its text is not final until it ends or that decision turns. Nothing held can
/// contain a non-empty container, so when a child container gets content the held text is only
/// the begin character, values and keys separated by ", ", and the child's begin character: it is
/// written again one value per line, and the child becomes the held container in its turn. So at
/// most one container is held, and only its few bytes are ever rewritten (never a whole document).
class Printer {
 public:
  /// Appends the text to `out`, which holds exactly the text (and the final newline) once finish()
  /// has returned; in between it also holds unspecified bytes past the text.
  Printer(bool pretty, std::string& out) : out_(out), pretty_(pretty) {}
  /// Also hands the final text to `sink` whenever `chunk_bytes` of it have piled up in `out`, so a
  /// big document is never held whole; finish() hands the rest, leaving `out` empty.
  Printer(bool pretty, std::string& out, TextSink& sink, std::size_t chunk_bytes)
      : out_(out), sink_(&sink), drain_at_(chunk_bytes), pretty_(pretty) {
    out_.reserve(chunk_bytes + chunk_bytes / 4);
  }
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  /// Feeds the next event.
  void event(const Event& e);

  /// `expand`: one value per line in pretty mode even when every value is a scalar.
  void begin_object(bool expand = false) { begin('{', expand); }
  void begin_array(bool expand = false) { begin('[', expand); }
  void end_object() { end('}'); }
  void end_array() { end(']'); }
  void key(std::string_view k) {
    before_item();
    put_string(k);
    out_.put(pretty_ ? std::string_view(": ") : std::string_view(":"));
    after_key_ = true;
  }
  void string(std::string_view s) {
    before_item();
    put_string(s);
  }
  /// key() and string() for the format's own names.
  void name_key(Name k) {
    before_item();
    const std::string_view text = k.text();
    char* p = out_.reserve(text.size() + 4);
    *p = '"';
    std::memcpy(p + 1, text.data(), text.size());
    p += text.size() + 1;
    std::memcpy(p, "\": ", 3);
    out_.commit(p + (pretty_ ? 3 : 2));
    after_key_ = true;
  }
  void name_string(Name s) {
    before_item();
    const std::string_view text = s.text();
    char* p = out_.reserve(text.size() + 2);
    *p = '"';
    std::memcpy(p + 1, text.data(), text.size());
    p[text.size() + 1] = '"';
    out_.commit(p + text.size() + 2);
  }
  void integer(std::int64_t value);
  /// `value` must be finite (the encoder writes non-finite numbers as null).
  void floating(double value);
  void boolean(bool value) {
    before_item();
    out_.put(value ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    before_item();
    out_.put("null");
  }

  /// After the last event: appends the final newline.
  PrintResult finish();

 private:
  void begin(char c, bool expand) {
    before_item();
    out_.put(c);
    if (held_) {  // only an empty child can stay inside a held container: decided by what follows
      child_open_ = true;
      child_expand_ = expand;
    } else if (pretty_ && !expand) {
      hold(out_.size() - 1);
    } else {
      ++depth_;
      first_ = true;
    }
  }
  void end(char c) {
    if (child_open_) {  // an empty child: the same text in either layout
      child_open_ = false;
      out_.put(c);
      return;
    }
    if (held_) {
      held_ = false;
      out_.put(c);
    } else {
      if (pretty_ && !first_) out_.newline(2 * (depth_ - 1));
      out_.put(c);
      --depth_;
      first_ = false;  // the enclosing container holds at least this one
    }
    drain_if_full();
  }
  /// Separator and line break before a value or key inside the current container.
  void before_item() {
    if (after_key_) {  // never with child_open_: the child's begin took the key
      after_key_ = false;
      return;
    }
    if (held_ && !child_open_) {
      if (!held_first_) separate_held();
      held_first_ = false;
      return;
    }
    before_item_slow();
  }
  void separate_held() {
    held_separators_.push_back(out_.size() - held_start_);
    out_.put(", ");
  }
  /// before_item in an expanded (or compact) container, or in a held one that just expanded.
  void before_item_slow();
  void hold(std::size_t start) {
    held_ = true;
    held_first_ = true;
    held_start_ = start;
    held_separators_.clear();
  }
  void drain_if_full() {
    if (out_.size() >= drain_at_) drain();
  }
  void expand_held();
  void drain();
  /// Writes `s` as a JSON string literal.
  void put_string(std::string_view s) {
    char* p = out_.reserve(s.size() + 2);
    *p = '"';
    if (!detail::copy_plain_ascii(p + 1, s)) return put_string_slow(s);
    p[s.size() + 1] = '"';
    out_.commit(p + s.size() + 2);
  }
  void put_string_slow(std::string_view s);

  TextBuffer out_;
  TextSink* sink_ = nullptr;
  std::size_t drain_at_ = std::numeric_limits<std::size_t>::max();
  bool pretty_;
  PrintResult result_;
  // Containers laid out one value per line (pretty) or open at all (compact), and whether the
  // innermost of them holds nothing yet; its enclosing ones hold at least one value each.
  std::size_t depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;  // a key was written: its value follows with no separator
  // The held container (pretty mode), inside the innermost expanded one or at the top.
  bool held_ = false;
  bool held_first_ = false;     // it holds nothing yet
  std::size_t held_start_ = 0;  // offset of its begin character in out_
  bool child_open_ = false;     // its last value is a container just begun
  bool child_expand_ = false;   // that container's `expand` flag
  // Where each ", " between its values is, from held_start_: a value is rewritten on its own line
  // when the held container expands, and its strings may hold ", " too.
  std::vector<std::size_t> held_separators_;
  std::string scratch_;  // the held text while it is written again
};

/// Appends the text of `events`, which must form exactly one value, and a final newline.
PrintResult print(std::span<const Event> events, bool pretty, std::string& out);

/// Appends `s` as a JSON string literal; returns the count of invalid sequences replaced.
std::size_t append_string(std::string& out, std::string_view s);

/// Appends a finite double in its shortest round-trip form, always recognisable as a float:
/// `2.0`, `0.1`, `1e+100`, `-0.0`.
void append_float(std::string& out, double value);

}  // namespace sheaf::json
