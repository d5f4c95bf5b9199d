// Post dates in the forms real front matter uses, normalised to one form.
#include "converters/jekyll/post_date.hpp"

#include <gtest/gtest.h>

namespace sheaf::jekyll {
namespace {

TEST(PostDate, DateOnly) {
  EXPECT_EQ(normalise_date("2024-06-25"), "2024-06-25");
  EXPECT_EQ(normalise_date("2013-3-7"), "2013-03-07");
  EXPECT_EQ(normalise_date("  2009-01-27  "), "2009-01-27");
}

TEST(PostDate, IsoWithMillisecondsAndZ) {
  EXPECT_EQ(normalise_date("2024-06-25T23:35:57.314Z"), "2024-06-25T23:35:57.314Z");
  EXPECT_EQ(normalise_date("2024-06-25t23:35:57z"), "2024-06-25T23:35:57Z");
}

TEST(PostDate, SpaceSeparatedWithNumericZones) {
  EXPECT_EQ(normalise_date("2024-06-25 10:00:00 +0800"), "2024-06-25T10:00:00+08:00");
  EXPECT_EQ(normalise_date("2010-01-09 13:59:59 -08:00"), "2010-01-09T13:59:59-08:00");
  EXPECT_EQ(normalise_date("2019-09-01T08:00:00+09:00"), "2019-09-01T08:00:00+09:00");
  EXPECT_EQ(normalise_date("2010-01-09 13:59 -8"), "2010-01-09T13:59:00-08:00");
  EXPECT_EQ(normalise_date("2014-03-03 9:05:00+0000"), "2014-03-03T09:05:00+00:00");
}

TEST(PostDate, NoZoneStaysLocal) {
  EXPECT_EQ(normalise_date("2024-06-25 10:00:00"), "2024-06-25T10:00:00");
  EXPECT_EQ(normalise_date("2024-06-25    10:00:00.5"), "2024-06-25T10:00:00.5");
}

TEST(PostDate, NotDates) {
  for (const char* s : {"", "yesterday", "{{ page.date }}", "2024/06/25", "24-06-25", "2024-06",
                        "2024-06-25X10:00:00", "2024-06-25T10", "2024-06-25 10:00:00 PST",
                        "2024-06-25 10:00:00 +0800 extra", "2024-06-25T10:00:00.", "2024-06-25T1:2"})
    EXPECT_FALSE(normalise_date(s)) << s;
}

TEST(PostDate, ImpossibleValues) {
  for (const char* s : {"2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-06-25 24:00:00",
                        "2024-06-25 10:60:00", "2024-06-25 10:00:61", "2024-06-25 10:00:00 +15:00",
                        "2024-06-25 10:00:00 +08:75"})
    EXPECT_FALSE(normalise_date(s)) << s;
  EXPECT_EQ(normalise_date("2024-02-29"), "2024-02-29");
  EXPECT_EQ(normalise_date("2016-12-31 23:59:60Z"), "2016-12-31T23:59:60Z");
}

}  // namespace
}  // namespace sheaf::jekyll
