#pragma once
// Hand-built documents for the text writer's tests (tests/support/model_build.hpp, plus tables),
// and the render helper.
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "converters/text/text.hpp"
#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"
#include "tests/support/model_build.hpp"

namespace sheaf::test_text {

using namespace sheaf::build;

inline TableCell cell(std::string s, bool header = false) {
  TableCell c;
  c.content = {p(std::move(s))};
  c.header = header;
  return c;
}
inline TableRow row(std::vector<std::string> cells, bool header = false) {
  TableRow r;
  for (auto& s : cells) r.cells.push_back(cell(std::move(s), header));
  return r;
}
inline Block table(std::vector<std::string> head, std::vector<std::vector<std::string>> body,
                   std::vector<Alignment> align = {}) {
  Table tb;
  const std::size_t n = !head.empty() ? head.size() : body.empty() ? 0 : body.front().size();
  tb.columns = align.empty() ? std::vector<Alignment>(n, Alignment::none) : align;
  if (!head.empty()) tb.head.push_back(row(std::move(head), true));
  for (auto& r : body) tb.body.push_back(row(std::move(r)));
  return Block{std::move(tb)};
}
inline MetaField field(std::string key, std::string value) { return MetaField{std::move(key), MetaValue{std::move(value)}}; }

/// Renders `doc` as text with `options` (defaults: header on, wrap at 78, references).
inline std::string render(const Document& doc, TextWriterOptions options = {}, MemoryContext* ctx = nullptr) {
  WriterOptions all;
  all.text = options;
  MemoryContext local;
  std::ostringstream out;
  text::write(doc, all, ctx ? *ctx : local, out);
  return out.str();
}

inline std::string render(Blocks blocks, TextWriterOptions options = {}) {
  Document doc;
  doc.blocks = std::move(blocks);
  return render(doc, options);
}

inline TextWriterOptions columns(int n) {
  TextWriterOptions o;
  o.columns = n;
  return o;
}

}  // namespace sheaf::test_text
