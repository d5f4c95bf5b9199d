#pragma once
// Terse constructors for hand-built documents in the text writer's tests, and the render helper.
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "converters/text/text.hpp"
#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::test_text {

inline Inline t(std::string s) { return Inline{Text{std::move(s)}}; }
inline Inline em(Inlines c) { return Inline{Emph{std::move(c)}}; }
inline Inline strong(Inlines c) { return Inline{Strong{std::move(c)}}; }
inline Inline code(std::string s) { return Inline{Code{std::move(s)}}; }
inline Inline link(std::string url, Inlines c) { return Inline{Link{std::move(url), "", std::move(c)}}; }
inline Inline br() { return Inline{LineBreak{}}; }
inline Inline note(Blocks b) { return Inline{Note{std::move(b)}}; }
inline Inline image(std::string src, std::string alt) {
  Image i;
  i.src = std::move(src);
  i.alt = std::move(alt);
  return Inline{i};
}

inline Block p(Inlines c) { return Block{Paragraph{std::move(c)}}; }
inline Block p(std::string s) { return p(Inlines{t(std::move(s))}); }
inline Block h(int level, Inlines c) { return Block{Heading{level, "", std::move(c)}}; }
inline Block h(int level, std::string s) { return h(level, Inlines{t(std::move(s))}); }
inline Block quote(Blocks b) { return Block{BlockQuote{std::move(b)}}; }
inline Block code_block(std::string s, std::string lang = "") { return Block{CodeBlock{std::move(lang), std::move(s)}}; }
inline Block rule() { return Block{ThematicBreak{}}; }
inline ListItem item(Blocks b, Task task = Task::none) { return ListItem{std::move(b), task}; }
inline Block bullets(std::vector<ListItem> items, bool tight = true) {
  return Block{BulletList{std::move(items), tight}};
}
inline Block ordered(std::vector<ListItem> items, int start = 1, bool tight = true) {
  return Block{OrderedList{std::move(items), start, tight}};
}
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
inline Block figure(std::string src, std::string alt, Inlines caption, Inlines credit = {}) {
  Figure f;
  f.image.src = std::move(src);
  f.image.alt = std::move(alt);
  f.caption = std::move(caption);
  f.credit = std::move(credit);
  return Block{std::move(f)};
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
