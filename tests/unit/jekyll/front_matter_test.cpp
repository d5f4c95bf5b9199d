// Front-matter YAML → typed, ordered metadata, and errors that point into the post file.
#include "converters/jekyll/front_matter.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace sheaf::jekyll {
namespace {

MetaValue str(const char* s) { return MetaValue{std::string(s)}; }

struct Parsed {
  MetaMap meta;
  std::vector<Diagnostic> diagnostics;
};

Parsed parse(std::string_view yaml, ReaderOptions options = {}) {
  MemoryContext context;
  Parsed p;
  p.meta = parse_front_matter(yaml, 2, "post.md", options, context);
  p.diagnostics = context.diagnostics;
  return p;
}

/// The Error parse_front_matter throws for `yaml` (starting on line 2 of post.md).
Error parse_error(std::string_view yaml) {
  MemoryContext context;
  try {
    parse_front_matter(yaml, 2, "post.md", ReaderOptions{}, context);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << yaml;
  return Error(ErrorCode::internal, "none");
}

std::vector<std::string> keys(const MetaMap& meta) {
  std::vector<std::string> out;
  for (const MetaField& f : meta) out.push_back(f.key);
  return out;
}

TEST(FrontMatter, ScalarKindsQuotedAndPlain) {
  const Parsed p = parse(
      "layout: post\n"
      "title: \"true\"\n"
      "single: '42'\n"
      "comments: True\n"
      "draft: no\n"
      "count: 42\n"
      "ratio: 0.5\n"
      "empty:\n"
      "tilde: ~\n"
      "date: 2024-06-25T23:35:57.314Z\n"
      "block: |\n"
      "  line one\n"
      "  line two\n"
      "folded: >\n"
      "  a\n"
      "  b\n"
      "forced: !!str 12\n"
      "typed: !!int \"12\"\n"
      "custom: !thing 12\n");
  const MetaMap expected = {
      {"layout", str("post")},
      {"title", str("true")},
      {"single", str("42")},
      {"comments", MetaValue{true}},
      {"draft", MetaValue{false}},
      {"count", MetaValue{std::int64_t{42}}},
      {"ratio", MetaValue{0.5}},
      {"empty", MetaValue{MetaNull{}}},
      {"tilde", MetaValue{MetaNull{}}},
      {"date", str("2024-06-25T23:35:57.314Z")},
      {"block", str("line one\nline two\n")},
      {"folded", str("a b\n")},
      {"forced", str("12")},
      {"typed", MetaValue{std::int64_t{12}}},
      {"custom", str("12")},
  };
  EXPECT_EQ(p.meta, expected);
  EXPECT_TRUE(p.diagnostics.empty());
}

TEST(FrontMatter, ListsAndMapsNestInSourceOrder) {
  const Parsed p = parse(
      "tags: [ 自由亚洲电台 , two ]\n"
      "categories:\n"
      "  - news\n"
      "  - 2013\n"
      "author:\n"
      "  name: Ann\n"
      "  links: {web: 'https://a.example', count: 3}\n"
      "zeta: 1\n"
      "alpha: 2\n");
  const MetaMap expected = {
      {"tags", MetaValue{MetaList{str("自由亚洲电台"), str("two")}}},
      {"categories", MetaValue{MetaList{str("news"), MetaValue{std::int64_t{2013}}}}},
      {"author", MetaValue{MetaMap{
                     {"name", str("Ann")},
                     {"links", MetaValue{MetaMap{{"web", str("https://a.example")},
                                                 {"count", MetaValue{std::int64_t{3}}}}}},
                 }}},
      {"zeta", MetaValue{std::int64_t{1}}},
      {"alpha", MetaValue{std::int64_t{2}}},
  };
  EXPECT_EQ(p.meta, expected);
}

TEST(FrontMatter, KeysAreTheTextAsWritten) {
  const Parsed p = parse("\"Quoted Key\": 1\n2013: year\ntrue: yes\n? [a, b]\n: pair\n");
  EXPECT_EQ(keys(p.meta), (std::vector<std::string>{"Quoted Key", "2013", "true", "[a, b]"}));
  EXPECT_EQ(p.meta[2].value, MetaValue{true});
  EXPECT_EQ(keys(parse("~: x\n").meta), (std::vector<std::string>{""}));
}

TEST(FrontMatter, DuplicateKeyKeepsFirstPositionLastValueAndWarns) {
  const Parsed p = parse("title: one\ndate: 2020-01-01\ntitle: two\n");
  EXPECT_EQ(keys(p.meta), (std::vector<std::string>{"title", "date"}));
  EXPECT_EQ(p.meta[0].value, str("two"));
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].id, "jekyll.duplicate_key");
  EXPECT_EQ(p.diagnostics[0].source_name, "post.md");
  EXPECT_EQ(p.diagnostics[0].pos, (SourcePos{4, 1}));  // line 3 of the YAML, line 4 of the post
}

TEST(FrontMatter, DuplicateKeysInsideNestedMaps) {
  const Parsed p = parse("author:\n  name: a\n  name: b\n");
  const MetaMap expected = {{"author", MetaValue{MetaMap{{"name", str("b")}}}}};
  EXPECT_EQ(p.meta, expected);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].pos, (SourcePos{4, 3}));
}

