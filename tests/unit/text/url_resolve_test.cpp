// Relative link targets resolved against the document's source URL (RFC 3986 section 5.2).
#include "converters/shared/url_resolve.hpp"

#include <gtest/gtest.h>

#include "tests/unit/text/build.hpp"

namespace sheaf::text {
namespace {
using shared::resolve_url;
using shared::url_base;

TEST(UrlResolve, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  EXPECT_EQ(resolve_url(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_url(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_url(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(resolve_url(base, "/g"), "http://a/g");
  EXPECT_EQ(resolve_url(base, "//g"), "http://g");
  EXPECT_EQ(resolve_url(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(resolve_url(base, "g?y#s"), "http://a/b/c/g?y#s");
  EXPECT_EQ(resolve_url(base, ".."), "http://a/b/");
  EXPECT_EQ(resolve_url(base, "../g"), "http://a/b/g");
  EXPECT_EQ(resolve_url(base, "../../g"), "http://a/g");
  EXPECT_EQ(resolve_url(base, "../../../g"), "http://a/g");
  EXPECT_EQ(resolve_url(base, "g;x=1/../y"), "http://a/b/c/y");
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
