#include "converters/epub/xml_writer.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::epub {
namespace {

// HTML void elements (and the few XML-only empty elements the package documents use) are written
// `<x/>`; every other element is written with an end tag even when empty, since `<p/>`-style tags
// are not valid HTML syntax when an XHTML file is read as HTML.
bool is_void(std::string_view name) {
  static constexpr std::array<std::string_view, 16> names = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
      "track", "wbr", "itemref", "item", "rootfile"};
  return std::find(names.begin(), names.end(), name) != names.end() || name == "content" ||
         name == "reference";
}

// True when the code point may appear in an XML 1.0 document.
bool xml_char(char32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

}  // namespace

std::string xml_clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      if (xml_char(b)) out += static_cast<char>(b);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(s, pos);
    if (cp == utf8::replacement && pos - start != 3) {
      utf8::append(out, utf8::replacement);  // invalid sequence: keep a visible marker
    } else if (xml_char(cp)) {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

void XmlWriter::declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::raw(std::string_view markup) {
  finish_start_tag();
  out_ += markup;
}

void XmlWriter::open(std::string_view name) {
  finish_start_tag();
  out_ += '<';
  out_ += name;
  stack_.push_back(name);
  start_tag_open_ = true;
}

void XmlWriter::attr(std::string_view name, std::string_view value) {
  if (!start_tag_open_) throw Error(ErrorCode::internal, "XmlWriter: attribute after content");
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  escape(value, true);
  out_ += '"';
}

void XmlWriter::text(std::string_view text) {
  finish_start_tag();
  escape(text, false);
}

void XmlWriter::close() {
  if (stack_.empty()) throw Error(ErrorCode::internal, "XmlWriter: close without open");
  const std::string_view name = stack_.back();
  stack_.pop_back();
  if (start_tag_open_ && is_void(name)) {
    out_ += "/>";
    start_tag_open_ = false;
    return;
  }
  finish_start_tag();
  out_ += "</";
  out_ += name;
  out_ += '>';
}

void XmlWriter::element(std::string_view name, std::string_view text) {
  open(name);
  this->text(text);
  close();
}

void XmlWriter::newline() {
  finish_start_tag();
  out_ += '\n';
}

std::string XmlWriter::take() {
  if (!stack_.empty()) throw Error(ErrorCode::internal, "XmlWriter: unclosed element");
  return std::move(out_);
}

void XmlWriter::finish_start_tag() {
  if (start_tag_open_) {
    out_ += '>';
    start_tag_open_ = false;
  }
}

void XmlWriter::escape(std::string_view s, bool in_attribute) {
  std::size_t pos = 0;
  std::size_t run = 0;  // start of the pending run of bytes copied unchanged
  const auto flush = [&](std::size_t end) { out_.append(s.substr(run, end - run)); };
  while (pos < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    const char* entity = nullptr;
    if (b < 0x80) {
      switch (b) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = in_attribute ? "&quot;" : nullptr; break;
        // Attribute-value normalization would turn these into spaces: keep them as references.
        case '\n': entity = in_attribute ? "&#10;" : nullptr; break;
        case '\t': entity = in_attribute ? "&#9;" : nullptr; break;
        // CR LF and lone CR are line ends: written as one LF, as an XML parser would read them.
        case '\r':
          entity = (pos + 1 < s.size() && s[pos + 1] == '\n') ? "" : (in_attribute ? "&#10;" : "\n");
          break;
        default: break;
      }
      if (entity || !xml_char(b)) {
        flush(pos);
        if (entity) out_ += entity;
        run = pos + 1;
      }
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(s, pos);
    const bool invalid = cp == utf8::replacement && pos - start != 3;
    if (invalid || !xml_char(cp)) {
      flush(start);
      if (invalid) utf8::append(out_, utf8::replacement);
      run = pos;
    }
  }
  flush(pos);
}

}  // namespace sheaf::epub
