// The Markdown reader's direct route (converters/markdown/cmark_model.hpp) against the HTML route:
// tests/spec/markdown_routes.txt (route and model per example), inputs that must take the HTML
// route, and a few thousand generated documents on which both routes must agree.
#include "converters/markdown/cmark_model.hpp"

#include <gtest/gtest.h>

#include <random>

#include "converters/markdown/cmark_bridge.hpp"
#include "tests/support/describe.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/markdown_routes.hpp"
#include "tests/support/spec_examples.hpp"

namespace sheaf {
namespace {

ReaderOptions options_of(const std::vector<std::string>& words) {
  ReaderOptions options;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--no-clean" && i + 1 < words.size()) options.no_clean.push_back(words[++i]);
    else if (words[i] == "--base-url" && i + 1 < words.size()) options.base_url = words[++i];
    else if (words[i] == "--raw-html-keep") options.raw_html = RawHtml::keep;
    else ADD_FAILURE() << "unknown option in a route example: " << words[i];
  }
  return options;
}

TEST(MarkdownRoutesSpec, EachExampleTakesItsRouteAndBothRoutesAgree) {
  const std::string file = "tests/spec/markdown_routes.txt";
  const auto examples = test::load_spec_examples(test::read_source_file(file));
  ASSERT_GT(examples.size(), 20u);
  for (const test::SpecExample& ex : examples) {
    const test::RouteComparison r = test::compare_markdown_routes(ex.input, options_of(ex.words));
    const std::string got = std::string(r.direct ? "tree" : "html") + "\n" + test::describe(r.document.blocks) + "\n";
    EXPECT_EQ(got, ex.expected) << file << ":" << ex.line << "\n" << ex.input;
    EXPECT_EQ(r.mismatch, "") << file << ":" << ex.line << "\n" << ex.input;
  }
}

// Bytes a spec file cannot hold well. In text and code the direct route drops C0 controls (not DEL) and
// U+FFFE/U+FFFF as libxml2 does, and maps C1 controls in text as the HTML reader does; in
// attribute values (destinations, titles, alt text) and for C1 controls in code it leaves them to
// the HTML route.
TEST(MarkdownRoutes, ControlCharacters) {
  struct Case {
    const char* text;
    bool direct;
    const char* model;
  };
  const Case cases[] = {
      {"a\x01" "b \x0b c\x7f" "d\xEF\xBF\xBE" "e\n", true, "Para[Text \"ab c\x7f" "de\"]"},
      {"a\xC2\x85" "b\n", true, "Para[Text \"a\xE2\x80\xA6" "b\"]"},
      {"`a\x02` b\n\n```\nc\x1f\n```\n", true, "Para[Code \"a\" Text \" b\"] CodeBlock() \"c\""},
      {"a\\\n\x01\\\nb\n", true, "Para[Text \"a\"] Para[Text \"b\"]"},
      {"`a\xC2\x85`\n", false, nullptr},
      {"[a](u\x03)\n", false, nullptr},
      {"![a\x03](u)\n", false, nullptr},
  };
  for (const Case& c : cases) {
    const test::RouteComparison r = test::compare_markdown_routes(c.text);
    EXPECT_EQ(r.direct, c.direct) << c.text;
    EXPECT_EQ(r.mismatch, "") << c.text;
    if (c.model) {
      EXPECT_EQ(test::describe(r.document.blocks), c.model) << c.text;
    }
  }
}

// A paragraph the emphasis guard changed (cmark_guard.hpp: 2,100 emphasis runs before 2,100
// links) is read from the tree with the guard's stand-ins put back, as the HTML route puts them
// back in cmark's HTML: its emphasis stays literal, with the same warning either way.
TEST(MarkdownRoutes, GuardedTextIsRestoredOnTheDirectRoute) {
  std::string text;
  for (int i = 0; i < 2100; ++i) text += "*a* ";
  for (int i = 0; i < 2100; ++i) text += "[l](u_v) ";
  text += "`x*y` ~~z~~ a@b.org\n\n| a | b |\n|---|---|\n| *c* | d |\n";
  const test::RouteComparison r = test::compare_markdown_routes(text);
  EXPECT_TRUE(r.direct);
  EXPECT_EQ(r.mismatch, "");
  const std::string model = test::describe(r.document.blocks);
  EXPECT_EQ(model.rfind("Para[Text \"*a* *a* *a* ", 0), 0u) << model.substr(0, 80);
  EXPECT_NE(model.find("Code \"x*y\""), std::string::npos);
  EXPECT_NE(model.find("Emph[Text \"c\"]"), std::string::npos);  // the table is not guarded
}

// Nesting deeper than the direct route goes (200 elements) is left to the HTML reader's depth rule.
TEST(MarkdownRoutes, DeepNestingTakesTheHtmlRoute) {
  std::string deep;
  for (int i = 0; i < 201; ++i) deep += "> ";
  const test::RouteComparison r = test::compare_markdown_routes(deep + "deep\n");
  EXPECT_FALSE(r.direct);
  EXPECT_EQ(r.mismatch, "");
  const test::RouteComparison shallow = test::compare_markdown_routes("> > > > shallow\n");
  EXPECT_TRUE(shallow.direct);
  EXPECT_EQ(shallow.mismatch, "");
}

// --drop selectors and a --base-url that is not an absolute URL are the HTML reader's business.
TEST(MarkdownRoutes, DropSelectorsAndBadBaseUrlTakeTheHtmlRoute) {
  ReaderOptions drop;
  drop.drop_selectors = {"em"};
  test::RouteComparison r = test::compare_markdown_routes("a *b* c\n", drop);
  EXPECT_FALSE(r.direct);
  EXPECT_EQ(r.mismatch, "");
  EXPECT_EQ(test::describe(r.document.blocks), "Para[Text \"a c\"]");
  ReaderOptions base;
  base.base_url = "not a url";
  r = test::compare_markdown_routes("a\n", base);
  EXPECT_FALSE(r.direct);
  EXPECT_EQ(r.mismatch, "");  // the same usage error either way
}

// Documents assembled at random (fixed seed) from pieces of Markdown that meet at block and
// inline edges in every combination; both routes must give the same document and diagnostics.
TEST(MarkdownRoutes, GeneratedDocumentsAgree) {
  const std::vector<std::string> inline_pieces = {
      "word", " ", "  ", "\n", "中文", "，", "*", "**", "_", "~~", "`", "``", "[", "]", "(", ")", "![", "](",
      "<", ">", "\\", "  \n", "\\\n", "&amp;", "&#x41;", "http://x.org/a", "www.w.org", "a@b.org", "|",
      "\"t\"", "javascript:x", "icon.png", "#", "-", "1.", "[ ]", "[x]", ":", "{#id}", "\t", "é", "\xC2\xA0",
      "\x01", "\x0b", "\x0c", "\x7f", "\xC2\x85", "\xC2\x9F", "\xEF\xBF\xBE", "[^1]", "[^2]", "[^x]"};
  const std::vector<std::string> block_starts = {"", "", "", "# ", "## ", "> ", "- ", "* ", "1. ", "2) ", "[^1]: ", "[^2]: ",
                                                 "    ", "```\n", "```js\n", "| a | b |\n|---|:-:|\n| ",
                                                 "- [ ] ", "- [x] ", "  - ", "> - ", "***\n", "Title\n===\n"};
  std::mt19937 random(20261126);
  auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  std::size_t direct = 0, total = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    std::string text;
    const int blocks = 1 + static_cast<int>(random() % 5);
    for (int b = 0; b < blocks; ++b) {
      text += pick(block_starts);
      const int pieces = 1 + static_cast<int>(random() % 12);
      for (int p = 0; p < pieces; ++p) text += pick(inline_pieces);
      text += random() % 3 == 0 ? "\n\n" : "\n";
    }
    const test::RouteComparison r = test::compare_markdown_routes(text);
    ++total;
    if (r.direct) ++direct;
    EXPECT_EQ(r.mismatch, "") << "generated document " << doc << ":\n" << text;
  }
  // Most generated documents hold only Markdown: the direct route must have been compared.
  EXPECT_GT(direct * 2, total) << direct << " of " << total << " took the direct route";
}

}  // namespace
}  // namespace sheaf
