#pragma once
// Terse constructors for hand-built documents in the Markdown writer's tests, and the render
// helpers: write a Document as Markdown, and check it against cmark-gfm.
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tests/unit/markdown_writer/canonical.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/markdown/md_table.hpp"
#include "core/overloaded.hpp"
#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"
#include "tests/unit/markdown_writer/gfm.hpp"

namespace sheaf::test_md {

inline Inline t(std::string s) { return Inline{Text{std::move(s)}}; }
inline Inline em(Inlines c) { return Inline{Emph{std::move(c)}}; }
inline Inline strong(Inlines c) { return Inline{Strong{std::move(c)}}; }
inline Inline del(Inlines c) { return Inline{Strikeout{std::move(c)}}; }
inline Inline sup(Inlines c) { return Inline{Superscript{std::move(c)}}; }
inline Inline sub(Inlines c) { return Inline{Subscript{std::move(c)}}; }
inline Inline code(std::string s) { return Inline{Code{std::move(s)}}; }
inline Inline link(std::string url, Inlines c, std::string title = "") {
  return Inline{Link{std::move(url), std::move(title), std::move(c)}};
}
inline Inline br() { return Inline{LineBreak{}}; }
inline Inline note(Blocks b) { return Inline{Note{std::move(b)}}; }
inline Inline math(std::string tex, bool display = false) { return Inline{Math{std::move(tex), display}}; }
inline Inline span(Attr a, Inlines c) { return Inline{Span{std::move(a), std::move(c)}}; }
inline Inline image(std::string src, std::string alt, std::string title = "") {
  Image i;
  i.src = std::move(src);
  i.alt = std::move(alt);
  i.title = std::move(title);
  return Inline{i};
}

inline Block p(Inlines c) { return Block{Paragraph{std::move(c)}}; }
inline Block p(std::string s) { return p(Inlines{t(std::move(s))}); }
inline Block h(int level, Inlines c) { return Block{Heading{level, "", std::move(c)}}; }
inline Block h(int level, std::string s) { return h(level, Inlines{t(std::move(s))}); }
inline Block quote(Blocks b) { return Block{BlockQuote{std::move(b)}}; }
inline Block code_block(std::string s, std::string lang = "") {
  return Block{CodeBlock{std::move(lang), std::move(s)}};
}
inline Block rule() { return Block{ThematicBreak{}}; }
inline Block raw(std::string format, std::string text) { return Block{RawBlock{std::move(format), std::move(text)}}; }
inline Block div(Attr a, Blocks b) { return Block{Div{std::move(a), std::move(b)}}; }
inline ListItem item(Blocks b, Task task = Task::none) { return ListItem{std::move(b), task}; }
inline Block bullets(std::vector<ListItem> items, bool tight = true) {
  return Block{BulletList{std::move(items), tight}};
}
inline Block ordered(std::vector<ListItem> items, int start = 1, bool tight = true) {
  return Block{OrderedList{std::move(items), start, tight}};
}
inline TableCell cell(Inlines c, bool header = false) {
  TableCell cl;
  if (!c.empty()) cl.content = {p(std::move(c))};
  cl.header = header;
  return cl;
}
inline TableRow row(std::vector<TableCell> cells) { return TableRow{std::move(cells)}; }
inline Block table(std::vector<Alignment> columns, std::vector<TableRow> head, std::vector<TableRow> body) {
  Table tb;
  tb.columns = std::move(columns);
  tb.head = std::move(head);
  tb.body = std::move(body);
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

inline Document doc(Blocks blocks, MetaMap meta = {}) {
  Document d;
  d.blocks = std::move(blocks);
  d.meta = std::move(meta);
  d.source_name = "test.md";
  return d;
}

/// The Markdown for `d` with `options` (defaults: front matter on, no wrapping).
inline std::string write_md(const Document& d, MarkdownWriterOptions options = {}, MemoryContext* ctx = nullptr) {
  WriterOptions all;
  all.markdown = options;
  MemoryContext local;
  std::ostringstream out;
  markdown::write(d, all, ctx ? *ctx : local, out);
  return out.str();
}

/// Whether the writer needs raw HTML for some block of `blocks` (a table no pipe table can hold,
/// a definition list, an attributed div, a raw block): cmark-gfm's tree then holds HTML blocks
/// that the canonical form does not read, so such posts are checked for idempotence only.
inline bool needs_raw_html(const Blocks& blocks) {
  auto items = [](const std::vector<ListItem>& its) {
    for (const ListItem& i : its)
      if (needs_raw_html(i.children)) return true;
    return false;
  };
  for (const Block& b : blocks) {
    const bool html = std::visit(
        overloaded{
            [](const Paragraph&) { return false; }, [](const Heading&) { return false; },
            [&](const BulletList& l) { return items(l.items); },
            [&](const OrderedList& l) { return items(l.items); },
            [](const BlockQuote& q) { return needs_raw_html(q.children); },
            [](const CodeBlock&) { return false; }, [](const ThematicBreak&) { return false; },
            [](const Table& t) { return !markdown::md_pipe_table_fits(t); },
            [](const Figure&) { return false; }, [](const DefinitionList&) { return true; },
            [](const Div& d) { return !d.attr.id.empty() || !d.attr.lang.empty() || needs_raw_html(d.children); },
            [](const RawBlock&) { return true; },
        },
        b.node);
    if (html) return true;
  }
  return false;
}

/// Checks that cmark-gfm reads the Markdown written for `d` as the structure of `d`.
inline ::testing::AssertionResult renders_as_written(const Document& d, MarkdownWriterOptions options = {}) {
  options.front_matter = false;
  const std::string md = write_md(d, options);
  const std::string expected = canonical(d);
  const std::string actual = gfm_canonical(md);
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "Markdown:\n" << md << "\nexpected: " << expected
                                       << "\n  actual: " << actual;
}

}  // namespace sheaf::test_md
