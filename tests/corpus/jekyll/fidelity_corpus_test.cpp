// Jekyll fidelity over real posts: no Liquid tag, IAL or `$$` survives as prose, and Jekyll's own
// test-site posts come out with published/date/categories as Jekyll documents them.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "core/context.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/jekyll/post_meta.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "core/overloaded.hpp"
#include "tests/support/corpus.hpp"

namespace sheaf::jekyll {
namespace {

Document read_file(const std::filesystem::path& path, Context& context) {
  const std::string bytes = read_file_or_throw(path);
  return read(Input{bytes, path.string(), path.parent_path().string()}, ReaderOptions{}, context);
}

void prose(const Blocks& blocks, std::string& out);

/// The text a reader sees as prose: code spans and code blocks (which show Liquid on purpose) left out.
void prose(const Inlines& inlines, std::string& out) {
  for (const Inline& i : inlines)
    std::visit(overloaded{[&](const Text& t) { out += t.text; },
                          [&](const Emph& e) { prose(e.children, out); },
                          [&](const Strong& e) { prose(e.children, out); },
                          [&](const Strikeout& e) { prose(e.children, out); },
                          [&](const Superscript& e) { prose(e.children, out); },
                          [&](const Subscript& e) { prose(e.children, out); },
                          [](const Code&) { /* code shows markup on purpose */ },
                          [&](const Link& l) { prose(l.children, out); },
                          [&](const Image& im) { out += im.alt; },
                          [&](const LineBreak&) { out += '\n'; },
                          [&](const Note& n) { prose(n.content, out); },
                          [](const Math&) { /* TeX, not prose */ },
                          [&](const Span& s) { prose(s.children, out); },
                          [](const RawInline&) { /* markup, not prose */ }},
               i.node);
}

void prose(const Blocks& blocks, std::string& out) {
  for (const Block& b : blocks) {
    std::visit(overloaded{[&](const Paragraph& p) { prose(p.children, out); },
                          [&](const Heading& h) { prose(h.children, out); },
                          [&](const BulletList& l) { for (const auto& it : l.items) prose(it.children, out); },
                          [&](const OrderedList& l) { for (const auto& it : l.items) prose(it.children, out); },
                          [&](const BlockQuote& q) { prose(q.children, out); },
                          [](const CodeBlock&) { /* code shows markup on purpose */ },
                          [](const ThematicBreak&) {},
                          [&](const Table& t) {
                            prose(t.caption, out);
                            for (const auto* rows : {&t.head, &t.body})
                              for (const auto& r : *rows)
                                for (const auto& c : r.cells) prose(c.content, out);
                          },
                          [&](const Figure& f) { prose(f.caption, out); prose(f.credit, out); },
                          [&](const DefinitionList& d) {
                            for (const auto& it : d.items) {
                              prose(it.term, out);
                              for (const auto& def : it.definitions) prose(def, out);
                            }
                          },
                          [&](const Div& d) { prose(d.children, out); },
                          [&](const RawBlock& r) { out += r.text; }},
               b.node);
    out += '\n';
  }
}

TEST(JekyllFidelity, NoLiquidIalOrDoubleDollarSurvivesAsProse) {
  SHEAF_REQUIRE_CORPUS();
  std::size_t posts = 0;
  std::size_t survivors = 0;
  for (const char* folder : {"jekyll-news", "jekyll-blogs"}) {
    for (const auto& path : test::files_under(corpus / folder, {".md", ".markdown"})) {
      if (path.filename() == "PROVENANCE.md" || path.filename() == "README.md") continue;
      ++posts;
      MemoryContext context;
      std::string text;
      try {
        prose(read_file(path, context).blocks, text);
      } catch (const Error& e) {
        ADD_FAILURE() << path << ": " << e.what();
        continue;
      }
      const std::string raw = read_file_or_throw(path);
      const bool shows_liquid = raw.find("{% raw %}") != std::string::npos || raw.find("{%raw%}") != std::string::npos;
      for (const char* mark : {"{%", "{{", "{:", "$$"}) {
        if (shows_liquid && (mark[1] == '%' || mark[1] == '{')) continue;
        // News bodies are raw HTML, where kramdown reads no math: a `$$` there is the author's text.
        if (mark[0] == '$' && std::string_view(folder) == "jekyll-news") continue;
        if (text.find(mark) != std::string::npos) {
          ++survivors;
          ADD_FAILURE() << path << " keeps " << mark << " as prose";
        }
      }
    }
  }
  std::cout << "[ fidelity ] " << posts << " posts, " << survivors << " with Liquid/IAL/$$ left as prose\n";
  EXPECT_EQ(survivors, 0u);
}

TEST(JekyllFidelity, TestSitePostsAsJekyllDocumentsThem) {
  SHEAF_REQUIRE_CORPUS();
  const auto posts = corpus / "jekyll-testsite" / "test" / "source" / "_posts";
  MemoryContext context;
  const auto doc = [&](const char* name) { return read_file(posts / name, context); };
  EXPECT_EQ(*meta_find(doc("2008-02-02-not-published.markdown").meta, "published"), MetaValue{false});
  EXPECT_EQ(meta_find(doc("2008-02-02-published.markdown").meta, "published") == nullptr ||
                *meta_find(doc("2008-02-02-published.markdown").meta, "published") == MetaValue{true},
            true);
  EXPECT_EQ(meta_string(doc("2010-01-09-date-override.markdown").meta, kDateKey), "2010-01-10");
  EXPECT_EQ(meta_string(doc("2010-01-09-time-override.markdown").meta, kDateKey), "2010-01-10T13:07:09");
  EXPECT_EQ(meta_string(doc("2010-01-09-timezone-override.markdown").meta, kDateKey), "2010-01-10T13:07:09+00:00");
  EXPECT_EQ(meta_string(doc("2017-2-5-i-dont-like-zeroes.md").meta, kDateKey), "2017-02-05");
  const MetaValue words{MetaList{MetaValue{std::string("foo")}, MetaValue{std::string("bar")}, MetaValue{std::string("baz")}}};
  EXPECT_EQ(*meta_find(doc("2009-01-27-categories.markdown").meta, "categories"), words);
  EXPECT_EQ(*meta_find(doc("2009-01-27-array-categories.markdown").meta, "categories"), words);
  EXPECT_EQ(meta_string(doc("2015-01-08-post-excerpt-separator.markdown").meta, "excerpt"),
            "First paragraph with [link ref][link].\nSecond paragraph");  // no refs appended
  std::size_t read = 0;
  for (const auto& path : test::files_under(posts, {".md", ".markdown", ".mkdn", ".text"})) {
    MemoryContext c;
    EXPECT_NO_THROW(read_file(path, c)) << path;
    ++read;
  }
  std::cout << "[ jekyll-testsite ] " << read << " posts read\n";
}

}  // namespace
}  // namespace sheaf::jekyll
