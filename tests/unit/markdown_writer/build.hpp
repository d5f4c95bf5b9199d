#pragma once
// Hand-built documents for the Markdown writer's tests (tests/support/model_build.hpp, plus
// tables and documents), and the render helpers: write a Document as Markdown, and check it against cmark-gfm.
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
#include "tests/support/model_build.hpp"
#include "tests/unit/markdown_writer/gfm.hpp"

namespace sheaf::test_md {

using namespace sheaf::build;

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
