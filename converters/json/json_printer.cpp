#include "converters/json/json_printer.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"

namespace sheaf::json {
namespace {

bool is_begin(EventKind k) { return k == EventKind::begin_object || k == EventKind::begin_array; }
bool is_end(EventKind k) { return k == EventKind::end_object || k == EventKind::end_array; }

void append_integer(std::string& out, std::int64_t value) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, res.ptr);
}

}  // namespace

std::size_t append_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::size_t replaced = 0;
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes copied as they are
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b >= 0x20 && b != '"' && b != '\\' && b < 0x80) { ++pos; continue; }
    if (b >= 0x80) {
      const std::size_t start = pos;
      const char32_t cp = utf8::decode(s, pos);
      // A literal U+FFFD in the text is valid; only a decoding failure is replaced.
      if (cp != utf8::replacement || pos - start == 3) continue;
      out.append(s.substr(run, start - run));
      out += "\xEF\xBF\xBD";
      ++replaced;
      run = pos;
      continue;
    }
    out.append(s.substr(run, pos - run));
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    run = ++pos;
  }
  out.append(s.substr(run));
  out += '"';
  return replaced;
}

void append_float(std::string& out, double value) {
  if (!std::isfinite(value)) {  // the encoder never sends these; JSON has no spelling for them
    out += "null";
    return;
  }
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  const std::string_view text(buf, static_cast<std::size_t>(res.ptr - buf));
  out += text;
  // Shortest form of 2.0 is "2": add ".0" so every reader sees a float, not an integer.
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void Printer::newline() {
  out_ += '\n';
  out_.append(2 * frames_.size(), ' ');
}

// Separator and line break before a value or key inside the current container.
void Printer::before_item() {
  if (after_key_) { after_key_ = false; return; }
  if (frames_.empty()) return;
  Frame& f = frames_.back();
  if (!f.first) out_ += ',';
  if (f.expand) newline();
  else if (!f.first && pretty_) out_ += ' ';
  f.first = false;
}

// Pretty mode expands a container that is non-empty and either flagged or holding a non-empty
// container; an empty one looks the same either way.
void Printer::event(const Event& e) {
  if (!pretty_) { emit(e, false); return; }
  if (pending_.empty()) {
    if (is_begin(e.kind) && !e.flag) {
      pending_.push_back(e);
      pending_depth_ = 1;
      return;
    }
    emit(e, e.flag);
    return;
  }
  if (is_end(e.kind)) {
    pending_.push_back(e);
    if (--pending_depth_ == 0) flush_pending(false);  // only scalars and empty containers inside
    return;
  }
  if (pending_depth_ == 2) {
    // A child container of the held one got content: the held one expands. What follows its
    // begin is fed again, the child now being the outermost container whose layout is open.
    pending_.push_back(e);
    flush_pending(true);
    return;
  }
  pending_.push_back(e);
  if (is_begin(e.kind)) ++pending_depth_;
}

void Printer::flush_pending(bool expand_first) {
  std::vector<Event> held;
  held.swap(pending_);
  pending_depth_ = 0;
  if (!expand_first) {
    for (const Event& h : held) emit(h, false);  // nested containers are empty: layout is the same
  } else {
    emit(held.front(), true);
    for (std::size_t i = 1; i < held.size(); ++i) event(held[i]);
  }
  if (pending_.empty()) {  // reuse the held buffer's capacity
    held.clear();
    pending_.swap(held);
  }
}

void Printer::emit(const Event& e, bool expand) {
  switch (e.kind) {
    case EventKind::begin_object:
    case EventKind::begin_array:
      before_item();
      out_ += e.kind == EventKind::begin_object ? '{' : '[';
      frames_.push_back(Frame{pretty_ && expand});
      break;
    case EventKind::end_object:
    case EventKind::end_array: {
      const Frame f = frames_.back();
      frames_.pop_back();
      if (f.expand && !f.first) newline();
      out_ += e.kind == EventKind::end_object ? '}' : ']';
      break;
    }
    case EventKind::key:
      before_item();
      result_.invalid_utf8 += append_string(out_, e.text);
      out_ += pretty_ ? ": " : ":";
      after_key_ = true;
      break;
    case EventKind::string:
      before_item();
      result_.invalid_utf8 += append_string(out_, e.text);
      break;
    case EventKind::integer:
      before_item();
      append_integer(out_, e.integer);
      break;
    case EventKind::floating:
      before_item();
      append_float(out_, e.floating);
      break;
    case EventKind::boolean:
      before_item();
      out_ += e.flag ? "true" : "false";
      break;
    case EventKind::null:
      before_item();
      out_ += "null";
      break;
  }
}

PrintResult Printer::finish() {
  out_ += '\n';
  return result_;
}

PrintResult print(std::span<const Event> events, bool pretty, std::string& out) {
  Printer printer(pretty, out);
  for (const Event& e : events) printer.event(e);
  return printer.finish();
}

}  // namespace sheaf::json
