#include "converters/jekyll/post_name.hpp"

namespace sheaf::jekyll {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads 1..max_digits digits at `pos` followed by '-'; advances past the '-'.
std::optional<int> number_then_dash(std::string_view s, std::size_t& pos, std::size_t min_digits,
                                    std::size_t max_digits) {
  int value = 0;
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n]) && n < max_digits)
    value = value * 10 + (s[pos + n++] - '0');
  if (n < min_digits || pos + n >= s.size() || s[pos + n] != '-') return std::nullopt;
  pos += n + 1;
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::string two_digits(int v) { return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)}; }

}  // namespace

std::optional<PostName> parse_post_name(std::string_view path) {
  if (const std::size_t slash = path.rfind('/'); slash != std::string_view::npos)
    path.remove_prefix(slash + 1);
  std::size_t pos = 0;
  const auto year = number_then_dash(path, pos, 4, 4);
  if (!year) return std::nullopt;
  const auto month = number_then_dash(path, pos, 1, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  const auto day = number_then_dash(path, pos, 1, 2);
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;

  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || dot < pos + 1 || dot + 1 == path.size()) return std::nullopt;
  PostName name;
  name.date = std::to_string(*year) + '-' + two_digits(*month) + '-' + two_digits(*day);
  name.slug = std::string(path.substr(pos, dot - pos));
  return name;
}

std::string title_from_slug(std::string_view slug) {
  // Ruby: slug.split("-").map!(&:capitalize).join(" "); split drops trailing empty fields.
  while (!slug.empty() && slug.back() == '-') slug.remove_suffix(1);
  std::string title;
  title.reserve(slug.size());
  bool word_start = true;
  for (char c : slug) {
    if (c == '-') {
      title += ' ';
      word_start = true;
      continue;
    }
    if (word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    else if (!word_start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    title += c;
    word_start = false;
  }
  return title;
}

}  // namespace sheaf::jekyll
