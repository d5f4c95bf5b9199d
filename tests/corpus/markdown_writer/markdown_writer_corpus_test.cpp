// The Markdown writer on real posts: the reference post (../shared/corpus/seed) meets issue 5's
// "done when" list, and on every news post the written Markdown renders as the document and is
// idempotent (writing what the Jekyll reader reads back from it gives the same text).
#include <chrono>
#include <fstream>
#include <sstream>

#include "core/context.hpp"
#include "converters/jekyll/front_matter.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/markdown/markdown.hpp"
#include "core/meta.hpp"
#include "core/overloaded.hpp"
#include "tests/support/corpus.hpp"
#include "tests/unit/markdown_writer/build.hpp"

namespace sheaf::test_md {
namespace {

Document read_post(const std::string& bytes, const std::string& name) {
  MemoryContext ctx;
  return jekyll::read(Input{bytes, name, "."}, ReaderOptions{}, ctx);
}

std::string write_post(const Document& d, bool front_matter = true) {
  WriterOptions o;
  o.markdown.front_matter = front_matter;
  MemoryContext ctx;
  std::ostringstream out;
  markdown::write(d, o, ctx, out);
  return out.str();
}

template <class T>
std::size_t count_blocks(const Blocks& bs) {
  std::size_t n = 0;
  for (const Block& b : bs) {
    if (std::holds_alternative<T>(b.node)) ++n;
    std::visit(overloaded{
                   [&](const BlockQuote& q) { n += count_blocks<T>(q.children); },
                   [&](const Div& d) { n += count_blocks<T>(d.children); },
                   [&](const BulletList& l) {
                     for (const ListItem& i : l.items) n += count_blocks<T>(i.children);
                   },
                   [&](const OrderedList& l) {
                     for (const ListItem& i : l.items) n += count_blocks<T>(i.children);
                   },
                   [](const Paragraph&) {}, [](const Heading&) {}, [](const CodeBlock&) {},
                   [](const ThematicBreak&) {}, [](const Table&) {}, [](const Figure&) {},
                   [](const DefinitionList&) {}, [](const RawBlock&) {},
               },
               b.node);
  }
  return n;
}

TEST(MarkdownWriterCorpus, ReferencePost) {
  SHEAF_REQUIRE_CORPUS();
  const auto path = corpus / "seed" / "2024-06-25-jw-06252024101036.md";
  const Document d = read_post(read_file_or_throw(path), path.string());
  const std::string md = write_post(d);

  // Front matter first, with every key typed as the post had it.
  ASSERT_EQ(md.rfind("---\n", 0), 0u);
  const std::size_t end = md.find("\n---\n", 4);
  ASSERT_NE(end, std::string::npos);
  MemoryContext ctx;
  const MetaMap meta = jekyll::parse_front_matter(md.substr(4, end - 3), 2, "out.md", ReaderOptions{}, ctx);
  // The post's own keys; those the reader derived (derived_keys) are not written back.
  MetaMap own;
  for (const MetaField& f : d.meta)
    if (f.key != "slug" && f.key != "date_rfc3339" && f.key != "source" && f.key != "derived_keys") own.push_back(f);
  EXPECT_EQ(meta, own);
  for (const char* key : {"layout", "title", "date", "author", "from", "tags", "comments", "categories"})
    EXPECT_NE(meta_find(meta, key), nullptr) << key;

  // The body renders as the document, with no HTML at all.
  const std::string body = md.substr(end + 5);
  const std::string rendered = gfm_canonical(body);
  EXPECT_EQ(rendered, canonical(d));
  EXPECT_EQ(rendered.find("<HTML"), std::string::npos);
  EXPECT_EQ(rendered.find("HTMLB"), std::string::npos);

  // The lead image and both figures are images followed by their emphasised captions.
  EXPECT_GE(count_blocks<Figure>(d.blocks), 3u);
  std::size_t images = 0;
  for (std::size_t p = rendered.find("<IMG "); p != std::string::npos; p = rendered.find("<IMG ", p + 1)) ++images;
  EXPECT_GE(images, 3u);
  EXPECT_NE(rendered.find("><BR>{E}"), std::string::npos) << "a caption line after an image";

  // The related links are a list of links.
  EXPECT_NE(md.find("\n- [**"), std::string::npos);
  EXPECT_GE(count_blocks<BulletList>(d.blocks), 1u);

  // Writing again what the Jekyll reader reads from it gives the same bytes.
  EXPECT_EQ(write_post(read_post(md, "out.md")), md);
}

/// Every post of jekyll-news and jekyll-blogs: the Markdown renders (cmark-gfm) as the document;
/// writing is idempotent through the Jekyll reader, byte for byte (no typography fold, no URL
/// masking); and a document the reader made reads back exactly.
TEST(MarkdownWriterCorpus, PostsRenderAsWrittenAndAreIdempotent) {
  SHEAF_REQUIRE_CORPUS();
  const auto news = test::files_under(corpus / "jekyll-news", {".md", ".markdown"});
  const auto blogs = test::files_under(corpus / "jekyll-blogs", {".md", ".markdown"});
  ASSERT_FALSE(news.empty());
  ASSERT_FALSE(blogs.empty());
  std::size_t structure_failures = 0, news_not_idempotent = 0, blogs_not_idempotent = 0;
  std::size_t round_trip_failures = 0, checked = 0, html_posts = 0;
  double write_seconds = 0;
  std::size_t bytes_written = 0;
  for (const auto* set : {&news, &blogs})
    for (const auto& file : *set) {
      if (file.filename() == "PROVENANCE.md") continue;
      const std::string name = file.string();
      const Document d = read_post(read_file_or_throw(file), name);
      const auto t0 = std::chrono::steady_clock::now();
      const std::string md = write_post(d);
      write_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes_written += md.size();
      ++checked;
      const std::string body = write_post(d, false);
      // A plain e-mail address in text becomes a link under GFM (docs/formats/markdown.md).
      const CanonOptions options{true};
      if (needs_raw_html(d.blocks))
        ++html_posts;
      else if (gfm_canonical(body, options) != canonical(d, options) && ++structure_failures <= 3)
        std::cout << "[ KNOWN    ] " << name << ": the Markdown does not render as the document\n";
      const Document back = read_post(md, name);
      const std::string again = write_post(back);
      if (again != md) {
        const std::size_t failures = set == &news ? ++news_not_idempotent : ++blogs_not_idempotent;
        std::size_t at = 0;
        while (at < md.size() && at < again.size() && md[at] == again[at]) ++at;
        const std::size_t from = at > 80 ? at - 80 : 0;
        if (failures <= 3)
          ADD_FAILURE() << name << ": writing is not idempotent at byte " << at << "\n  first: "
                        << md.substr(from, 160) << "\n  again: " << again.substr(from, 160);
      }
      // The property for documents the reader produces: reading the Markdown back gives them.
      if (read_post(again, name).blocks != back.blocks && ++round_trip_failures <= 3)
        ADD_FAILURE() << name << ": reading the Markdown back changes a document the reader made";
    }
  std::cout << "[ INFO     ] " << checked << " posts; " << structure_failures << " of "
            << checked - html_posts << " without raw HTML render differently; not idempotent: "
            << news_not_idempotent << " news, " << blogs_not_idempotent << " blog posts; "
            << round_trip_failures << " change when read back; writer "
            << bytes_written / 1024 << " KiB in " << write_seconds << " s\n";
  // Issue 5's "done when": strict idempotency on every news and blog post (docs/formats/markdown.md,
  // "Round trip"). One blog post's TeX renders differently under cmark-gfm (a ceiling that only
  // stops regressions).
  EXPECT_EQ(news_not_idempotent, 0u);
  EXPECT_EQ(blogs_not_idempotent, 0u);
  EXPECT_EQ(round_trip_failures, 0u);
  EXPECT_LE(structure_failures, 1u);
}

}  // namespace
}  // namespace sheaf::test_md
