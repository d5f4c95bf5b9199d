// kramdown's typography (smart quotes, dashes, ellipsis, guillemets) as the Jekyll reader applies
// it in span text, and the site's `kramdown:` options that change it.
#include <gtest/gtest.h>

#include "converters/jekyll/kramdown_config.hpp"
#include "converters/jekyll/kramdown_syntax.hpp"
#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

TEST(Typography, QuotesDashesAndEllipsisAsKramdownWritesThem) {
  EXPECT_EQ(rewrite_kramdown("\"Fancy quotes\" are 'cool', even in the '80s! Don't --- or -- wait...\n"),
            "\xE2\x80\x9C" "Fancy quotes\xE2\x80\x9D are \xE2\x80\x98" "cool\xE2\x80\x99, even in the "
            "\xE2\x80\x99" "80s! Don\xE2\x80\x99t \xE2\x80\x94 or \xE2\x80\x93 wait\xE2\x80\xA6\n");
  EXPECT_EQ(rewrite_kramdown("This <<is>> and << this >>\n"),
            "This \xC2\xABis\xC2\xBB and \xC2\xAB\xC2\xA0this\xC2\xA0\xC2\xBB\n");
}

TEST(Typography, NeverInCodeUrlsTagsDefinitionsOrRules) {
  const std::string kept =
      "`\"a\" -- b` <a href=\"x--y\">t</a> [l](http://a.b/c--d \"t\") http://x.y/a--b\n"
      "\n"
      "[id]: http://e.f \"Title\"\n"
      "\n"
      "    code \"quoted\" -- here\n"
      "\n"
      "---\n";
  EXPECT_EQ(rewrite_kramdown(kept), kept);
  EXPECT_EQ(rewrite_kramdown("<div>\n\"raw\" -- html\n</div>\n"), "<div>\n\"raw\" -- html\n</div>\n");
}

// Text between the characters typography acts on is copied in runs: what ends a run must still
// be seen (a URL only after a non-word character, ` >>` inside words and CJK text).
TEST(Typography, RunsOfPlainTextStopWhereSyntaxCanStart) {
  EXPECT_EQ(rewrite_kramdown("see http://a.b/c--d and xhttp://e.f/g--h, www.x.y/a--b wwwz--q\n"),
            "see http://a.b/c--d and xhttp://e.f/g\xE2\x80\x93h, www.x.y/a--b wwwz\xE2\x80\x93q\n");
  EXPECT_EQ(rewrite_kramdown("\xE4\xB8\xAD\xE6\x96\x87 >>\xE5\xBC\x95<< 'a' \"b\"...\n"),
            "\xE4\xB8\xAD\xE6\x96\x87\xC2\xA0\xC2\xBB\xE5\xBC\x95\xC2\xAB\xC2\xA0\xE2\x80\x98" "a\xE2\x80\x99 "
            "\xE2\x80\x9C" "b\xE2\x80\x9D\xE2\x80\xA6\n");
}

TEST(Typography, SiteOptionsChangeTheCharacters) {
  MetaMap kramdown;
  meta_set(kramdown, "smart_quotes", MetaValue{std::string("apos,apos,quot,quot")});
  MetaMap symbols;
  meta_set(symbols, "mdash", MetaValue{std::string("---")});
  meta_set(kramdown, "typographic_symbols", MetaValue{symbols});
  meta_set(kramdown, "toc_levels", MetaValue{std::string("2..3")});
  MetaMap site;
  meta_set(site, "kramdown", MetaValue{kramdown});
  const KramdownConfig config = kramdown_config(&site);
  EXPECT_EQ(config.toc_min, 2);
  EXPECT_EQ(config.toc_max, 3);
  EXPECT_FALSE(config.kramdown_input);
  // The replacement is shown as written, so `---` stays three dashes rather than a rule.
  EXPECT_EQ(rewrite_kramdown("\"a\" --- b\n", config), "\"a\" \\-\\-\\- b\n");
}

}  // namespace
}  // namespace sheaf::jekyll
