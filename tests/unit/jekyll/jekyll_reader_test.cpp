// The Jekyll reader end to end: clean text, front matter, file-name metadata, Markdown body.
#include "converters/jekyll/jekyll.hpp"

#include <gtest/gtest.h>

#include <future>

#include "core/error.hpp"
#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

MetaValue str(const char* s) { return MetaValue{std::string(s)}; }
Inline text(const char* s) { return Inline{Text{s}}; }
Block para(Inlines children) { return Block{Paragraph{std::move(children)}}; }

Document read_post(std::string_view bytes, MemoryContext& context, const std::string& name = "_posts/2024-06-25-sample-post.md",
                   ReaderOptions options = {}) {
  return read(Input{bytes, name, "_posts"}, options, context);
}

Error read_error(std::string_view bytes, const std::string& name = "post.md") {
  MemoryContext context;
  try {
    read_post(bytes, context, name);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::internal, "none");
}

std::vector<std::string> keys(const MetaMap& meta) {
  std::vector<std::string> out;
  for (const MetaField& f : meta) out.push_back(f.key);
  return out;
}

// A post in the seed's shape, written fresh.
constexpr std::string_view kMirrorPost =
    "---\n"
    "layout: post\n"
    "title: \"样例新闻 标题\"\n"
    "date: 2024-06-25T08:00:00.123Z\n"
    "author: 示例电台\n"
    "from: https://news.example.org/a/b-06252024.html\n"
    "tags: [ 示例电台 ]\n"
    "comments: True\n"
    "categories: [ 示例电台, 国际 ]\n"
    "---\n"
    "<!--NaN-->\n"
    "[样例新闻 标题](https://news.example.org/a/b-06252024.html)\n"
    "------\n"
    "\n"
    "<div>\n"
    "<p><span style=\"font-weight: 400;\">第一段文字。</span></p>\n"
    "<p>第二段&nbsp;文字。</p><p></p>\n"
    "</div>\n";

TEST(JekyllReader, MirrorPostMetadataInOrderAndTyped) {
  MemoryContext context;
  const Document doc = read_post(kMirrorPost, context);
  EXPECT_EQ(keys(doc.meta), (std::vector<std::string>{"layout", "title", "date", "author", "from", "tags",
                                                       "comments", "categories", "slug", "date_rfc3339", "source",
                                                       "derived_keys"}));
  EXPECT_EQ(*meta_find(doc.meta, "date_rfc3339"), str("2024-06-25T08:00:00.123Z"));
  EXPECT_EQ(*meta_find(doc.meta, "source"), str("https://news.example.org/a/b-06252024.html"));  // the link heading
  EXPECT_EQ(*meta_find(doc.meta, "title"), str("样例新闻 标题"));
  EXPECT_EQ(*meta_find(doc.meta, "date"), str("2024-06-25T08:00:00.123Z"));
  EXPECT_EQ(*meta_find(doc.meta, "comments"), MetaValue{true});
  EXPECT_EQ(*meta_find(doc.meta, "tags"), MetaValue{MetaList{str("示例电台")}});
  EXPECT_EQ(*meta_find(doc.meta, "categories"), (MetaValue{MetaList{str("示例电台"), str("国际")}}));
  EXPECT_EQ(*meta_find(doc.meta, "slug"), str("sample-post"));
  EXPECT_EQ(doc.source_name, "_posts/2024-06-25-sample-post.md");
  EXPECT_EQ(doc.base, "_posts");
  // No warnings; information (which HTML cleanup rules fired) is not a problem with the post.
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::info) << d.id << ": " << d.message;
}

TEST(JekyllReader, MirrorPostBodyIsOneCleanTree) {
  MemoryContext context;
  const Document doc = read_post(kMirrorPost, context);
  const Blocks expected = {
      // The timestamp comment and the link heading repeating the title are not part of the body.
      para({text("第一段文字。")}),
      para({text("第二段\u00A0文字。")}),
  };
  EXPECT_EQ(doc.blocks, expected);
}

TEST(JekyllReader, FileNameGivesDateSlugAndTitleWhenFrontMatterHasNone) {
  MemoryContext context;
  const Document doc = read_post("---\nlayout: post\ndate:\n---\nBody\n", context, "blog/2013-3-17-x-marks-the-spot.md");
  const MetaMap expected = {{"layout", str("post")},
                            {"date", str("2013-03-17")},
                            {"slug", str("x-marks-the-spot")},
                            {"title", str("X Marks The Spot")},
                            {"date_rfc3339", str("2013-03-17")},
                            {"derived_keys", MetaValue{MetaList{str("date"), str("slug"), str("title"), str("date_rfc3339")}}}};
  EXPECT_EQ(doc.meta, expected);
  EXPECT_EQ(doc.blocks, (Blocks{para({text("Body")})}));
}

TEST(JekyllReader, FrontMatterValuesWinOverTheFileName) {
  MemoryContext context;
  const Document doc =
      read_post("---\ntitle: Mine\ndate: 2001-01-01\nslug: own\n---\n", context, "2013-03-17-x.md");
  const MetaMap expected = {{"title", str("Mine")}, {"date", str("2001-01-01")}, {"slug", str("own")}, {"date_rfc3339", str("2001-01-01")},
                            {"derived_keys", MetaValue{MetaList{str("date_rfc3339")}}}};
  EXPECT_EQ(doc.meta, expected);
  EXPECT_TRUE(doc.blocks.empty());
}

