// The attribute cap that keeps libxml2's quadratic duplicate-attribute check bounded.
#include <gtest/gtest.h>

#include "converters/html/attribute_cap.hpp"

namespace sheaf::html {
namespace {

TEST(AttributeCap, OrdinaryHtmlIsLeftAlone) {
  EXPECT_FALSE(cap_attributes("<p class=\"a\" id=b data-x='c'>t</p><!-- <p a b c d> -->", 3));
  EXPECT_FALSE(cap_attributes("<p a b c>x</p>", 3));
}

TEST(AttributeCap, ExtraAttributesAreDroppedAndTheRestIsKept) {
  const auto capped = cap_attributes("<i>x</i>\n<p a=1 b=\"2 >\" c='3' d e=5>text</p><b f g h i>y</b>", 3);
  ASSERT_TRUE(capped);
  EXPECT_EQ(capped->html, "<i>x</i>\n<p a=1 b=\"2 >\" c='3'>text</p><b f g h>y</b>");
  EXPECT_EQ(capped->dropped, 3u);
  EXPECT_EQ(capped->first_at, 9u);
}

TEST(AttributeCap, CommentsAndUnclosedTagsAreSafe) {
  const auto capped = cap_attributes("<!-- <p a b c d e> --><p a b c d e", 2);
  ASSERT_TRUE(capped);
  EXPECT_EQ(capped->html, "<!-- <p a b c d e> --><p a b");
  EXPECT_FALSE(cap_attributes("<!-- never closed <p a b c d e", 2));
  EXPECT_FALSE(cap_attributes("<p a=\"never closed b c d e f", 2));
}

TEST(AttributeCap, HundredThousandAttributesAreLinear) {
  std::string html = "<p";
  for (int i = 0; i < 100000; ++i) html += " data-a" + std::to_string(i) + "=\"v\"";
  html += ">text</p>";
  const auto capped = cap_attributes(html);
  ASSERT_TRUE(capped);
  EXPECT_EQ(capped->dropped, 100000u - kMaxAttributes);
  EXPECT_TRUE(capped->html.ends_with("data-a999=\"v\">text</p>"));
}

}  // namespace
}  // namespace sheaf::html
