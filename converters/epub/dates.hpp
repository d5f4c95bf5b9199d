#pragma once
// Front-matter dates in the forms real posts use, turned into W3C dates for the package.
//   2024-06-25T23:35:57.314Z   2024-06-25 10:00:00 +0800   2024-06-25T10:00:00+08:00
//   2024-06-25 10:00           2024-06-25                  2024/06/25
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::epub {

struct PostDate {
  std::chrono::sys_seconds utc;  ///< the instant (midnight UTC for a date without a time)
  bool has_time = false;         ///< false for a plain date
};

/// Parses a front-matter date; nullopt when the text is not one of the supported forms or names
/// an impossible date.
std::optional<PostDate> parse_post_date(std::string_view text);

/// W3C date for dc:date: "2024-06-25" for a plain date, else "2024-06-25T15:35:57Z".
std::string w3c_date(const PostDate& date);

/// "YYYY-MM-DDThh:mm:ssZ", the only form dcterms:modified allows.
std::string w3c_timestamp(std::chrono::sys_seconds t);

/// "YYYY-MM-DD" (UTC) for display.
std::string iso_day(std::chrono::sys_seconds t);

}  // namespace sheaf::epub
