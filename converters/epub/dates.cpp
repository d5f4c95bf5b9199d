#include "converters/epub/dates.hpp"

#include <cstdio>

#include "core/date_time.hpp"

namespace sheaf::epub {

std::optional<PostDate> parse_post_date(std::string_view text) {
  const std::optional<DateTime> date = parse_date_time(text);
  if (!date) return std::nullopt;
  return PostDate{utc_instant(*date), date->time.has_value()};
}

std::string w3c_timestamp(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string iso_day(std::chrono::sys_seconds t) { return w3c_timestamp(t).substr(0, 10); }

std::string w3c_date(const PostDate& date) {
  return date.has_time ? w3c_timestamp(date.utc) : iso_day(date.utc);
}

}  // namespace sheaf::epub
