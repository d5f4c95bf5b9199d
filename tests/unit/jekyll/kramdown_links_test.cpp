// kramdown's link definitions (kramdown_links) and their use with `input: kramdown`.
#include "converters/jekyll/kramdown_links.hpp"

#include <gtest/gtest.h>

#include "converters/jekyll/kramdown_config.hpp"
#include "converters/jekyll/kramdown_spans.hpp"
#include "converters/jekyll/kramdown_syntax.hpp"
#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

TEST(KramdownLinks, UrlMayHoldSpaces) {
  const auto def = kramdown_link_definition("[Some Id]: some spaces.html 'title'", "");
  ASSERT_TRUE(def);
  EXPECT_EQ(def->label, "some id");
  EXPECT_EQ(def->markdown, "[Some Id]: <some spaces.html> \"title\"");
  EXPECT_FALSE(def->title_on_next);
  EXPECT_EQ(kramdown_link_definition("[a]: <x y.html>", "")->markdown, "[a]: <x y.html>");
  EXPECT_EQ(kramdown_link_definition("[a]:test.html#'t' 'title'", "")->markdown, "[a]: <test.html#'t'> \"title\"");
}

TEST(KramdownLinks, TitleOnTheNextLine) {
  const auto def = kramdown_link_definition("[a]: url.html", "            \"The title\"");
  ASSERT_TRUE(def);
  EXPECT_EQ(def->markdown, "[a]: <url.html> \"The title\"");
  EXPECT_TRUE(def->title_on_next);
}

TEST(KramdownLinks, NotDefinitions) {
  EXPECT_FALSE(kramdown_link_definition("[^1]: a note", ""));
  EXPECT_FALSE(kramdown_link_definition("[no url]:", ""));
  EXPECT_FALSE(kramdown_link_definition("    [a]: code.html", ""));
  EXPECT_FALSE(kramdown_link_definition("[a]: some.url 'title\"", ""));  // the quote is not closed
}

TEST(KramdownLinks, LaterDefinitionWinsAndEndsTheBlock) {
  KramdownConfig config;
  config.kramdown_input = true;
  EXPECT_EQ(rewrite_kramdown("[1]: a.url\n [1]: b.url\n    code\n", config), "\n\n[1]: <b.url>\n\n    code\n");
  EXPECT_EQ(rewrite_kramdown("[x]: u\n  'T'\n", config), "[x]: <u> \"T\"\n\n");
  // After paragraph text a definition line is text (kramdown's paragraph runs on).
  EXPECT_EQ(rewrite_kramdown("Para\n[x]: u\n", config).find("<u>"), std::string::npos);
}

TEST(KramdownLinks, PredefinedDefinitionsUnlessTheDocumentHasTheId) {
  KramdownConfig config;
  config.kramdown_input = true;
  config.link_defs = {{"pre", "pre.html", ""}, {"URI", "uri.html", "My URI"}};
  EXPECT_EQ(rewrite_kramdown("[pre] and [uri]\n\n[pre]: mine.html\n", config),
            "[pre] and [uri]\n\n[pre]: <mine.html>\n\n\n[URI]: <uri.html> \"My URI\"\n");
}

TEST(KramdownLinks, SiteLinkDefsAreRead) {
  MetaMap defs;
  meta_set(defs, "pre", MetaValue{MetaList{MetaValue{std::string("pre.html")}}});
  meta_set(defs, "URI", MetaValue{MetaList{MetaValue{std::string("uri.html")}, MetaValue{std::string("My URI")}}});
  meta_set(defs, "bad", MetaValue{std::string("not a list")});
  MetaMap kramdown;
  meta_set(kramdown, "link_defs", MetaValue{defs});
  MetaMap site;
  meta_set(site, "kramdown", MetaValue{kramdown});
  const KramdownConfig config = kramdown_config(&site);
  ASSERT_EQ(config.link_defs.size(), 2U);
  EXPECT_EQ(config.link_defs[0].url, "pre.html");
  EXPECT_EQ(config.link_defs[0].title, "");
  EXPECT_EQ(config.link_defs[1].id, "URI");
  EXPECT_EQ(config.link_defs[1].title, "My URI");
}

TEST(KramdownLinks, ReferenceIdAfterWhitespaceOrLineBreak) {
  // kramdown: `[text] [id]` and `[text]\n[id]` are references when the id is defined.
  EXPECT_EQ(kramdown_spans("[a] [1] and [b]\n[x]", {"1", "x"}), "[a][1]  and [b][x]\n");
  EXPECT_EQ(kramdown_spans("[a] [2]", {"1"}), "[a] [2]");
}

TEST(KramdownLinks, TypographyInTheIdMatchesTheReference) {
  KramdownConfig config;
  config.kramdown_input = true;
  const std::string out = rewrite_kramdown("[it's]: u.html\n", config);
  EXPECT_NE(out.find("[it's]: <u.html>"), std::string::npos);
  EXPECT_NE(out.find("[it\xE2\x80\x99s]: <u.html>"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::jekyll
