#include "converters/markdown/md_front_matter.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include "core/meta.hpp"
#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::markdown {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Words YAML 1.1 or 1.2 resolve to null, bool or special floats (y/n included: YAML 1.1 lists
/// them although Psych does not use them).
bool is_reserved_word(std::string_view s) {
  static constexpr std::string_view words[] = {"~",   "null", "true", "false", "yes", "no",
                                                "on",  "off",  "y",    "n",     ".inf", "+.inf",
                                                "-.inf", ".nan", "<<",  "="};
  for (std::string_view w : words)
    if (iequals(s, w)) return true;
  return false;
}

bool all_of(std::string_view s, std::string_view allowed) {
  if (s.empty()) return false;
  for (char c : s)
    if (allowed.find(c) == std::string_view::npos) return false;
  return true;
}

/// A superset of every number form of YAML 1.1 (with `_`, `,` and sexagesimal `:`) and YAML 1.2
/// (with exponents): such a string must be quoted to stay a string.
bool looks_numeric(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.size() > 2 && s[0] == '0') {
    const char m = lower(s[1]);
    if (m == 'x') return all_of(s.substr(2), "0123456789abcdefABCDEF_,");
    if (m == 'o') return all_of(s.substr(2), "01234567_");
    if (m == 'b') return all_of(s.substr(2), "01_");
  }
  if (s.empty() || !(is_digit(s[0]) || s[0] == '.')) return false;
  std::string_view mantissa = s;
  if (const auto e = s.find_first_of("eE"); e != std::string_view::npos) {
    std::string_view exp = s.substr(e + 1);
    if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.remove_prefix(1);
    if (!all_of(exp, "0123456789")) return false;
    mantissa = s.substr(0, e);
  }
  if (!all_of(mantissa, "0123456789_,.:")) return false;
  for (char c : mantissa)
    if (is_digit(c)) return true;
  return false;
}

bool is_indicator(char c) {
  return std::string_view("-?:,[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos;
}

bool needs_quotes(std::string_view s, bool in_flow) {
  if (s.empty() || is_reserved_word(s) || looks_numeric(s)) return true;
  if (is_indicator(s[0]) || s[0] == ' ' || s.back() == ' ' || s.back() == ':') return true;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(s, pos);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF || cp == utf8::replacement)
      return true;
    if (cp == ':' && at + 1 < s.size() && s[at + 1] == ' ') return true;
    if (cp == '#' && at > 0 && s[at - 1] == ' ') return true;
    if (in_flow && (cp == ',' || cp == '[' || cp == ']' || cp == '{' || cp == '}')) return true;
  }
  return false;
}

void append_hex(std::string& out, char prefix, char32_t cp, int digits) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '\\';
  out += prefix;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::decode(s, pos);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\0': out += "\\0"; continue;
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\t': out += "\\t"; continue;
      case '\n': out += "\\n"; continue;
      case '\v': out += "\\v"; continue;
      case '\f': out += "\\f"; continue;
      case '\r': out += "\\r"; continue;
      case 0x1B: out += "\\e"; continue;
      case 0x85: out += "\\N"; continue;
      case 0x2028: out += "\\L"; continue;
      case 0x2029: out += "\\P"; continue;
      default: break;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
      append_hex(out, 'x', cp, 2);
    else if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
      append_hex(out, 'u', cp, 4);
    else
      utf8::append(out, cp);
  }
  out += '"';
  return out;
}

/// Shortest text that reads back as the same double and that Jekyll's reader (and YAML 1.2) types
/// as a float: always a '.', an exponent always signed.
std::string format_double(double d) {
  if (std::isnan(d)) return ".nan";
  if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, res.ptr);
  const auto e = s.find('e');
  const std::string mantissa = s.substr(0, e);
  std::string exponent = e == std::string::npos ? "" : s.substr(e);
  std::string out = mantissa;
  if (mantissa.find('.') == std::string::npos) out += ".0";
  if (!exponent.empty()) {
    out += 'e';
    if (exponent[1] != '+' && exponent[1] != '-') out += '+';
    out.append(exponent, 1, std::string::npos);
  }
  return out;
}

bool is_scalar(const MetaValue& v) {
  return !std::holds_alternative<MetaList>(v.value) && !std::holds_alternative<MetaMap>(v.value);
}

