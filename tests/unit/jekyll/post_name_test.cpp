// Post file names: date and slug from `YYYY-MM-DD-slug.ext`, and Jekyll's title from the slug.
#include "converters/jekyll/post_name.hpp"

#include <gtest/gtest.h>

namespace sheaf::jekyll {
namespace {

TEST(PostName, PaddedDate) {
  const auto n = parse_post_name("_posts/2024-06-25-jw-06252024101036.md");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->date, "2024-06-25");
  EXPECT_EQ(n->slug, "jw-06252024101036");
}

TEST(PostName, UnpaddedMonthAndDayArePadded) {
  const auto n = parse_post_name("2013-3-17-x.md");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->date, "2013-03-17");
  EXPECT_EQ(n->slug, "x");
  EXPECT_EQ(parse_post_name("2017-2-5-i-dont-like-zeroes.md")->date, "2017-02-05");
}

TEST(PostName, CjkSpacesAndPunctuationInTheSlug) {
  const auto n = parse_post_name("a/b/2021-05-29-Matters | 陈纯：国家主义.md");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->slug, "Matters | 陈纯：国家主义");
  EXPECT_EQ(parse_post_name("2013-01-01-trailing-dots...md")->slug, "trailing-dots..");
  EXPECT_EQ(parse_post_name("2013-01-01-hash-#1.markdown")->slug, "hash-#1");
}

TEST(PostName, NoDateNoMatch) {
  for (const char* name : {"about.md", "-", "", "2013-01-slug.md", "13-01-01-slug.md",
                           "2013-01-01.md", "2013-01-01-.md", "2013-01-01-slug", "2013-01-01-slug.",
                           "2013-001-01-slug.md", "x2013-01-01-slug.md", "2013-01-01-x/notes.md"})
    EXPECT_FALSE(parse_post_name(name)) << name;
}

TEST(PostName, ImpossibleDatesDoNotMatch) {
  for (const char* name : {"2013-13-01-a.md", "2013-00-10-a.md", "2013-02-29-a.md",
                           "2013-04-31-a.md", "2013-01-00-a.md"})
    EXPECT_FALSE(parse_post_name(name)) << name;
  EXPECT_TRUE(parse_post_name("2012-02-29-leap.md"));
  EXPECT_TRUE(parse_post_name("2000-02-29-leap.md"));
  EXPECT_FALSE(parse_post_name("1900-02-29-a.md"));
}

TEST(PostName, DirectoriesAreIgnored) {
  const auto n = parse_post_name("2013-01-01-dir/2014-02-03-post.md");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->date, "2014-02-03");
}

TEST(TitleFromSlug, CapitalisesEachWordLikeJekyll) {
  EXPECT_EQ(title_from_slug("my-first-post"), "My First Post");
  EXPECT_EQ(title_from_slug("i-dont-like-zeroes"), "I Dont Like Zeroes");
  EXPECT_EQ(title_from_slug("an-API-guide"), "An Api Guide");
  EXPECT_EQ(title_from_slug("2-cats"), "2 Cats");
  EXPECT_EQ(title_from_slug("中文-标题"), "中文 标题");
  EXPECT_EQ(title_from_slug("trailing--"), "Trailing");
  EXPECT_EQ(title_from_slug(""), "");
}

}  // namespace
}  // namespace sheaf::jekyll
