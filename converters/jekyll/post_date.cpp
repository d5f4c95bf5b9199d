#include "converters/jekyll/post_date.hpp"

namespace sheaf::jekyll {
namespace {

/// A left-to-right scanner over the date text; every read either advances or fails.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  [[nodiscard]] bool done() const { return pos_ == s_.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : s_[pos_]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
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
    while (peek() == ' ' || peek() == '\t') ++pos_;
    return pos_ - start;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::string pad2(int v) { return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }

bool valid_day(int year, int month, int day) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && leap ? 29 : days[month - 1]);
}

}  // namespace

std::optional<std::string> normalise_date(std::string_view text) {
  Scanner in(text);
  in.blanks();
  const auto year = in.number(4, 4);
  if (!year || !in.take('-')) return std::nullopt;
  const auto month = in.number(1, 2);
  if (!month || !in.take('-')) return std::nullopt;
  const auto day = in.number(1, 2);
  if (!day || !valid_day(*year, *month, *day)) return std::nullopt;
  std::string out = std::to_string(*year) + '-' + pad2(*month) + '-' + pad2(*day);
  const std::size_t separator = in.blanks();
  if (in.done()) return out;
  if (separator == 0 && !in.take('T') && !in.take('t')) return std::nullopt;

  const auto hour = in.number(1, 2);
  if (!hour || *hour > 23 || !in.take(':')) return std::nullopt;
  const auto minute = in.number(2, 2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0;
  std::string_view fraction;
  if (in.take(':')) {
    const auto s = in.number(2, 2);
    if (!s || *s > 60) return std::nullopt;  // 60: a leap second
    second = *s;
    if (in.take('.')) {
      fraction = in.digits();
      if (fraction.empty()) return std::nullopt;
    }
  }
  out += 'T' + pad2(*hour) + ':' + pad2(*minute) + ':' + pad2(second);
  if (!fraction.empty()) (out += '.') += fraction;

  in.blanks();
  if (in.done()) return out;
  if (in.take('Z') || in.take('z')) {
    out += 'Z';
  } else {
    const char sign = in.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    in.take(sign);
    const auto zone_hour = in.number(1, 2);
    if (!zone_hour || *zone_hour > 14) return std::nullopt;
    int zone_minute = 0;
    const bool colon = in.take(':');
    if (const auto m = in.number(2, 2)) zone_minute = *m;
    else if (colon) return std::nullopt;
    if (zone_minute > 59) return std::nullopt;
    out += sign + pad2(*zone_hour) + ':' + pad2(zone_minute);
  }
  in.blanks();
  return in.done() ? std::optional<std::string>(out) : std::nullopt;
}

}  // namespace sheaf::jekyll