TEST(FrontMatter, AliasesAndMergeKeys) {
  const Parsed p = parse(
      "base: &b {layout: post, author: Ann}\n"
      "copy: *b\n"
      "post:\n"
      "  author: Bob\n"
      "  <<: *b\n"
      "  title: T\n");
  const MetaValue base{MetaMap{{"layout", str("post")}, {"author", str("Ann")}}};
  const MetaMap expected = {
      {"base", base},
      {"copy", base},
      // Psych: `<<` overrides what came before it; later keys override it.
      {"post", MetaValue{MetaMap{{"author", str("Ann")}, {"layout", str("post")}, {"title", str("T")}}}},
  };
  EXPECT_EQ(p.meta, expected);
  EXPECT_TRUE(p.diagnostics.empty());
}

TEST(FrontMatter, MergeOfAListOfMapsLetsEarlierMapsWin) {
  const Parsed p = parse("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n");
  // Psych merges the list from its end, so the first map's x wins; keys keep first-seen order.
  const MetaValue expected{MetaMap{{"x", MetaValue{std::int64_t{1}}}, {"y", MetaValue{std::int64_t{2}}}}};
  EXPECT_EQ(p.meta[2].value, expected);
}

TEST(FrontMatter, QuotedMergeKeyIsAnOrdinaryKey) {
  const Parsed p = parse("\"<<\": x\n");
  const MetaMap expected = {{"<<", str("x")}};
  EXPECT_EQ(p.meta, expected);
}

TEST(FrontMatter, EmptyOrCommentOnlyGivesNoFields) {
  EXPECT_TRUE(parse("").meta.empty());
  EXPECT_TRUE(parse("\n\n").meta.empty());
  EXPECT_TRUE(parse("# only a comment\n").meta.empty());
  EXPECT_TRUE(parse("~\n").meta.empty());
}

TEST(FrontMatter, SyntaxErrorPointsIntoThePost) {
  // YAML line 3 = post line 4: the flow sequence opened on post line 3 is never closed.
  const Error e = parse_error("title: x\ntags: [a, b\ndate: 2020\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_EQ(e.source_name(), "post.md");
  EXPECT_EQ(e.pos(), (SourcePos{4, 5}));
  EXPECT_NE(std::string(e.what()).find("end of sequence flow not found"), std::string::npos) << e.what();
}

TEST(FrontMatter, ErrorOnLineFourOfThePost) {
  const Error e = parse_error("layout: post\ntitle: ok\nbad: \"unterminated\" tail\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_EQ(e.pos().line, 4u);
  EXPECT_GT(e.pos().column, 1u);
}

TEST(FrontMatter, UnclosedQuotedStringIsAnErrorAtTheClosingLine) {
  // yaml-cpp alone accepts these: the string would swallow every later line up to the `---`.
  for (const char* yaml : {"title: \"abc\nauthor: x\n", "title: 'abc\nauthor: x\n", "title: \"abc"}) {
    const Error e = parse_error(yaml);
    EXPECT_EQ(e.code(), ErrorCode::parse) << yaml;
    EXPECT_NE(std::string(e.what()).find("a quoted string is never closed"), std::string::npos) << e.what();
    EXPECT_EQ(e.pos().column, 1u) << yaml;
  }
  EXPECT_EQ(parse_error("title: \"abc\nauthor: x\n").pos().line, 4u);  // the closing `---`
}

TEST(FrontMatter, ClosedMultiLineStringsAndKeptBlockScalarsAreUnchanged) {
  EXPECT_EQ(parse("a: \"x\n  y\"\n").meta, (MetaMap{{"a", str("x y")}}));
  EXPECT_EQ(parse("a: 'it''s\n  more'\n").meta, (MetaMap{{"a", str("it's more")}}));
  EXPECT_EQ(parse("a: |+\n  x\n\n").meta, (MetaMap{{"a", str("x\n\n")}}));
  EXPECT_EQ(parse("a: 1").meta, (MetaMap{{"a", MetaValue{std::int64_t{1}}}}));
}

TEST(FrontMatter, TabIndentationIsAnErrorAtTheTab) {
  const Error e = parse_error("title: x\n\tauthor: y\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_EQ(e.pos(), (SourcePos{3, 1}));
  EXPECT_NE(std::string(e.what()).find("tab"), std::string::npos) << e.what();
}

TEST(FrontMatter, ListOrScalarIsNotAMapping) {
  for (const char* yaml : {"- a\n- b\n", "just a sentence\n", "42\n"}) {
    const Error e = parse_error(yaml);
    EXPECT_EQ(e.code(), ErrorCode::parse) << yaml;
    EXPECT_STREQ(e.what(), "front matter is not a YAML mapping");
    EXPECT_EQ(e.pos().line, 2u) << yaml;
    EXPECT_EQ(e.source_name(), "post.md");
  }
}

TEST(FrontMatter, AliasBombIsALimitError) {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    yaml += "]\n";
  }
  const Error e = parse_error(yaml);
  EXPECT_EQ(e.code(), ErrorCode::limit);
}

TEST(FrontMatter, NestingBeyondMaxDepthIsDroppedWithOneWarning) {
  ReaderOptions options;
  options.max_depth = 3;
  const Parsed p = parse("a:\n  b:\n    c:\n      d: 1\n  e: [[x]]\n", options);
  const MetaMap expected = {{"a", MetaValue{MetaMap{
                                      {"b", MetaValue{MetaMap{{"c", MetaValue{MetaNull{}}}}}},
                                      {"e", MetaValue{MetaList{MetaValue{MetaNull{}}}}},
                                  }}}};
  EXPECT_EQ(p.meta, expected);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].id, "jekyll.depth_limit");
}

TEST(FrontMatter, DeepFlowNestingDoesNotCrash) {
  const std::string yaml = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  EXPECT_EQ(parse_error(yaml).code(), ErrorCode::parse);
}

}  // namespace
}  // namespace sheaf::jekyll
