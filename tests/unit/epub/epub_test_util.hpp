#pragma once
// Writing a book in memory and looking inside it.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "converters/epub/epub.hpp"
#include "converters/epub/zip_package.hpp"
#include "core/context.hpp"

namespace sheaf::test::epub {

inline std::string write_epub(const Document& doc, MemoryContext& context, const WriterOptions& options = {}) {
  std::ostringstream out;
  sheaf::epub::write(doc, options, context, out);
  return out.str();
}

inline std::string write_epub_book(const std::vector<Document>& docs, MemoryContext& context,
                                   const MetaMap& book_meta = {}, const WriterOptions& options = {}) {
  std::ostringstream out;
  sheaf::epub::write_book(docs, book_meta, options, context, out);
  return out.str();
}

/// name → bytes of every entry.
inline std::map<std::string, std::string> entries(const std::string& epub) {
  std::map<std::string, std::string> out;
  for (auto& [name, bytes] : sheaf::epub::unzip_archive(epub)) out[name] = bytes;
  return out;
}

inline bool has_diagnostic(const MemoryContext& context, const std::string& id) {
  for (const Diagnostic& d : context.diagnostics)
    if (d.id == id) return true;
  return false;
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace sheaf::test::epub
