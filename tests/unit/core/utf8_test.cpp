#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace sheaf {
namespace {

TEST(Utf8, CleanInputIsRecognised) {
  EXPECT_TRUE(utf8::is_clean("plain ascii"));
  EXPECT_TRUE(utf8::is_clean("中文，全角　空格"));
  EXPECT_FALSE(utf8::is_clean(std::string("a\0b", 3)));
  EXPECT_FALSE(utf8::is_clean("\xC3\x28"));
  EXPECT_FALSE(utf8::is_clean("\xEF\xBB\xBFwith bom"));
}

TEST(Utf8, RepairReplacesEachBadSequenceAndNul) {
  utf8::Repair report;
  EXPECT_EQ(utf8::repair(std::string("a\0b\xFFz", 5), &report), "a\uFFFDb\uFFFDz");
  EXPECT_EQ(report.replaced, 2u);
  EXPECT_EQ(report.first_bad, 1u);
}

TEST(Utf8, RepairKeepsGenuineReplacementCharactersAndDropsBom) {
  utf8::Repair report;
  EXPECT_EQ(utf8::repair("\xEF\xBB\xBFok \uFFFD", &report), "ok \uFFFD");
  EXPECT_EQ(report.replaced, 0u);
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(utf8::repair("\xC0\xAF"), "\uFFFD\uFFFD");
  EXPECT_EQ(utf8::repair("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
}

TEST(Utf8, LineColumnIsOneBased) {
  EXPECT_EQ(utf8::line_column("ab\ncd", 4), std::make_pair(2u, 2u));
  EXPECT_EQ(utf8::line_column("ab", 0), std::make_pair(1u, 1u));
}

}  // namespace
}  // namespace sheaf
