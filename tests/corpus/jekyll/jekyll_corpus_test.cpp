// The Jekyll reader over real posts (../shared/corpus): the seed's metadata, every news post read
// and round-tripped through JSON, and the blog and Jekyll test-site posts read without a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "core/context.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "core/date_time.hpp"
#include "converters/json/json.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "tests/support/corpus.hpp"

namespace sheaf::jekyll {
namespace {

const std::vector<std::string> kMarkdownExtensions = {".md", ".markdown", ".mkd", ".mkdn", ".mdown"};

Document read_file(const std::filesystem::path& path, Context& context) {
  const std::string bytes = read_file_or_throw(path);
  return read(Input{bytes, path.string(), path.parent_path().string()}, ReaderOptions{}, context);
}

std::string to_json(const Document& doc) {
  MemoryContext context;
  std::ostringstream out;
  json::write(doc, WriterOptions{}, context, out);
  return out.str();
}

/// Posts of a corpus folder: Markdown files, without the folder's PROVENANCE.md notes.
std::vector<std::filesystem::path> posts_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (auto& p : test::files_under(dir, kMarkdownExtensions))
    if (p.filename() != "PROVENANCE.md" && p.filename() != "README.md") out.push_back(p);
  return out;
}

TEST(JekyllCorpus, SeedMetadata) {
  SHEAF_REQUIRE_CORPUS();
  MemoryContext context;
  const Document doc = read_file(corpus / "seed" / "2024-06-25-jw-06252024101036.md", context);
  std::vector<std::string> keys;
  for (const MetaField& f : doc.meta) keys.push_back(f.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"layout", "title", "date", "author", "from", "tags",
                                            "comments", "categories", "slug", "date_rfc3339", "source",
                                            "derived_keys"}));
  for (const char* key : {"title", "author", "from"}) {
    const auto value = meta_find(doc.meta, key);
    ASSERT_TRUE(value && std::holds_alternative<std::string>(value->value)) << key;
    EXPECT_FALSE(std::get<std::string>(value->value).empty()) << key;
  }
  EXPECT_EQ(meta_string(doc.meta, "date"), "2024-06-25T23:35:57.314Z");  // as written
  EXPECT_EQ(meta_string(doc.meta, "from").value().rfind("https://", 0), 0u);
  EXPECT_EQ(*meta_find(doc.meta, "comments"), MetaValue{true});
  for (const char* key : {"tags", "categories"}) {
    const auto* list = std::get_if<MetaList>(&meta_find(doc.meta, key)->value);
    ASSERT_NE(list, nullptr) << key;
    ASSERT_EQ(list->size(), 1u) << key;
    EXPECT_EQ((*list)[0], *meta_find(doc.meta, "author")) << key;  // the flow list's padding is gone
  }
  EXPECT_FALSE(doc.blocks.empty());
  // No warnings; information (which HTML cleanup rules fired) is not a problem with the post.
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::info) << d.id << ": " << d.message;
}

TEST(JekyllCorpus, EveryNewsPostReadsAndRoundTripsThroughJson) {
  SHEAF_REQUIRE_CORPUS();
  const auto posts = posts_under(corpus / "jekyll-news");
  EXPECT_EQ(posts.size(), 327u);
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  std::size_t diagnostics = 0;
  for (const auto& path : posts) {
    MemoryContext context;
    Document doc;
    try {
      doc = read_file(path, context);
    } catch (const Error& e) {
      ADD_FAILURE() << path << ": " << e.what();
      continue;
    }
    diagnostics += context.diagnostics.size();
    const std::string first = to_json(doc);
    // Raw HTML is parsed, never kept as text: no tag survives into the JSON unless the post
    // itself shows one as text (`&lt;a href=` in copied spam comments).
    if (read_file_or_throw(path).find("&lt;") == std::string::npos) {
      for (const char* tag : {"<div", "<span", "<img", "<p>", "<p ", "<a ", "<br", "<figure"})
        EXPECT_EQ(first.find(tag), std::string::npos) << path << " keeps " << tag;
    }
    MemoryContext json_context;
    const Document back = json::read(Input{first, "round-trip.json", ""}, ReaderOptions{}, json_context);
    EXPECT_EQ(to_json(back), first) << path;
    bytes += first.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[ jekyll-news ] " << posts.size() << " posts read, JSON round-tripped (" << bytes
            << " bytes of JSON, " << diagnostics << " diagnostics) in " << seconds << " s\n";
}

TEST(JekyllCorpus, EveryNewsDateNormalises) {
  SHEAF_REQUIRE_CORPUS();
  std::size_t dated = 0;
  for (const auto& path : posts_under(corpus / "jekyll-news")) {
    MemoryContext context;
    const Document doc = read_file(path, context);
    const auto date = meta_string(doc.meta, meta_key::date);
    ASSERT_TRUE(date) << path;
    EXPECT_TRUE(parse_date_time(*date)) << path << ": " << *date;
    ++dated;
  }
  EXPECT_EQ(dated, 327u);
}

TEST(JekyllCorpus, BlogAndTestSitePostsReadWithoutCrashing) {
  SHEAF_REQUIRE_CORPUS();
  // The only files whose front matter is really broken: Jekyll's own invalid-YAML fixture, and an
  // include (not a post) that starts with a `---` rule and so opens front matter it never closes.
  const std::set<std::string> broken = {"jekyll-testsite/test/source/_broken/bad_post.md",
                                        "jekyll-testsite/test/source/_includes/sig.markdown"};
  std::set<std::string> failed;
  std::size_t count = 0;
  for (const char* folder : {"jekyll-blogs", "jekyll-testsite"}) {
    for (const auto& path : posts_under(corpus / folder)) {
      ++count;
      MemoryContext context;
      const std::string relative = std::filesystem::relative(path, corpus).generic_string();
      try {
        read_file(path, context);
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::parse) << relative;
        EXPECT_GT(e.pos().line, 0u) << relative;
        std::cout << "[ broken ] " << format_location(relative, e.pos()) << e.what() << "\n";
        failed.insert(relative);
      }
    }
  }
  std::cout << "[ jekyll-blogs + jekyll-testsite ] " << count << " files read, " << failed.size()
            << " with broken front matter\n";
  EXPECT_EQ(failed, broken);
}

}  // namespace
}  // namespace sheaf::jekyll
