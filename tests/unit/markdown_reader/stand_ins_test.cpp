// The guards' stand-ins: never a character of the text (nor its percent-encoded spelling), never
// shared between the emphasis and the table guards, and put back exactly.
#include <gtest/gtest.h>

#include <string>

#include "converters/markdown/stand_ins.hpp"

namespace sheaf::markdown {
namespace {

TEST(StandIns, SkipWhatTheTextUsesAsCharactersOrPercentEncoded) {
  // U+E000 as a character, U+E001 percent-encoded (as in an href), so the picks start at U+E002.
  const std::string text = "a \xEE\x80\x80 b [l](x%EE%80%81y)";
  const auto picked = pick_stand_ins(text, 2, kEmphasisStandIns);
  ASSERT_EQ(picked.size(), 2u);
  EXPECT_EQ(picked[0], "\xEE\x80\x82");
  EXPECT_EQ(picked[1], "\xEE\x80\x83");
}

TEST(StandIns, EmphasisAndTableGuardsNeverShareOne) {
  const auto emphasis = pick_stand_ins("text", 3, kEmphasisStandIns);
  const auto table = pick_stand_ins("text", 2, kTableStandIns);
  for (const auto& e : emphasis)
    for (const auto& t : table) EXPECT_NE(e, t);
  EXPECT_EQ(table[0], "\xF4\x80\x80\x80");  // U+100000
}

TEST(StandIns, RestoreReplacesTheCharacterAndItsHrefSpelling) {
  const std::string stand_in = "\xF4\x80\x80\x80";
  std::string html = "<p>a" + stand_in + "b <a href=\"x%F4%80%80%80y\">c</a></p>";
  restore_stand_in(html, stand_in, "|", "%7C");
  EXPECT_EQ(html, "<p>a|b <a href=\"x%7Cy\">c</a></p>");
}

}  // namespace
}  // namespace sheaf::markdown
