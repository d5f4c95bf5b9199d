// Whole pages: metadata from <head>, JSON-LD and the body, and main-content extraction with the
// junk rules. Pages are written fresh for these tests.
#include <gtest/gtest.h>

#include <string>

#include "converters/html/head_metadata.hpp"
#include "converters/html/html.hpp"
#include "core/meta.hpp"
#include "tests/support/describe.hpp"

namespace sheaf {
namespace {

struct Read {
  Document doc;
  MemoryContext context;
};

Read read_page(const std::string& html, bool main_content = true) {
  Read r;
  ReaderOptions options;
  options.main_content = main_content;
  r.doc = html::read(Input{html, "page.html", ""}, options, r.context);
  return r;
}

std::string field(const Document& d, const char* key) { return meta_string(d.meta, key).value_or("<none>"); }

bool reported(const MemoryContext& c, std::string_view id) {
  for (const Diagnostic& d : c.diagnostics)
    if (d.id == id) return true;
  return false;
}

TEST(HtmlPageMetadata, OpenGraphAndHeadFields) {
  auto r = read_page(R"(<html lang="en-GB"><head><title>Ignored | Site</title>
    <meta property="og:title" content="The  real title">
    <meta property="og:site_name" content="The Daily Sample">
    <meta name="author" content="Ann Writer">
    <meta property="article:published_time" content="2024-03-01T10:00:00Z">
    <meta name="description" content="A short summary.">
    <meta property="og:image" content="https://example.org/lead.jpg">
    <link rel="canonical" href="https://example.org/story">
    </head><body><p>Body text.</p></body></html>)");
  EXPECT_EQ(field(r.doc, "title"), "The real title");
  EXPECT_EQ(field(r.doc, "author"), "Ann Writer");
  EXPECT_EQ(field(r.doc, "date"), "2024-03-01T10:00:00Z");
  EXPECT_EQ(field(r.doc, "lang"), "en-GB");
  EXPECT_EQ(field(r.doc, "description"), "A short summary.");
  EXPECT_EQ(field(r.doc, "site"), "The Daily Sample");
  EXPECT_EQ(field(r.doc, "source"), "https://example.org/story");
  EXPECT_EQ(field(r.doc, "image"), "https://example.org/lead.jpg");
}

TEST(HtmlPageMetadata, JsonLdComesFirst) {
  auto r = read_page(R"(<html><head><title>Other</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
      {"@type":"NewsArticle","headline":"Ld headline","author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],
       "datePublished":"2023-05-06","publisher":{"@type":"Organization","name":"Ld Site"}}]}</script>
    <script type="application/ld+json">{ not json</script>
    </head><body><p>Text.</p></body></html>)");
  EXPECT_EQ(field(r.doc, "title"), "Ld headline");
  EXPECT_EQ(field(r.doc, "author"), "A One, B Two");
  EXPECT_EQ(field(r.doc, "date"), "2023-05-06");
  EXPECT_EQ(field(r.doc, "site"), "Ld Site");
}

TEST(HtmlPageMetadata, BodyFallbacks) {
  auto r = read_page(R"(<html><head><title>Only heading</title></head><body>
    <h1>Only heading</h1><p class="byline">By Sam Reporter</p><time datetime="2022-01-02">2 Jan</time>
    <p>这是一段中文正文，用来推断页面的语言。这里还有更多的中文字符。</p></body></html>)");
  EXPECT_EQ(field(r.doc, "author"), "By Sam Reporter");
  EXPECT_EQ(field(r.doc, "date"), "2022-01-02");
  EXPECT_EQ(field(r.doc, "lang"), "zh");
}

TEST(HtmlPageMetadata, SiteNameSuffixIsRemoved) {
  EXPECT_EQ(html::strip_site_name("A long story title | Sample News", "Sample News"), "A long story title");
  EXPECT_EQ(html::strip_site_name("Sample News - A long story title", "Sample News"), "A long story title");
  EXPECT_EQ(html::strip_site_name("A long story title – Sample", ""), "A long story title");
  EXPECT_EQ(html::strip_site_name("国家统计局发布最新数据_示例新闻网", ""), "国家统计局发布最新数据");
  EXPECT_EQ(html::strip_site_name("Short | Site", ""), "Short | Site");  // nothing to tell apart
  EXPECT_EQ(html::language_from_script("東京都は今日、発表しました。ひらがなとカタカナ。"), "ja");
  EXPECT_EQ(html::language_from_script("서울시는 오늘 발표했습니다 한국어 문장입니다"), "ko");
  EXPECT_EQ(html::language_from_script("Plain English text that says nothing about its language."), "");
}

const char* kNewsPage = R"(<html><head><title>Story</title></head><body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <div class="layout">
    <div class="share-bar"><a href="https://twitter.example/share">Tweet</a> <a href="https://fb.example/share">Share</a></div>
    <div class="story-body">
      <p>First paragraph of the article, long enough to count as real text, with a clause, and another.</p>
      <figure><img src="lead.jpg" alt="Lead"><figcaption>The caption stays with its image.</figcaption></figure>
      <p>Second paragraph of the article, also long enough to be scored, with commas, like this one.</p>
      <div class="comments"><p>A reader comment that is not part of the article at all, really.</p></div>
      <p>Third paragraph closes the article with enough words to be counted as content, too.</p>
    </div>
    <aside class="related"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
  </div>
  <footer><p>Copyright notice and the address of the publisher, on every page of the site.</p></footer>
</body></html>)";

