// The cleanup profile on the mirrored news posts (../shared/corpus/jekyll-news): every post body
// read as an HTML fragment keeps no `data:` placeholder image, no zoom/icon widget image and no
// blank caption, and the cleanup loses no article text: with every rule but `comments` and `share`
// on (reader comments and share bars hold no article text), each post keeps 99% of the Han
// characters that --keep-all keeps.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/context.hpp"
#include "converters/html/html.hpp"
#include "core/utf8.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/describe.hpp"

namespace sheaf {
namespace {

std::string body_of(const std::string& post) {
  if (post.rfind("---", 0) != 0) return post;
  const auto end = post.find("\n---", 3);
  return end == std::string::npos ? post : post.substr(end + 4);
}

// Characters of Han ideographs outside image alt text: the article text of these posts, immune to
// entity spelling. Alt text is left out because it repeats the caption: with lead_figure off
// (--keep-all) the image and its caption are separate blocks and the describe() notation shows the
// alt, while a Figure shows only the caption.
std::size_t han_count(std::string_view model) {
  std::string s;
  for (std::size_t p = 0; p < model.size();) {
    const std::size_t alt = model.find(" alt=\"", p);
    s.append(model.substr(p, alt == std::string_view::npos ? std::string_view::npos : alt - p));
    if (alt == std::string_view::npos) break;
    const std::size_t end = model.find('"', alt + 6);  // describe() does not escape quotes
    if (end == std::string_view::npos) break;
    p = end + 1;
  }
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::decode(s, pos);
    n += cp >= 0x4E00 && cp <= 0x9FFF;
  }
  return n;
}

// Image sources in the describe() notation: "Image(SRC…" and "img=\"SRC\"".
std::vector<std::string> image_sources(const std::string& model) {
  std::vector<std::string> out;
  for (std::size_t p = model.find("Image("); p != std::string::npos; p = model.find("Image(", p + 1)) {
    const auto e = model.find_first_of(" )", p + 6);
    out.push_back(model.substr(p + 6, e - p - 6));
  }
  for (std::size_t p = model.find("img=\""); p != std::string::npos; p = model.find("img=\"", p + 1)) {
    const auto e = model.find('"', p + 5);
    out.push_back(model.substr(p + 5, e - p - 5));
  }
  return out;
}

TEST(HtmlNewsCleanup, NoWidgetsOrPlaceholdersAndNoTextLost) {
  SHEAF_REQUIRE_CORPUS();
  const auto posts = test::files_under(corpus / "jekyll-news", {".md", ".html", ".markdown"});
  ASSERT_GT(posts.size(), 100u);
  std::size_t images = 0, han_source = 0, han_kept = 0;
  for (const auto& path : posts) {
    if (path.filename() == "PROVENANCE.md") continue;
    const std::string body = body_of(read_file_or_throw(path));
    MemoryContext context;
    ReaderOptions options;
    const std::string model = test::describe(html::read_fragment(body, path.string(), options, context));
    for (const std::string& src : image_sources(model)) {
      ++images;
      EXPECT_NE(src.rfind("data:", 0), 0u) << path << ": placeholder image kept";
      EXPECT_EQ(src.find("zoom"), std::string::npos) << path << ": zoom widget kept: " << src;
    }
    EXPECT_EQ(model.find("caption=[Text \" \"]"), std::string::npos) << path << ": blank caption";
    ReaderOptions keep_all;
    keep_all.no_clean = {"all"};
    ReaderOptions but_comments;
    but_comments.no_clean = {"comments", "share"};
    MemoryContext c2, c3;
    const std::size_t want = han_count(test::describe(html::read_fragment(body, path.string(), keep_all, c2)));
    const std::size_t got = han_count(test::describe(html::read_fragment(body, path.string(), but_comments, c3)));
    han_source += want;
    han_kept += got;
    EXPECT_GE(got * 100, want * 99) << path << ": " << want - std::min(want, got) << " Han characters lost";
  }
  std::cout << "[ news cleanup ] " << posts.size() << " posts, " << images << " images, Han characters kept "
            << han_kept << " of " << han_source << " (rules but comments/share on vs --keep-all)" << "\n";
}

}  // namespace
}  // namespace sheaf