TEST(JekyllReader, FileNameMetadataCanBeTurnedOff) {
  MemoryContext context;
  ReaderOptions options;
  options.post_name_metadata = false;
  const Document doc = read_post("No front matter.\n", context, "2013-03-17-x.md", options);
  EXPECT_TRUE(doc.meta.empty());
  EXPECT_EQ(doc.blocks, (Blocks{para({text("No front matter.")})}));
}

TEST(JekyllReader, NoFrontMatterAndNoDatedNameGivesNoMetadata) {
  MemoryContext context;
  const Document doc = read_post("# Title\n", context, "-");
  EXPECT_TRUE(doc.meta.empty());
  EXPECT_EQ(doc.source_name, "-");
}

TEST(JekyllReader, CrlfAndBom) {
  MemoryContext context;
  const Document doc = read_post("\xEF\xBB\xBF---\r\ntitle: T\r\ntags: [a, b]\r\n---\r\n\r\nLine one\r\nline two\r\n",
                                 context, "page.md");
  const MetaMap expected = {{"title", str("T")}, {"tags", MetaValue{MetaList{str("a"), str("b")}}}};
  EXPECT_EQ(doc.meta, expected);
  EXPECT_EQ(doc.blocks, (Blocks{para({text("Line one line two")})}));
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(JekyllReader, InvalidUtf8IsRepairedWithOneWarning) {
  MemoryContext context;
  const Document doc = read_post("---\ntitle: a\xFF" "b\n---\nx\xC0y\n", context, "post.md");
  EXPECT_EQ(*meta_find(doc.meta, "title"), str("a\uFFFDb"));
  EXPECT_EQ(doc.blocks, (Blocks{para({text("x\uFFFDy")})}));
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.invalid_utf8");
  EXPECT_EQ(context.diagnostics[0].source_name, "post.md");
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{2, 9}));
}

TEST(JekyllReader, YamlErrorOnLineFourOfThePost) {
  const Error e = read_error("---\nlayout: post\ntitle: ok\ntags: [a, b\n---\nBody\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_EQ(e.source_name(), "post.md");
  EXPECT_EQ(e.pos().line, 5u);  // the flow sequence opened on line 4 runs into the end
  const Error e2 = read_error("---\nlayout: post\ntitle: ok\nbad: \"x\" y\n---\n");
  EXPECT_EQ(e2.pos().line, 4u);
  EXPECT_EQ(e2.pos().column, 10u);
}

TEST(JekyllReader, TabIndentedFrontMatter) {
  const Error e = read_error("---\ntitle: x\n\tauthor: y\n---\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_EQ(e.pos(), (SourcePos{3, 1}));
}

TEST(JekyllReader, UnclosedFrontMatter) {
  const Error e = read_error("---\ntitle: x\n\nSome text.\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_STREQ(e.what(), "front matter opened at line 1 is never closed");
  EXPECT_EQ(e.pos(), (SourcePos{1, 1}));
  EXPECT_EQ(e.source_name(), "post.md");
}

TEST(JekyllReader, FrontMatterThatIsNotAMapping) {
  const Error e = read_error("---\n- a\n- b\n---\n");
  EXPECT_EQ(e.code(), ErrorCode::parse);
  EXPECT_STREQ(e.what(), "front matter is not a YAML mapping");
  EXPECT_EQ(e.pos().line, 2u);
}

TEST(JekyllReader, EmptyFrontMatterAndDotsTerminator) {
  MemoryContext context;
  EXPECT_TRUE(read_post("---\n---\nx\n", context, "p.md").meta.empty());
  const Document doc = read_post("---\na: 1\n...\nx\n", context, "p.md");
  EXPECT_EQ(doc.meta, (MetaMap{{"a", MetaValue{std::int64_t{1}}}}));
  EXPECT_EQ(doc.blocks, (Blocks{para({text("x")})}));
}

TEST(JekyllReader, DuplicateKeyWarningPointsIntoThePost) {
  MemoryContext context;
  const Document doc = read_post("---\ntitle: a\ntitle: b\n---\n", context, "p.md");
  EXPECT_EQ(doc.meta, (MetaMap{{"title", str("b")}}));
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.duplicate_key");
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{3, 1}));
}

TEST(JekyllReader, TooLargeInputIsALimitError) {
  MemoryContext context;
  ReaderOptions options;
  options.max_input_bytes = 8;
  try {
    read_post("---\na: 1\n---\n", context, "p.md", options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::limit);
    EXPECT_EQ(e.source_name(), "p.md");
  }
}

TEST(JekyllReader, ConcurrentReadsAgree) {
  // Batch mode reads posts on several threads; the readers hold no shared mutable state.
  MemoryContext context;
  const Document expected = read_post(kMirrorPost, context);
  std::vector<std::future<bool>> runs;
  for (int t = 0; t < 4; ++t)
    runs.push_back(std::async(std::launch::async, [&] {
      bool same = true;
      for (int i = 0; i < 50; ++i) {
        MemoryContext local;
        same = same && read_post(kMirrorPost, local) == expected;
      }
      return same;
    }));
  for (auto& r : runs) EXPECT_TRUE(r.get());
}

}  // namespace
}  // namespace sheaf::jekyll
