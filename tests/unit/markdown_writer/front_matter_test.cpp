// YAML front matter: every value reads back with the same type and value, both through Jekyll's
// typing (the project's own front-matter reader) and through plain yaml-cpp; strings are quoted
// only where YAML needs it.
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>

#include "build.hpp"
#include "converters/jekyll/front_matter.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/markdown/md_front_matter.hpp"
#include "core/meta.hpp"

namespace sheaf::test_md {
namespace {

using markdown::md_front_matter;
using markdown::md_yaml_string;

MetaValue s(std::string v) { return MetaValue{std::move(v)}; }
MetaValue i(std::int64_t v) { return MetaValue{v}; }
MetaValue d(double v) { return MetaValue{v}; }
MetaValue b(bool v) { return MetaValue{v}; }
MetaValue list(MetaList v) { return MetaValue{std::move(v)}; }
MetaValue map(MetaMap v) { return MetaValue{std::move(v)}; }

/// The YAML between the `---` lines.
std::string body(const std::string& fm) {
  EXPECT_EQ(fm.substr(0, 4), "---\n");
  EXPECT_EQ(fm.substr(fm.size() - 4), "---\n");
  return fm.substr(4, fm.size() - 8);
}

MetaMap read_back(const MetaMap& meta) {
  MemoryContext ctx;
  return jekyll::parse_front_matter(body(md_front_matter(meta)), 2, "test.md", ReaderOptions{}, ctx);
}

TEST(MarkdownWriterFrontMatter, ReferencePostShape) {
  const MetaMap meta = {{"layout", s("post")},
                        {"title", s("朝俄订立战略联盟 冲击中日韩区域安全")},
                        {"date", s("2024-06-25T23:35:57.314Z")},
                        {"author", s("自由亚洲电台")},
                        {"from", s("https://www.rfa.org/mandarin/x-06252024101036.html")},
                        {"tags", list({s("自由亚洲电台")})},
                        {"comments", b(true)},
                        {"categories", list({s("自由亚洲电台")})}};
  EXPECT_EQ(md_front_matter(meta),
            "---\nlayout: post\ntitle: 朝俄订立战略联盟 冲击中日韩区域安全\ndate: 2024-06-25T23:35:57.314Z\n"
            "author: 自由亚洲电台\nfrom: https://www.rfa.org/mandarin/x-06252024101036.html\n"
            "tags: [自由亚洲电台]\ncomments: true\ncategories: [自由亚洲电台]\n---\n");
  EXPECT_EQ(read_back(meta), meta);
}

TEST(MarkdownWriterFrontMatter, EmptyMetaWritesNothingAndOptionTurnsItOff) {
  EXPECT_EQ(md_front_matter({}), "");
  const Document d = doc({p("x")}, {{"title", s("T")}});
  EXPECT_EQ(write_md(d), "---\ntitle: T\n---\n\nx\n");
  MarkdownWriterOptions o;
  o.front_matter = false;
  EXPECT_EQ(write_md(d, o), "x\n");
}

TEST(MarkdownWriterFrontMatter, StringsQuotedOnlyWhenNeeded) {
  struct Case {
    const char* text;
    const char* yaml;
  };
  const Case cases[] = {
      {"plain words", "plain words"},
      {"2024-06-25 10:00:00 +0800", "2024-06-25 10:00:00 +0800"},
      {"a: b", "\"a: b\""},
      {"a #b", "\"a #b\""},
      {"a#b", "a#b"},
      {"ends:", "\"ends:\""},
      {"- item", "\"- item\""},
      {"[x]", "\"[x]\""},
      {"{x}", "\"{x}\""},
      {"*alias", "\"*alias\""},
      {"&anchor", "\"&anchor\""},
      {"!tag", "\"!tag\""},
      {"%x", "\"%x\""},
      {"@x", "\"@x\""},
      {"`x", "\"`x\""},
      {"'q'", "\"'q'\""},
      {"\"q\"", "\"\\\"q\\\"\""},
      {"", "\"\""},
      {" lead", "\" lead\""},
      {"trail ", "\"trail \""},
      {"true", "\"true\""},
      {"Yes", "\"Yes\""},
      {"off", "\"off\""},
      {"null", "\"null\""},
      {"~", "\"~\""},
      {"2013", "\"2013\""},
      {"1_000", "\"1_000\""},
      {"0x1F", "\"0x1F\""},
      {"1.5", "\"1.5\""},
      {"1e5", "\"1e5\""},
      {".inf", "\".inf\""},
      {"1:30", "\"1:30\""},
      {"1,000", "\"1,000\""},
      {"line\nbreak", "\"line\\nbreak\""},
      {"tab\there", "\"tab\\there\""},
      {"back\\slash", "back\\slash"},
      {"bell\a", "\"bell\\a\""},
      {"中文：标题", "中文：标题"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(md_yaml_string(c.text, false), c.yaml) << c.text;
    const MetaMap meta = {{"k", s(c.text)}};
    EXPECT_EQ(read_back(meta), meta) << c.text;
    const YAML::Node node = YAML::Load(body(md_front_matter(meta)));
    EXPECT_EQ(node["k"].as<std::string>(), c.text) << c.text;
  }
  EXPECT_EQ(md_yaml_string("a, b", true), "\"a, b\"");
  EXPECT_EQ(md_yaml_string("a, b", false), "a, b");
}

// Keys are scalars too: `yes:` would be the boolean true to YAML 1.1 (Jekyll), and `y`/`n` are
// YAML 1.1 booleans as well, so all of them are quoted.
TEST(MarkdownWriterFrontMatter, TypedScalars) {
  const MetaMap meta = {{"int", i(-42)},
                        {"big", i(std::numeric_limits<std::int64_t>::max())},
                        {"float", d(1.5)},
                        {"whole", d(3.0)},
                        {"tiny", d(1e-300)},
                        {"huge", d(1e300)},
                        {"inf", d(std::numeric_limits<double>::infinity())},
                        {"ninf", d(-std::numeric_limits<double>::infinity())},
                        {"yes", b(true)},
                        {"no", b(false)},
                        {"nothing", MetaValue{MetaNull{}}}};
  EXPECT_EQ(md_front_matter(meta),
            "---\nint: -42\nbig: 9223372036854775807\nfloat: 1.5\nwhole: 3.0\ntiny: 1.0e-300\n"
            "huge: 1.0e+300\ninf: .inf\nninf: -.inf\n\"yes\": true\n\"no\": false\nnothing: null\n---\n");
  EXPECT_EQ(read_back(meta), meta);
  const MetaMap nan = {{"nan", d(std::numeric_limits<double>::quiet_NaN())}};
  const MetaMap back = read_back(nan);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_TRUE(std::isnan(std::get<double>(back[0].value.value)));
}

TEST(MarkdownWriterFrontMatter, NestedListsAndMaps) {
  const MetaMap meta = {
      {"tags", list({s("a b"), s("c, d"), s("[e]"), i(1), b(false)})},
      {"empty_list", list({})},
      {"empty_map", map({})},
      {"author", map({{"name", s("Ann")}, {"links", list({s("x"), s("y")})}, {"nested", map({{"k", s("v")}})}})},
      {"matrix", list({list({i(1), i(2)}), list({map({{"a", i(1)}, {"b", list({})}})})})},
      {"people", list({map({{"name", s("A")}, {"role", s("x: y")}}), map({})})},
      {"key: with colon", s("v")},
      {"true", s("key that reads as a bool")},
  };
  const std::string fm = md_front_matter(meta);
  EXPECT_EQ(fm,
            "---\ntags: [a b, \"c, d\", \"[e]\", 1, false]\nempty_list: []\nempty_map: {}\nauthor:\n"
            "  name: Ann\n  links: [x, \"y\"]\n  nested:\n    k: v\nmatrix:\n  - [1, 2]\n  -\n    - a: 1\n"
            "      b: []\npeople:\n  - name: A\n    role: \"x: y\"\n  - {}\n\"key: with colon\": v\n"
            "\"true\": key that reads as a bool\n---\n");
  EXPECT_EQ(read_back(meta), meta);
}

TEST(MarkdownWriterFrontMatter, LongListsGoOneItemPerLine) {
  MetaList tags;
  for (int n = 0; n < 20; ++n) tags.push_back(s("tag number " + std::to_string(n)));
  const MetaMap meta = {{"tags", list(tags)}};
  const std::string fm = md_front_matter(meta);
  EXPECT_NE(fm.find("tags:\n  - tag number 0\n  - tag number 1\n"), std::string::npos) << fm;
  EXPECT_EQ(read_back(meta), meta);
}

}  // namespace
}  // namespace sheaf::test_md

namespace sheaf::test_md {
namespace {

TEST(MarkdownWriterFrontMatter, DerivedKeysStayOut) {
  // A Jekyll post read and written back keeps its own keys, in order; the keys the reader
  // derived (listed under derived_keys) are for JSON and the other writers only.
  const MetaMap meta = {{"title", s("T")},
                        {"slug", s("t")},
                        {"derived_keys", MetaValue{MetaList{MetaValue{std::string("slug")},
                                                            MetaValue{std::string("date_rfc3339")}}}},
                        {"date", s("2024-01-02")},
                        {"date_rfc3339", s("2024-01-02T00:00:00Z")}};
  EXPECT_EQ(markdown::md_front_matter(meta), "---\ntitle: T\ndate: 2024-01-02\n---\n");
  EXPECT_EQ(markdown::md_front_matter({{"slug", s("t")},
                                       {"derived_keys", MetaValue{MetaList{MetaValue{std::string("slug")}}}}}),
            "");
}

TEST(MarkdownWriterFrontMatter, JekyllPostKeepsItsOwnKeys) {
  MemoryContext context;
  const std::string post = "---\ntitle: Own\ntags: a b\ndate: 2024-01-15 09:30:00 +0100\n---\nText.\n";
  const Document doc = jekyll::read(Input{post, "_posts/2024-01-15-own-post.md", "_posts"}, ReaderOptions{}, context);
  ASSERT_NE(meta_find(doc.meta, "slug"), nullptr);  // derived keys stay in the model (JSON)
  ASSERT_NE(meta_find(doc.meta, "date_rfc3339"), nullptr);
  std::ostringstream out;
  markdown::write(doc, WriterOptions{}, context, out);
  EXPECT_EQ(out.str(), "---\ntitle: Own\ntags: [a, b]\ndate: 2024-01-15 09:30:00 +0100\n---\n\nText.\n");
}

}  // namespace
}  // namespace sheaf::test_md
