// The RFC 3986 resolver (section 5.2) and the link targets the text writer makes absolute with it.
#include "converters/shared/url_resolve.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "tests/unit/text/build.hpp"

namespace sheaf::text {
namespace {
using shared::resolve_url;
using shared::url_base;

// RFC 3986 section 5.4: every normal and abnormal example, base and results as the RFC gives them.
TEST(UrlResolve, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> examples[] = {
      {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"}, {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"}, {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
      {"../", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      // Abnormal examples (section 5.4.2).
      {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
      {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"}, {"http:g", "http:g"},
  };
  for (const auto& [ref, expected] : examples) EXPECT_EQ(shared::resolve_reference(base, ref), expected) << ref;
}

TEST(UrlResolve, ResolvesAgainstBasesWithoutAPathOrAScheme) {
  EXPECT_EQ(shared::resolve_reference("https://host", "p"), "https://host/p");
  EXPECT_EQ(shared::resolve_reference("https://host", "?q"), "https://host?q");
  EXPECT_EQ(shared::resolve_reference("https://host/a?x#f", "//cdn.example/./x/../y.png"), "https://cdn.example/y.png");
  EXPECT_EQ(shared::resolve_reference("/local/dir", "x.html"), "x.html");
  EXPECT_EQ(shared::resolve_reference("", "x.html"), "x.html");
}

TEST(UrlResolve, LeavesAbsoluteAndFragmentTargetsAlone) {
  EXPECT_EQ(resolve_url("https://a.example/x/", "mailto:me@b.example"), "mailto:me@b.example");
  EXPECT_EQ(resolve_url("https://a.example/x/", "https://b.example/"), "https://b.example/");
  EXPECT_EQ(resolve_url("https://a.example/x/", "#top"), "#top");
  EXPECT_EQ(resolve_url("", "/relative/"), "/relative/");
  EXPECT_EQ(resolve_url("https://host", "/p"), "https://host/p");
}

TEST(UrlResolve, BaseComesFromSourceOrFrom) {
  Document d;
  d.meta = {MetaField{"from", MetaValue{std::string("https://news.example/2024/06/story.html")}}};
  EXPECT_EQ(url_base(d), "https://news.example/2024/06/story.html");
  d.meta = {MetaField{"from", MetaValue{std::string("not a url")}}};
  d.base = "/local/dir";
  EXPECT_EQ(url_base(d), "");
}

TEST(UrlResolve, MirroredPostsListAbsoluteTargets) {
  using namespace sheaf::test_text;
  Document d;
  d.meta = {field("from", "https://news.example/2024/06/story.html")};
  d.blocks = {p(Inlines{link("/other-story/", {t("other")}), t(" "), link("photo.html", {t("photo")})})};
  TextWriterOptions o;
  o.header = false;
  EXPECT_EQ(render(d, o),
            "other[1] photo[2]\n\n[1] https://news.example/other-story/\n[2] https://news.example/2024/06/photo.html\n");
}

}  // namespace
}  // namespace sheaf::text
