// The cleanup profile's machinery: CSS selectors compiled to XPath (--drop), srcset choice and URL
// parts, rule names, and the page-level rules (lead image outside the article, duplicated title
// heading, related lists, counts reported as html.clean.<rule>). Pages are written fresh here.
#include <gtest/gtest.h>

#include <string>

#include "converters/html/clean_rules.hpp"
#include "converters/html/css_selector.hpp"
#include "converters/html/html.hpp"
#include "converters/html/url_parts.hpp"
#include "core/error.hpp"
#include "tests/support/describe.hpp"

namespace sheaf {
namespace {

TEST(HtmlCssSelector, CompilesTheSupportedForms) {
  EXPECT_EQ(html::css_to_xpath("aside"), "//aside");
  EXPECT_EQ(html::css_to_xpath("DIV"), "//div");
  EXPECT_EQ(html::css_to_xpath(".ad"), "//*[contains(concat(' ',normalize-space(@class),' '),' ad ')]");
  EXPECT_EQ(html::css_to_xpath("#main"), "//*[@id='main']");
  EXPECT_EQ(html::css_to_xpath("[data-ad]"), "//*[@data-ad]");
  EXPECT_EQ(html::css_to_xpath("a[rel=nofollow]"), "//a[@rel='nofollow']");
  EXPECT_EQ(html::css_to_xpath("[title=\"it's\"]"), "//*[@title=\"it's\"]");
  EXPECT_EQ(html::css_to_xpath("  div.share   a "),
            "//div[contains(concat(' ',normalize-space(@class),' '),' share ')]//a");
  EXPECT_EQ(html::css_to_xpath("#main .ad"),
            "//*[@id='main']//*[contains(concat(' ',normalize-space(@class),' '),' ad ')]");
  EXPECT_EQ(html::css_to_xpath("*"), "//*");
}

TEST(HtmlCssSelector, StepsAreOneXPathPerCompound) {
  const auto steps = html::css_to_xpath_steps("#main  div.x [href]");
  ASSERT_TRUE(steps.has_value());
  EXPECT_EQ(*steps, (std::vector<std::string>{"//*[@id='main']",
                                              "//div[contains(concat(' ',normalize-space(@class),' '),' x ')]",
                                              "//*[@href]"}));
}

TEST(HtmlCssSelector, DescendantChainsMatchOnDeepNesting) {
  // 3,000 nested <div>s: `div div div` matches all but the two outermost (libxml2's own
  // `//div//div//div` would not finish); the text inside goes with them.
  std::string html = "<p>kept</p>";
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 3000; ++i) html += "</div>";
  MemoryContext context;
  ReaderOptions options;
  options.drop_selectors = {"div div div"};
  options.max_depth = 100000;
  EXPECT_EQ(test::describe(html::read_fragment(html, "deep.html", options, context)), "Para[Text \"kept\"]");
  bool reported = false;
  for (const Diagnostic& d : context.diagnostics)
    if (d.id == "html.drop") reported = d.message == "--drop 'div div div' removed 2998 element(s)";
  EXPECT_TRUE(reported);
}

TEST(HtmlCssSelector, RejectsEverythingElse) {
  for (const char* bad : {"", "  ", "div > p", "a + b", "a ~ b", "a, b", "a:hover", "[a^=b]", "[a", ".", "#",
                          "div..x", "[a='x]", "p::before", "[a=]"})
    EXPECT_FALSE(html::css_to_xpath(bad).has_value()) << bad;
}

TEST(HtmlUrlParts, SrcsetPicksTheLargestRealCandidate) {
  EXPECT_EQ(html::best_srcset_candidate("a.jpg 320w, b.jpg 1024w, c.jpg 640w"), "b.jpg");
  EXPECT_EQ(html::best_srcset_candidate("a.jpg, b.jpg 3x, c.jpg 2x"), "b.jpg");
  EXPECT_EQ(html::best_srcset_candidate("a.jpg 2x, b.jpg 100w"), "b.jpg");  // widths win over densities
  EXPECT_EQ(html::best_srcset_candidate("data:image/gif;base64,AAAA 4000w, r.jpg 10w"), "r.jpg");
  EXPECT_EQ(html::best_srcset_candidate("https://c.example/w_100,h_100/x.jpg 100w, y.jpg 50w"),
            "https://c.example/w_100,h_100/x.jpg");
  EXPECT_EQ(html::best_srcset_candidate("one.jpg, two.jpg 2x"), "two.jpg");
  EXPECT_EQ(html::best_srcset_candidate("a,b.jpg 2x"), "a,b.jpg");  // a URL runs to whitespace (HTML)
  EXPECT_EQ(html::best_srcset_candidate(""), "");
  EXPECT_EQ(html::best_srcset_candidate("data:x 1x"), "");
}

TEST(HtmlUrlParts, HostAndFileName) {
  EXPECT_EQ(html::url_host("https://www.YouTube.com/embed/x?y=1"), "www.youtube.com");
  EXPECT_EQ(html::url_host("//player.example.org:8080/v"), "player.example.org");
  EXPECT_EQ(html::url_host("https://user@h.example/"), "h.example");
  EXPECT_EQ(html::url_host("/local/video.mp4"), "");
  EXPECT_EQ(html::url_file_name("https://x.org/a/b.jpg?w=1#f"), "b.jpg");
  EXPECT_EQ(html::url_file_name("b.jpg"), "b.jpg");
}

TEST(HtmlUrlParts, AbsoluteHttpUrlsAreBases) {
  EXPECT_TRUE(html::is_absolute_http_url("https://news.example/a/story"));
  EXPECT_TRUE(html::is_absolute_http_url("HTTP://news.example"));
  EXPECT_FALSE(html::is_absolute_http_url("//news.example/a"));
  EXPECT_FALSE(html::is_absolute_http_url("www.example.org"));
  EXPECT_FALSE(html::is_absolute_http_url("ftp://news.example/"));
  EXPECT_FALSE(html::is_absolute_http_url("https:///path"));
  EXPECT_FALSE(html::is_absolute_http_url("https://a b/"));
}

TEST(HtmlCleanRules, NamesRoundTripAndAllTurnsEverythingOff) {
  for (std::size_t i = 0; i < html::kCleanRuleCount; ++i) {
    const auto name = html::clean_rule_names()[i];
    ASSERT_TRUE(html::clean_rule(name).has_value()) << name;
    EXPECT_EQ(static_cast<std::size_t>(*html::clean_rule(name)), i);
  }
  EXPECT_FALSE(html::clean_rule("all").has_value());
  const html::CleanRules some({"br_runs"});
  EXPECT_FALSE(some.on(html::CleanRule::br_runs));
  EXPECT_TRUE(some.on(html::CleanRule::lazy_images));
  const html::CleanRules none({"all"});
  for (std::size_t i = 0; i < html::kCleanRuleCount; ++i) EXPECT_FALSE(none.on(static_cast<html::CleanRule>(i)));
}

struct Read {
  Document doc;
  MemoryContext context;
  std::string model;
};

Read read_page(const std::string& html, ReaderOptions options = {}) {
  Read r;
  r.doc = html::read(Input{html, "page.html", ""}, options, r.context);
  r.model = test::describe(r.doc.blocks);
  return r;
}

std::string message_of(const MemoryContext& c, std::string_view id) {
  for (const Diagnostic& d : c.diagnostics)
    if (d.id == id) return d.message;
  return "<none>";
}

const std::string kArticle =
    "<h1>The Story Title</h1><p>First paragraph of the story, long enough to be scored as content, with commas, "
    "and more words.</p><p>Second paragraph of the story, also long enough to be scored, with commas, like this.</p>"
    "<div class=\"related-links\"><ul><li><a href=\"/o1\">Other story</a></li><li><a href=\"/o2\">Another "
    "one</a></li></ul></div>";

TEST(HtmlPageCleanup, LeadFigureBeforeTheArticleIsKept) {
  const auto r = read_page("<html><head><title>The Story Title</title></head><body><div class=\"menu\"><a href=\"/\">Home</a></div>"
                           "<figure><img src=\"lead.jpg\" alt=\"Lead\"><figcaption>Lead caption</figcaption></figure>"
                           "<article>" + kArticle + "</article></body></html>");
  EXPECT_EQ(r.model.rfind("Figure{img=\"lead.jpg\"", 0), 0u) << r.model;
  EXPECT_NE(message_of(r.context, "html.main_content").find("lead image <figure>"), std::string::npos);
  EXPECT_EQ(r.model.find("Home"), std::string::npos);
}

TEST(HtmlPageCleanup, HeroImageMatchingOgImageIsKept) {
  const std::string page =
      "<html><head><meta property=\"og:image\" content=\"https://cdn.example/img/hero-1200.jpg?x=1\"></head><body>"
      "<header><div class=\"hero\"><img src=\"https://cdn.example/img/hero-1200.jpg\" alt=\"Hero\"></div>"
      "<img src=\"logo.png\" alt=\"Logo\"></header><article>" + kArticle + "</article></body></html>";
  const auto r = read_page(page);
  EXPECT_NE(r.model.find("Image(https://cdn.example/img/hero-1200.jpg alt=\"Hero\")"), std::string::npos) << r.model;
  EXPECT_EQ(r.model.find("logo.png"), std::string::npos);
  // Not added again when the article holds the og:image itself.
  const auto inside = read_page(
      "<html><head><meta property=\"og:image\" content=\"/a.jpg\"></head><body><figure><img src=\"/other.jpg\"></figure>"
      "<article><p><img src=\"/a.jpg\"></p>" + kArticle + "</article></body></html>");
  EXPECT_EQ(inside.model.find("other.jpg"), std::string::npos) << inside.model;
}

TEST(HtmlPageCleanup, DuplicateTitleHeadingGoesAndIsCounted) {
  ReaderOptions verbose;
  const auto r = read_page("<html><head><title>The Story Title</title></head><body><article>" + kArticle +
                           "</article></body></html>");
  EXPECT_EQ(r.model.find("H1["), std::string::npos) << r.model;
  EXPECT_EQ(message_of(r.context, "html.clean.duplicate_title"), "fired 1 time(s) (first: <h1>)");
  ReaderOptions off;
  off.no_clean = {"duplicate_title"};
  const auto kept = read_page("<html><head><title>The Story Title</title></head><body><article>" + kArticle +
                              "</article></body></html>", off);
  EXPECT_EQ(kept.model.rfind("H1[Text \"The Story Title\"]", 0), 0u) << kept.model;
}

TEST(HtmlPageCleanup, RelatedListsAreMarkedOrDropped) {
  const std::string page = "<html><body><article>" + kArticle + "</article></body></html>";
  const auto r = read_page(page);
  EXPECT_NE(r.model.find("Div(.related)[Bullets["), std::string::npos) << r.model;
  EXPECT_NE(message_of(r.context, "html.clean.related"), "<none>");
  ReaderOptions drop;
  drop.drop_related = true;
  EXPECT_EQ(read_page(page, drop).model.find("Other story"), std::string::npos);
  ReaderOptions unmarked;
  unmarked.no_clean = {"related", "link_rail"};  // a page's link_rail rule would take it otherwise
  const auto plain = read_page(page, unmarked);
  EXPECT_EQ(plain.model.find("Div(.related)"), std::string::npos);
  EXPECT_NE(plain.model.find("Other story"), std::string::npos);
}

TEST(HtmlPageCleanup, DropSelectorsApplyBeforeExtraction) {
  ReaderOptions options;
  options.drop_selectors = {"article", ".teaser img"};
  // Without its <article> the page's best block is the div; the teaser image is gone too.
  const auto r = read_page("<html><body><article><p>Short promo article.</p></article><div class=\"story\">"
                           "<p class=\"teaser\"><img src=\"t.jpg\">Teaser text stays, long enough, with commas, to score.</p>"
                           "<p>Body paragraph of the real story, long enough to be scored, with commas, and words.</p></div>"
                           "</body></html>", options);
  EXPECT_EQ(r.model.find("Short promo"), std::string::npos) << r.model;
  EXPECT_EQ(r.model.find("t.jpg"), std::string::npos) << r.model;
  EXPECT_NE(r.model.find("Body paragraph"), std::string::npos) << r.model;
  EXPECT_EQ(message_of(r.context, "html.drop"), "--drop 'article' removed 1 element(s)");
  options.drop_selectors = {"div > p"};
  EXPECT_THROW(read_page("<p>x</p>", options), Error);
}

TEST(HtmlPageCleanup, EveryWalkRuleReportsItsCount) {
  MemoryContext context;
  const Blocks blocks = html::read_fragment(
      "<p><img src=\"data:x\" data-src=\"r.jpg\"><img src=\"p.gif\" width=\"1\"><img src=\"icon-zoom.png\">"
      "<a href=\"/x\"></a><span class=\"c\">a<br><br>b</span></p>",
      "post.html", ReaderOptions{}, context);
  EXPECT_EQ(test::describe(blocks), "Para[Image(r.jpg) Text \"a\"] Para[Text \"b\"]");
  for (const char* id : {"html.clean.lazy_images", "html.clean.tracking_pixels", "html.clean.zoom_icons",
                         "html.clean.empty_elements", "html.clean.wrappers", "html.clean.br_runs"})
    EXPECT_EQ(message_of(context, id), "fired 1 time(s)") << id;
}

}  // namespace
}  // namespace sheaf
