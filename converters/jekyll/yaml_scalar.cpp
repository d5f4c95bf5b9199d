#include "converters/jekyll/yaml_scalar.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace sheaf::jekyll {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

bool iequals_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (iequals(s, w)) return true;
  return false;
}

bool is_digit(char c, int base) {
  switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 10: return c >= '0' && c <= '9';
    default: return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f');
  }
}

/// Digits of `base` with `_` separators (Psych drops them), at least one digit; the digits only.
std::optional<std::string> digits_with_underscores(std::string_view s, int base) {
  std::string out;
  for (char c : s) {
    if (c == '_') continue;
    if (!is_digit(c, base)) return std::nullopt;
    out += c;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<std::int64_t> to_int64(std::string_view digits, int base, bool negative) {
  // Parse the magnitude as unsigned so INT64_MIN is representable.
  std::uint64_t magnitude = 0;
  const auto res = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (res.ec != std::errc{} || res.ptr != digits.data() + digits.size()) return std::nullopt;
  constexpr std::uint64_t max = std::numeric_limits<std::int64_t>::max();
  if (negative) {
    if (magnitude > max + 1) return std::nullopt;
    return magnitude == max + 1 ? std::numeric_limits<std::int64_t>::min()
                                : -static_cast<std::int64_t>(magnitude);
  }
  if (magnitude > max) return std::nullopt;
  return static_cast<std::int64_t>(magnitude);
}

/// Psych's INTEGER without the comma form, plus YAML 1.2's `0o`. nullopt: not an integer
/// (or one beyond int64, which stays text).
std::optional<std::int64_t> parse_integer(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || !is_digit(s[0], 10)) return std::nullopt;
  int base = 10;
  std::string_view body = s;
  if (s.size() > 1 && s[0] == '0') {
    const char marker = s[1];  // lower case only, as in YAML
    if (marker == 'x') { base = 16; body = s.substr(2); }
    else if (marker == 'b') { base = 2; body = s.substr(2); }
    else if (marker == 'o') { base = 8; body = s.substr(2); }
    else { base = 8; body = s.substr(1); }  // YAML 1.1: a leading zero means octal
  } else {
    // Decimal: an underscore must sit between digits ([1-9](?:[0-9]|_[0-9])*).
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] == '_' && (i + 1 == s.size() || s[i + 1] == '_')) return std::nullopt;
  }
  const auto digits = digits_with_underscores(body, base);
  if (!digits) return std::nullopt;
  return to_int64(*digits, base, negative);
}

/// [-+]?([0-9][0-9_]*)?\.[0-9]*([eE][-+][0-9]+)? with at least one digit. The digits are copied
/// into a form from_chars takes: no sign or `_`, a zero on each side of the point when missing.
std::optional<double> parse_float(std::string_view s) {
  std::string clean;
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  const std::size_t integer_start = i;
  if (i < s.size() && is_digit(s[i], 10))
    for (; i < s.size() && (is_digit(s[i], 10) || s[i] == '_'); ++i)
      if (s[i] != '_') clean += s[i];
  const bool integer_digits = i > integer_start;
  if (i >= s.size() || s[i] != '.') return std::nullopt;
  ++i;
  if (!integer_digits) clean += '0';
  clean += '.';
  const std::size_t fraction_start = i;
  for (; i < s.size() && is_digit(s[i], 10); ++i) clean += s[i];
  const bool fraction_digits = i > fraction_start;
  if (!integer_digits && !fraction_digits) return std::nullopt;
  if (!fraction_digits) clean += '0';
  if (i < s.size() && lower(s[i]) == 'e') {
    if (i + 1 >= s.size() || (s[i + 1] != '+' && s[i + 1] != '-')) return std::nullopt;
    clean += 'e';
    clean += s[i + 1];
    i += 2;
    const std::size_t exponent_start = i;
    for (; i < s.size() && is_digit(s[i], 10); ++i) clean += s[i];
    if (i == exponent_start) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  const auto res = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (res.ec == std::errc::result_out_of_range)
    value = std::numeric_limits<double>::infinity();  // as Ruby's Float("1.0e+999")
  else if (res.ec != std::errc{} || res.ptr != clean.data() + clean.size())
    return std::nullopt;
  return negative ? -value : value;
}

}  // namespace

MetaValue resolve_plain_scalar(std::string_view text) {
  if (text.empty() || text == "~" || iequals(text, "null")) return MetaValue{MetaNull{}};
  if (iequals_any(text, {"yes", "true", "on"})) return MetaValue{true};
  if (iequals_any(text, {"no", "false", "off"})) return MetaValue{false};
  if (iequals_any(text, {".inf", "+.inf"})) return MetaValue{std::numeric_limits<double>::infinity()};
  if (iequals(text, "-.inf")) return MetaValue{-std::numeric_limits<double>::infinity()};
  if (iequals(text, ".nan")) return MetaValue{std::numeric_limits<double>::quiet_NaN()};
  if (text.find('\n') == std::string_view::npos) {
    if (const auto i = parse_integer(text)) return MetaValue{*i};
    if (const auto d = parse_float(text)) return MetaValue{*d};
  }
  return MetaValue{std::string(text)};
}

}  // namespace sheaf::jekyll
