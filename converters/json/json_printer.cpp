#include "converters/json/json_printer.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include "core/utf8.hpp"

namespace sheaf::json {
namespace {

bool is_begin(EventKind k) { return k == EventKind::begin_object || k == EventKind::begin_array; }
bool is_end(EventKind k) { return k == EventKind::end_object || k == EventKind::end_array; }

/// For each begin event, whether pretty mode expands it: it is non-empty and either flagged or
/// holds a non-empty container. One pass with a stack, so layout stays linear.
std::vector<bool> expanded_containers(std::span<const Event> events) {
  std::vector<bool> expand(events.size(), false);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (is_begin(events[i].kind)) {
      open.push_back(i);
      expand[i] = events[i].flag;
    } else if (is_end(events[i].kind)) {
      const std::size_t begin = open.back();
      open.pop_back();
      const bool empty = i == begin + 1;
      if (empty) expand[begin] = false;
      else if (!open.empty()) expand[open.back()] = true;
    }
  }
  return expand;
}

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

PrintResult print(std::span<const Event> events, bool pretty, std::string& out) {
  PrintResult result;
  const std::vector<bool> expand = pretty ? expanded_containers(events) : std::vector<bool>{};
  struct Frame {
    bool expand;
    bool first = true;
  };
  std::vector<Frame> frames;
  bool after_key = false;

  const auto newline = [&] {
    out += '\n';
    out.append(2 * frames.size(), ' ');
  };
  // Separator and line break before a value or key inside the current container.
  const auto before_item = [&] {
    if (after_key) { after_key = false; return; }
    if (frames.empty()) return;
    Frame& f = frames.back();
    if (!f.first) out += ',';
    if (f.expand) newline();
    else if (!f.first && pretty) out += ' ';
    f.first = false;
  };

  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    switch (e.kind) {
      case EventKind::begin_object:
      case EventKind::begin_array:
        before_item();
        out += e.kind == EventKind::begin_object ? '{' : '[';
        frames.push_back(Frame{pretty && expand[i]});
        break;
      case EventKind::end_object:
      case EventKind::end_array: {
        const Frame f = frames.back();
        frames.pop_back();
        if (f.expand && !f.first) newline();
        out += e.kind == EventKind::end_object ? '}' : ']';
        break;
      }
      case EventKind::key:
        before_item();
        result.invalid_utf8 += append_string(out, e.text);
        out += pretty ? ": " : ":";
        after_key = true;
        break;
      case EventKind::string:
        before_item();
        result.invalid_utf8 += append_string(out, e.text);
        break;
      case EventKind::integer:
        before_item();
        append_integer(out, e.integer);
        break;
      case EventKind::floating:
        before_item();
        append_float(out, e.floating);
        break;
      case EventKind::boolean:
        before_item();
        out += e.flag ? "true" : "false";
        break;
      case EventKind::null:
        before_item();
        out += "null";
        break;
    }
  }
  out += '\n';
  return result;
}

}  // namespace sheaf::json
