#pragma once
// Element ids of one XHTML file. Source ids (HTML ids, Markdown heading ids) may hold characters
// that are not valid in an XML ID, and a file also needs generated ids (footnotes, the title):
// this class maps the former to valid, unique names and hands out the latter without collisions.
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace sheaf::epub {

/// `id` as an ASCII XML name: letters, digits, '-', '_', '.' kept; other ASCII becomes '-';
/// non-ASCII code points become "_<hex>"; an "id-" prefix when it would not start with a letter
/// or '_'. Deterministic, so links can be rewritten with the same function.
std::string xml_id(std::string_view id);

class IdSet {
 public:
  /// Registers a source id (the first occurrence wins) and returns its id in the file.
  const std::string& add_source(std::string_view source_id);
  /// The file id of a registered source id, or nullptr.
  [[nodiscard]] const std::string* find(std::string_view source_id) const;
  /// True the first time it is called for a source id: later elements with the same source id
  /// are written without one.
  bool claim(std::string_view source_id);
  /// A new id, `stem` or `stem-2`, `stem-3`…, unique in the file.
  std::string fresh(std::string_view stem);

 private:
  std::map<std::string, std::string, std::less<>> source_;
  std::set<std::string, std::less<>> used_;
  std::set<std::string, std::less<>> claimed_;
  std::map<std::string, int, std::less<>> next_suffix_;
};

}  // namespace sheaf::epub
