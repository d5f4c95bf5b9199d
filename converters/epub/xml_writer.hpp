#pragma once
// A small XML serializer that makes well-formed output by construction: element and attribute
// names are the caller's string literals, every text and attribute value is escaped, and characters
// XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, invalid UTF-8) are dropped.
// Linear in the size of what is written.
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::epub {

class XmlWriter {
 public:
  /// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
  void declaration();
  /// Trusted markup written as is (a doctype); never pass document text here.
  void raw(std::string_view markup);
  /// Starts an element; attributes may follow until the first child or text.
  void open(std::string_view name);
  /// An attribute of the element just opened.
  void attr(std::string_view name, std::string_view value);
  /// Escaped character data.
  void text(std::string_view text);
  /// Ends the innermost open element: `/>` for an empty void element, else `</name>`.
  void close();
  /// `<name attrs>text</name>` in one call.
  void element(std::string_view name, std::string_view text);
  /// A line break between elements (formatting only; never call inside <pre>).
  void newline();
  /// Open elements; 0 once the document is complete.
  [[nodiscard]] std::size_t depth() const noexcept { return stack_.size(); }
  /// The document; every element must be closed.
  [[nodiscard]] std::string take();

 private:
  void finish_start_tag();
  void escape(std::string_view s, bool in_attribute);

  std::string out_;
  std::vector<std::string_view> stack_;
  bool start_tag_open_ = false;
};

/// `s` without the characters XML 1.0 cannot carry (see XmlWriter), invalid UTF-8 repaired.
std::string xml_clean(std::string_view s);

}  // namespace sheaf::epub
