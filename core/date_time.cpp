#include "core/date_time.hpp"

namespace sheaf {
namespace {

/// A left-to-right scanner over the date text; every read either advances or fails.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  [[nodiscard]] bool done() const { return pos_ == s_.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : s_[pos_]; }
  [[nodiscard]] std::string_view rest() const { return s_.substr(pos_); }
  bool take(char c) {
    if (done() || peek() != c) return false;
    ++pos_;
    return true;
  }
  bool take(std::string_view word) {
    if (rest().substr(0, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  /// min..max digits as a number; nullopt (and no advance) when fewer than min are there.
  std::optional<int> number(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    int value = 0;
    while (n < max && pos_ + n < s_.size() && s_[pos_ + n] >= '0' && s_[pos_ + n] <= '9')
      value = value * 10 + (s_[pos_ + n++] - '0');
    if (n < min) return std::nullopt;
    pos_ += n;
    return value;
  }
  std::string_view digits() {
    const std::size_t start = pos_;
    while (!done() && peek() >= '0' && peek() <= '9') ++pos_;
    return s_.substr(start, pos_ - start);
  }
  std::size_t blanks() {
    const std::size_t start = pos_;
    while (!done() && (peek() == ' ' || peek() == '\t')) ++pos_;
    return pos_ - start;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string pad2(int v) { return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }
std::string pad4(int v) { return pad2(v / 100) + pad2(v % 100); }

std::chrono::year_month_day calendar_day(const DateTime& d) {
  return {std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
          std::chrono::day{static_cast<unsigned>(d.day)}};
}

/// `Z`, `UTC`, `GMT` or ±H[H][[:]MM]; nullopt when none is there or it is out of range.
std::optional<UtcOffset> parse_offset(Scanner& in) {
  if (in.take('Z') || in.take('z') || in.take("UTC") || in.take("GMT")) return UtcOffset{};
  const char sign = in.peek();
  if (sign != '+' && sign != '-') return std::nullopt;
  in.take(sign);
  UtcOffset zone{sign};
  const auto hours = in.number(1, 2);
  if (!hours || *hours > 14) return std::nullopt;
  zone.hours = *hours;
  const bool colon = in.take(':');
  if (const auto minutes = in.number(2, 2)) zone.minutes = *minutes;
  else if (colon) return std::nullopt;
  if (zone.minutes > 59) return std::nullopt;
  return zone;
}

/// H[H]:MM[:SS[(.|,)digits]] [blanks] [zone]
std::optional<TimeOfDay> parse_time(Scanner& in) {
  TimeOfDay t;
  const auto hour = in.number(1, 2);
  if (!hour || *hour > 23 || !in.take(':')) return std::nullopt;
  const auto minute = in.number(2, 2);
  if (!minute || *minute > 59) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  if (in.take(':')) {
    const auto second = in.number(2, 2);
    if (!second || *second > 60) return std::nullopt;
    t.second = *second;
    if (in.take('.') || in.take(',')) {
      t.fraction = std::string(in.digits());
      if (t.fraction.empty()) return std::nullopt;
    }
  }
  in.blanks();
  if (in.done()) return t;
  t.offset = parse_offset(in);
  if (!t.offset) return std::nullopt;
  return t;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view text) {
  Scanner in(trim(text));
  DateTime out;
  const auto year = in.number(4, 4);
  const char separator = in.peek();
  if (!year || (separator != '-' && separator != '/')) return std::nullopt;
  in.take(separator);
  const auto month = in.number(1, 2);
  if (!month || !in.take(separator)) return std::nullopt;
  const auto day = in.number(1, 2);
  if (!day) return std::nullopt;
  out.year = *year;
  out.month = *month;
  out.day = *day;
  if (!calendar_day(out).ok()) return std::nullopt;
  if (in.done()) return out;
  if (in.blanks() == 0 && !in.take('T') && !in.take('t')) return std::nullopt;
  in.blanks();
  out.time = parse_time(in);
  if (!out.time || !in.done()) return std::nullopt;
  return out;
}

std::string rfc3339(const DateTime& date) {
  std::string out = pad4(date.year) + '-' + pad2(date.month) + '-' + pad2(date.day);
  if (!date.time) return out;
  const TimeOfDay& t = *date.time;
  out += 'T' + pad2(t.hour) + ':' + pad2(t.minute) + ':' + pad2(t.second);
  if (!t.fraction.empty()) (out += '.') += t.fraction;
  if (!t.offset) return out;
  if (t.offset->sign == 'Z') return out + 'Z';
  return out + t.offset->sign + pad2(t.offset->hours) + ':' + pad2(t.offset->minutes);
}

std::chrono::sys_seconds utc_instant(const DateTime& date) {
  std::chrono::sys_seconds instant = std::chrono::sys_days{calendar_day(date)};
  if (!date.time) return instant;
  const TimeOfDay& t = *date.time;
  int offset_minutes = 0;  // local time minus UTC
  if (t.offset && t.offset->sign != 'Z')
    offset_minutes = (t.offset->sign == '-' ? -1 : 1) * (t.offset->hours * 60 + t.offset->minutes);
  return instant + std::chrono::hours{t.hour} + std::chrono::minutes{t.minute - offset_minutes} +
         std::chrono::seconds{t.second == 60 ? 59 : t.second};
}

}  // namespace sheaf
