#pragma once
// Dates and times in the forms posts write them (front matter, <meta>, JSON), parsed in one place:
// the Jekyll reader normalises them to RFC 3339 (`date_rfc3339`), the EPUB writer turns them into
// the UTC instants of `dc:date`. Standard library only.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sheaf {

/// A zone as written: `Z` (also `z`, `UTC`, `GMT`) or a signed offset from UTC.
struct UtcOffset {
  char sign = 'Z';  ///< 'Z', '+' or '-' (kept for "-00:00", RFC 3339's "offset unknown"); default 'Z'
  int hours = 0;    ///< 0..14; default 0
  int minutes = 0;  ///< 0..59; default 0
};

struct TimeOfDay {
  int hour = 0, minute = 0;          ///< 0..23, 0..59; default 0
  int second = 0;                    ///< 0..60 (60: a leap second); default 0
  std::string fraction;              ///< the digits after the decimal mark as written; default ""
  std::optional<UtcOffset> offset;   ///< nullopt when no zone is written (local time); default nullopt
};

/// A calendar date, checked to exist, with the time of day when one is written.
struct DateTime {
  int year = 0, month = 0, day = 0;  ///< 4-digit year, 1..12, 1..31; default 0
  std::optional<TimeOfDay> time;     ///< nullopt for a plain date; default nullopt
};

/// Parses the forms posts use, nullopt for anything else (including impossible dates and times:
/// 2023-02-29, 25:00, a zone beyond ±14:00):
///   2024-06-25   2013-3-7   2024/06/25                 a date, `-` or `/` (the same twice)
///   2024-06-25T23:35:57.314Z   2024-06-25 10:00:00 +0800   2010-01-09 13:59 -8   2024-06-25 10:00 UTC
/// Date and time are separated by `T`, `t` or blanks; the time is H[H]:MM[:SS[.digits]] (`,` also
/// marks the fraction); the zone is `Z`, `UTC`, `GMT`, `±H`, `±HH`, `±HHMM` or `±HH:MM`,
/// optionally after blanks. Surrounding whitespace is ignored.
[[nodiscard]] std::optional<DateTime> parse_date_time(std::string_view text);

/// RFC 3339 / ISO 8601, the zone kept as written: "2024-06-25", "2024-06-25T10:00:00.5+08:00",
/// "2024-06-25T10:00:00" (no zone written).
[[nodiscard]] std::string rfc3339(const DateTime& date);

/// The instant `date` names. A plain date is midnight UTC; a time without a zone is taken as UTC
/// (nothing written says better, and it is stable); a leap second counts as :59.
[[nodiscard]] std::chrono::sys_seconds utc_instant(const DateTime& date);

}  // namespace sheaf
