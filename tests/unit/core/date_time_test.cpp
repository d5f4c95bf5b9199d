// Dates in the forms real front matter uses: parsed once (core/date_time.hpp), written back as
// RFC 3339 (the Jekyll reader's date_rfc3339) or as a UTC instant (the EPUB writer's dc:date).
#include "core/date_time.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace sheaf {
namespace {

/// The RFC 3339 form of `text`, or "(none)" when it does not parse.
std::string normalised(std::string_view text) {
  const auto date = parse_date_time(text);
  return date ? rfc3339(*date) : "(none)";
}

TEST(DateTime, NormalisesTheFormsPostsUse) {
  const std::pair<const char*, const char*> cases[] = {
      // Dates.
      {"2024-06-25", "2024-06-25"}, {"2013-3-7", "2013-03-07"}, {"  2009-01-27  ", "2009-01-27"},
      {"2024/06/25", "2024-06-25"}, {"2024-02-29", "2024-02-29"},
      // ISO 8601 with a fraction and Z.
      {"2024-06-25T23:35:57.314Z", "2024-06-25T23:35:57.314Z"}, {"2024-06-25t23:35:57z", "2024-06-25T23:35:57Z"},
      {"2024-06-25 10:00:00,5 UTC", "2024-06-25T10:00:00.5Z"}, {"2016-12-31 23:59:60Z", "2016-12-31T23:59:60Z"},
      // Numeric zones, kept as written.
      {"2024-06-25 10:00:00 +0800", "2024-06-25T10:00:00+08:00"},
      {"2010-01-09 13:59:59 -08:00", "2010-01-09T13:59:59-08:00"},
      {"2019-09-01T08:00:00+09:00", "2019-09-01T08:00:00+09:00"}, {"2010-01-09 13:59 -8", "2010-01-09T13:59:00-08:00"},
      {"2014-03-03 9:05:00+0000", "2014-03-03T09:05:00+00:00"}, {"2024/06/25 10:00 GMT", "2024-06-25T10:00:00Z"},
      // No zone: local time, kept without one.
      {"2024-06-25 10:00:00", "2024-06-25T10:00:00"}, {"2024-06-25    10:00:00.5", "2024-06-25T10:00:00.5"},
  };
  for (const auto& [written, expected] : cases) EXPECT_EQ(normalised(written), expected) << written;
}

TEST(DateTime, RejectsWhatIsNotADate) {
  for (const char* s : {"", "yesterday", "{{ page.date }}", "2024-06/25", "24-06-25", "2024-06",
                        "2024-06-25X10:00:00", "2024-06-25T10", "2024-06-25 10:00:00 PST",
                        "2024-06-25 10:00:00 +0800 extra", "2024-06-25T10:00:00.", "2024-06-25T1:2"})
    EXPECT_FALSE(parse_date_time(s)) << s;
}

TEST(DateTime, RejectsImpossibleValues) {
  for (const char* s : {"2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-02-30", "2024-06-25 24:00:00",
                        "2024-06-25T25:00", "2024-06-25 10:60:00", "2024-06-25 10:00:61",
                        "2024-06-25 10:00:00 +15:00", "2024-06-25 10:00:00 +08:75"})
    EXPECT_FALSE(parse_date_time(s)) << s;
}

TEST(DateTime, InstantsAreUtc) {
  using std::chrono::sys_days;
  const auto instant = [](std::string_view s) { return utc_instant(*parse_date_time(s)); };
  const sys_days june25{std::chrono::year{2024} / 6 / 25};
  EXPECT_EQ(instant("2024-06-25"), june25);
  EXPECT_EQ(instant("2024-06-25 10:00:00 +0800"), june25 + std::chrono::hours{2});
  EXPECT_EQ(instant("2024-06-25T01:00:00-05:30"), june25 + std::chrono::minutes{6 * 60 + 30});
  EXPECT_EQ(instant("2024-06-25 10:00"), june25 + std::chrono::hours{10});  // no zone: taken as UTC
  EXPECT_EQ(instant("2024-06-25 23:59:60Z"), june25 + std::chrono::seconds{24 * 3600 - 1});
}

}  // namespace
}  // namespace sheaf