std::string scalar_text(const MetaValue& v, bool in_flow) {
  return std::visit(
      overloaded{
          [](const MetaNull&) { return std::string("null"); },
          [](bool b) { return std::string(b ? "true" : "false"); },
          [](std::int64_t i) { return std::to_string(i); },
          [](double d) { return format_double(d); },
          [&](const std::string& s) { return md_yaml_string(s, in_flow); },
          // Containers are written by write_value; these two are never asked for as scalars.
          [](const MetaList&) { return std::string("[]"); },
          [](const MetaMap&) { return std::string("{}"); },
      },
      v.value);
}

class YamlWriter {
 public:
  explicit YamlWriter(std::string& out) : out_(out) {}

  void write_map(const MetaMap& map, std::size_t indent) {
    for (const MetaField& field : map) {
      out_.append(indent, ' ');
      out_ += md_yaml_string(field.key, false);
      out_ += ':';
      write_after_key(field.value, indent);
    }
  }

 private:
  /// A value after `key:` (or after `- `): inline for scalars and empty or flow containers, else
  /// on the following lines.
  void write_after_key(const MetaValue& value, std::size_t indent) {
    if (const auto* list = std::get_if<MetaList>(&value.value)) {
      if (auto flow = flow_list(*list, indent)) {
        out_ += ' ';
        out_ += *flow;
        out_ += '\n';
        return;
      }
      out_ += '\n';
      write_list(*list, indent + 2);
      return;
    }
    if (const auto* map = std::get_if<MetaMap>(&value.value)) {
      if (map->empty()) {
        out_ += " {}\n";
        return;
      }
      out_ += '\n';
      write_map(*map, indent + 2);
      return;
    }
    out_ += ' ';
    out_ += scalar_text(value, false);
    out_ += '\n';
  }

  void write_list(const MetaList& list, std::size_t indent) {
    for (const MetaValue& item : list) {
      out_.append(indent, ' ');
      out_ += '-';
      if (const auto* map = std::get_if<MetaMap>(&item.value); map && !map->empty()) {
        // `- key: v` then the other keys aligned under the first one.
        out_ += ' ';
        std::string nested;
        YamlWriter(nested).write_map(*map, indent + 2);
        out_ += std::string_view(nested).substr(indent + 2);
        continue;
      }
      if (const auto* sub = std::get_if<MetaList>(&item.value); sub && !sub->empty() &&
                                                                 !flow_list(*sub, indent)) {
        out_ += '\n';
        write_list(*sub, indent + 2);
        continue;
      }
      write_after_key(item, indent);
    }
  }

  /// `[a, b]` when every item is a scalar and the line stays within 80 columns; `[]` when empty.
  static std::optional<std::string> flow_list(const MetaList& list, std::size_t indent) {
    if (list.empty()) return std::string("[]");
    std::string s = "[";
    for (const MetaValue& item : list) {
      if (!is_scalar(item)) return std::nullopt;
      if (s.size() > 1) s += ", ";
      s += scalar_text(item, true);
    }
    s += ']';
    if (indent + s.size() > 72) return std::nullopt;
    return s;
  }

  std::string& out_;
};

}  // namespace

std::string md_yaml_string(const std::string& s, bool in_flow) {
  return needs_quotes(s, in_flow) ? double_quoted(s) : s;
}

std::string md_front_matter(const MetaMap& all) {
  // Keys a reader derived (meta_key::derived) are not the source's own: they stay out.
  MetaMap meta;
  const MetaValue* derived = meta_find(all, meta_key::derived);
  const auto is_derived = [&](const std::string& key) {
    if (key == meta_key::derived) return true;
    if (!derived || !std::holds_alternative<MetaList>(derived->value)) return false;
    for (const MetaValue& k : std::get<MetaList>(derived->value))
      if (const auto* s = std::get_if<std::string>(&k.value); s && *s == key) return true;
    return false;
  };
  for (const MetaField& f : all)
    if (!is_derived(f.key)) meta.push_back(f);
  if (meta.empty()) return {};
  std::string out = "---\n";
  YamlWriter(out).write_map(meta, 0);
  out += "---\n";
  return out;
}

}  // namespace sheaf::markdown