TEST(HtmlMainContent, KeepsTheArticleWithItsFigure) {
  auto r = read_page(kNewsPage);
  const std::string model = test::describe(r.doc.blocks);
  EXPECT_NE(model.find("First paragraph"), std::string::npos);
  EXPECT_NE(model.find("Third paragraph"), std::string::npos);
  EXPECT_NE(model.find("The caption stays"), std::string::npos);
  EXPECT_NE(model.find("lead.jpg"), std::string::npos);
  for (const char* junk : {"Home", "Tweet", "reader comment", "Other story", "Copyright"})
    EXPECT_EQ(model.find(junk), std::string::npos) << junk;
  EXPECT_TRUE(reported(r.context, "html.main_content"));
  EXPECT_TRUE(reported(r.context, "html.clean.comments"));
}

TEST(HtmlMainContent, WholePageKeepsAllButJunk) {
  auto r = read_page(kNewsPage, /*main_content=*/false);
  const std::string model = test::describe(r.doc.blocks);
  EXPECT_NE(model.find("Copyright"), std::string::npos);   // footer text is kept
  EXPECT_EQ(model.find("Tweet"), std::string::npos);       // share bars are junk everywhere
  EXPECT_FALSE(reported(r.context, "html.main_content"));
}

TEST(HtmlMainContent, SingleArticleOrMainIsTheRoot) {
  auto r = read_page(R"(<html><body><div class="menu-list"><a href="/x">Menu entry</a></div>
    <article><h2>Heading</h2><p>Only this article text stays in the document, whatever surrounds it.</p>
    <p>还有一段中文。</p></article><div>Site blurb outside the article that must go.</div></body></html>)");
  EXPECT_EQ(test::describe(r.doc.blocks),
            "H2[Text \"Heading\"] Para[Text \"Only this article text stays in the document, whatever "
            "surrounds it.\"] Para[Text \"还有一段中文。\"]");
}

TEST(HtmlMainContent, FragmentsGetJunkCleanupOnly) {
  MemoryContext context;
  ReaderOptions options;
  const Blocks blocks = html::read_fragment(
      R"(<div class="social-share"><a href="https://x.example/s">Share</a></div><footer><p>Kept footer text.</p></footer>
         <p>Post text.</p>)", "post.md", options, context);
  EXPECT_EQ(test::describe(blocks), "Para[Text \"Kept footer text.\"] Para[Text \"Post text.\"]");
}

TEST(HtmlMainContent, GuardKeepsAWrapperHoldingTheText) {
  MemoryContext context;
  ReaderOptions options;
  std::string text(300, 'x');
  const Blocks blocks = html::read_fragment("<div class=\"has-comments\"><p>" + text + "</p></div>", "post.md",
                                            options, context);
  EXPECT_EQ(test::describe(blocks), "Para[Text \"" + text + "\"]");
}

}  // namespace
}  // namespace sheaf
