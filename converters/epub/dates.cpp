#include "converters/epub/dates.hpp"

#include <cstdio>

namespace sheaf::epub {
namespace {

struct Cursor {
  std::string_view s;
  std::size_t pos = 0;
  bool at_end() const { return pos >= s.size(); }
  bool peek(char c) const { return pos < s.size() && s[pos] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++pos;
    return true;
  }
  // Exactly `n` digits.
  std::optional<int> digits(int n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (int i = 0; i < n; ++i) {
      const char c = s[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
  }
  void skip_spaces() {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<PostDate> parse_post_date(std::string_view text) {
  Cursor c{trim(text)};
  const auto year = c.digits(4);
  if (!year) return std::nullopt;
  const char sep = c.peek('/') ? '/' : '-';
  if (!c.eat(sep)) return std::nullopt;
  const auto month = c.digits(2);
  if (!month || !c.eat(sep)) return std::nullopt;
  const auto day = c.digits(2);
  if (!day) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  PostDate out;
  out.utc = std::chrono::sys_days{ymd};
  if (c.at_end()) return out;
  if (!c.eat('T') && !c.eat(' ')) return std::nullopt;
  c.skip_spaces();
  const auto hour = c.digits(2);
  if (!hour || !c.eat(':')) return std::nullopt;
  const auto minute = c.digits(2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (c.eat(':')) {
    const auto s = c.digits(2);
    if (!s) return std::nullopt;
    second = *s;
    if (c.eat('.') || c.eat(','))
      while (!c.at_end() && c.s[c.pos] >= '0' && c.s[c.pos] <= '9') ++c.pos;  // fraction dropped
  }
  if (*hour > 23 || *minute > 59 || second > 60) return std::nullopt;
  c.skip_spaces();
  int offset_minutes = 0;  // local time minus UTC
  if (c.eat('Z') || c.eat('z')) {
  } else if (c.peek('+') || c.peek('-')) {
    const int sign = c.s[c.pos] == '-' ? -1 : 1;
    ++c.pos;
    const auto oh = c.digits(2);
    if (!oh) return std::nullopt;
    c.eat(':');
    const auto om = c.digits(2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset_minutes = sign * (*oh * 60 + *om);
  } else if (c.s.substr(c.pos) == "UTC" || c.s.substr(c.pos) == "GMT") {
    c.pos = c.s.size();
  }
  if (!c.at_end()) return std::nullopt;
  // A time without a zone is taken as UTC: front matter gives no better rule, and it is stable.
  out.utc += std::chrono::hours{*hour} + std::chrono::minutes{*minute - offset_minutes} +
             std::chrono::seconds{second == 60 ? 59 : second};
  out.has_time = true;
  return out;
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
