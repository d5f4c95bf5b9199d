// Jekyll post semantics end to end through the reader: dates, tags, published, excerpt, site
// config, Liquid, kramdown syntax, the news-mirror heading.
#include <gtest/gtest.h>

#include "converters/jekyll/jekyll.hpp"
#include "converters/jekyll/post_meta.hpp"
#include "converters/jekyll/site_config.hpp"
#include "converters/jekyll/toc.hpp"
#include "core/meta.hpp"
#include "tests/support/describe.hpp"

namespace sheaf::jekyll {
namespace {

MetaValue str(const char* s) { return MetaValue{std::string(s)}; }

Document read_post(std::string_view bytes, MemoryContext& context,
                   const std::string& name = "site/_posts/2013-3-17-hello-world.md") {
  return read(Input{bytes, name, "site/_posts"}, ReaderOptions{}, context);
}

TEST(PostSemantics, DatesNormaliseUnderTheirOwnKeyAndDateStaysAsWritten) {
  const std::pair<const char*, const char*> cases[] = {
      {"2024-06-25T23:35:57.314Z", "2024-06-25T23:35:57.314Z"},
      {"2024-06-25 10:00:00 +0800", "2024-06-25T10:00:00+08:00"},
      {"2024-06-25", "2024-06-25"},
      {"\"2013-3-7 9:05\"", "2013-03-07T09:05:00"}};
  for (const auto& [written, normal] : cases) {
    MemoryContext context;
    const Document doc = read_post("---\ndate: " + std::string(written) + "\n---\n", context);
    EXPECT_EQ(meta_string(doc.meta, kDateKey), normal) << written;
    EXPECT_TRUE(context.diagnostics.empty()) << written;
  }
}

TEST(PostSemantics, FileNameDateWhenFrontMatterHasNone) {
  MemoryContext context;
  const Document doc = read_post("Body\n", context);
  EXPECT_EQ(meta_string(doc.meta, "date"), "2013-03-17");
  EXPECT_EQ(meta_string(doc.meta, kDateKey), "2013-03-17");
  EXPECT_EQ(meta_string(doc.meta, "title"), "Hello World");
}

TEST(PostSemantics, InvalidDateWarnsAndStaysAsWritten) {
  MemoryContext context;
  const Document doc = read_post("---\ndate: someday\n---\n", context);
  EXPECT_EQ(meta_string(doc.meta, "date"), "someday");
  EXPECT_EQ(meta_find(doc.meta, kDateKey), nullptr);
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.date_invalid");
}

TEST(PostSemantics, SpaceSeparatedTagsAndCategoriesBecomeLists) {
  MemoryContext context;
  const Document doc = read_post("---\ntags: ruby  jekyll\ncategories: [a, b]\n---\n", context);
  EXPECT_EQ(*meta_find(doc.meta, "tags"), (MetaValue{MetaList{str("ruby"), str("jekyll")}}));
  EXPECT_EQ(*meta_find(doc.meta, "categories"), (MetaValue{MetaList{str("a"), str("b")}}));
}

TEST(PostSemantics, PublishedFalseIsKeptForTheCli) {
  MemoryContext context;
  const Document doc = read_post("---\npublished: false\n---\n", context);
  EXPECT_EQ(*meta_find(doc.meta, "published"), MetaValue{false});
}

TEST(PostSemantics, ExcerptFromTheSeparator) {
  MemoryContext context;
  Document doc = read_post("First *part*.\n\n<!--more-->\n\nRest.\n", context);
  EXPECT_EQ(meta_string(doc.meta, "excerpt"), "First part.");
  EXPECT_EQ(test::describe(doc.blocks), "Para[Text \"First \" Emph[Text \"part\"] Text \".\"] Para[Text \"Rest.\"]");
  doc = read_post("---\nexcerpt_separator: <!--cut-->\n---\nA\n<!--cut-->\nB\n", context);
  EXPECT_EQ(meta_string(doc.meta, "excerpt"), "A");
  doc = read_post("No separator.\n", context);
  EXPECT_EQ(meta_find(doc.meta, "excerpt"), nullptr);
}

TEST(PostSemantics, SiteConfigFoundAboveThePostsFolder) {
  MemoryContext context;
  context.files["site/_config.yml"] = "url: https://example.org\nbaseurl: /b\nauthor: Site Author\nlang: zh-CN\n";
  const auto site = find_site("site/_posts/2013-3-17-hello-world.md", ReaderOptions{}, context);
  ASSERT_TRUE(site);
  EXPECT_EQ(site->root, "site");
  EXPECT_EQ(meta_string(site->values, "baseurl"), "/b");

  const Document doc = read_post("---\nlang: en\n---\n![i]({{ site.baseurl }}/i.png) {{ site.url }}\n", context);
  EXPECT_EQ(meta_string(doc.meta, "author"), "Site Author");  // fallback
  EXPECT_EQ(meta_string(doc.meta, "lang"), "en");             // the post wins
  EXPECT_EQ(test::describe(doc.blocks), "Para[Image(/b/i.png alt=\"i\") Text \" \" Link(https://example.org)[Text \"https://example.org\"]]");
}

TEST(PostSemantics, SiteRootFromThePostsFolderWithoutConfig) {
  MemoryContext context;
  const auto site = find_site("blog/_posts/2020/2020-01-01-x.md", ReaderOptions{}, context);
  ASSERT_TRUE(site);
  EXPECT_EQ(site->root, "blog");
  EXPECT_TRUE(site->values.empty());
  EXPECT_FALSE(find_site("-", ReaderOptions{}, context));
  EXPECT_FALSE(find_site("loose/post.md", ReaderOptions{}, context));
}

TEST(PostSemantics, InvalidConfigWarns) {
  MemoryContext context;
  context.files["s/_config.yml"] = "a: [b\n";
  const auto site = find_site("s/_posts/x.md", ReaderOptions{}, context);
  ASSERT_TRUE(site);
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.config_invalid");
}

TEST(PostSemantics, LiquidAndKramdownNeverSurviveAsText) {
  MemoryContext context;
  const Document doc = read_post(
      "## Intro\n{: #start}\n\nA para {: .x}\n{: .lead}\n\n{% include foo.html %}\n\n"
      "{% highlight python %}\nprint(1)\n{% endhighlight %}\n\nCosts $5 or $$x+1$$.\n", context);
  EXPECT_EQ(test::describe(doc.blocks),
            "H2#start[Text \"Intro\"] Para[Text \"A para\"] CodeBlock(python) \"print(1)\" "
            "Para[Text \"Costs $5 or \" Math \"x+1\" Text \".\"]");
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.liquid_dropped");
  EXPECT_EQ(context.diagnostics[0].pos.line, 7u);
}

TEST(PostSemantics, TocIsGenerated) {
  MemoryContext context;
  const Document doc = read_post("## Contents\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## First Part\n\n### Sub\n\n## Two {#two}\n", context);
  ASSERT_GE(doc.blocks.size(), 2u);
  EXPECT_EQ(test::describe({doc.blocks[1]}),
            "Bullets[Item[Para[Link(#first-part)[Text \"First Part\"]] Bullets[Item[Para[Link(#sub)[Text \"Sub\"]]]]]"
            "Item[Para[Link(#two)[Text \"Two\"]]]]");
}

// Repeated headers take `-1`, `-2`… skipping ids already used, as kramdown numbers them; the
// search resumes per base id (toc.cpp), which must not change which id each header gets.
TEST(PostSemantics, TocIdsOfRepeatedHeadersSkipUsedOnes) {
  MemoryContext context;
  const Document doc = read_post("* TOC\n{:toc}\n\n# h\n\n# h 1\n\n# h\n\n# h\n\n# h 2\n\n# h\n", context);
  std::string ids;
  for (const Block& b : doc.blocks)
    if (const auto* h = std::get_if<Heading>(&b.node)) ids += h->id + " ";
  EXPECT_EQ(ids, "h h-1 h-2 h-3 h-2-1 h-4 ");
}

TEST(PostSemantics, AutoIds) {
  EXPECT_EQ(auto_id("Hello World!"), "hello-world");
  EXPECT_EQ(auto_id("1. Numbers first"), "numbers-first");
  EXPECT_EQ(auto_id("123"), "section");
}

TEST(PostSemantics, NewsMirrorHeadingBecomesTheSource) {
  MemoryContext context;
  const Document doc = read_post(
      "---\ntitle: T\n---\n<!--1719358742000-->\n[T](https://news.example.org/x)\n------\n\n<div><p>Body.</p></div>\n", context);
  EXPECT_EQ(meta_string(doc.meta, "source"), "https://news.example.org/x");
  EXPECT_EQ(test::describe(doc.blocks), "Para[Text \"Body.\"]");
  MetaMap meta;
  EXPECT_EQ(strip_mirror_heading("<!--note-->\n[a](b)\n---\n", meta), "<!--note-->\n[a](b)\n---\n");
  EXPECT_EQ(strip_mirror_heading("<!--NaN-->\n[a](b)\nText\n", meta), "<!--NaN-->\n[a](b)\nText\n");
  EXPECT_TRUE(meta.empty());
}

}  // namespace
}  // namespace sheaf::jekyll

namespace sheaf::jekyll {
namespace {

TEST(PostSemantics, KramdownDefinitionLists) {
  MemoryContext context;
  const Document doc = read_post("Intro.\n\nkram\n: *down*\n: again\n\nterm two\n\n: def\n  more\n\nAfter.\n", context);
  EXPECT_EQ(test::describe(doc.blocks),
            "Para[Text \"Intro.\"] Defs[Term[Text \"kram\"]Def[Para[Emph[Text \"down\"]]]Def[Para[Text \"again\"]]"
            "Term[Text \"term two\"]Def[Para[Text \"def more\"]]] Para[Text \"After.\"]");
}

}  // namespace
}  // namespace sheaf::jekyll
