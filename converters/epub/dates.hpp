#pragma once
// Post dates (parsed by core/date_time.hpp) as the package writes them: W3C dates for dc:date,
// the one timestamp form dcterms:modified allows, and the day shown under a chapter title.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf::epub {

struct PostDate {
  std::chrono::sys_seconds utc;  ///< the instant (midnight UTC for a date without a time)
  bool has_time = false;         ///< false for a plain date
};

/// A date in any form sheaf::parse_date_time reads, as its UTC instant (sheaf::utc_instant: a time
/// without a zone is UTC); nullopt for anything else.
std::optional<PostDate> parse_post_date(std::string_view text);

/// W3C date for dc:date: "2024-06-25" for a plain date, else "2024-06-25T15:35:57Z".
std::string w3c_date(const PostDate& date);

/// "YYYY-MM-DDThh:mm:ssZ", the only form dcterms:modified allows.
std::string w3c_timestamp(std::chrono::sys_seconds t);

/// "YYYY-MM-DD" (UTC) for display.
std::string iso_day(std::chrono::sys_seconds t);

}  // namespace sheaf::epub
