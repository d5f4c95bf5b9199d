#include "converters/epub/svg_check.hpp"

#include <cctype>

namespace sheaf::epub {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool letter(char c) { return c >= 'a' && c <= 'z'; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Position after `=` and optional spaces/quote when `at` starts `name\s*=`, else npos.
std::size_t value_after(const std::string& s, std::size_t at, std::size_t name_length) {
  std::size_t i = at + name_length;
  while (i < s.size() && space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return std::string::npos;
  ++i;
  while (i < s.size() && (space(s[i]) || s[i] == '"' || s[i] == '\'')) ++i;
  return i;
}

bool local_target(std::string_view value) {
  return value.substr(0, 1) == "#" || value.substr(0, 5) == "data:";
}

}  // namespace

std::string svg_active_content(std::string_view svg) {
  const std::string s = lowered(svg);
  for (std::size_t i = 1; i + 2 < s.size(); ++i) {
    // on<letters>= after a space: an event-handler attribute (onload, onclick, onbegin…).
    if (s[i] == 'o' && s[i + 1] == 'n' && space(s[i - 1])) {
      std::size_t j = i + 2;
      while (j < s.size() && letter(s[j])) ++j;
      if (j > i + 2 && value_after(s, i, j - i) != std::string::npos) return "event attribute";
    }
  }
  for (std::size_t at = s.find("href"); at != std::string::npos; at = s.find("href", at + 4)) {
    const std::size_t v = value_after(s, at, 4);
    if (v != std::string::npos && !local_target(std::string_view(s).substr(v))) return "external reference";
  }
  for (std::size_t at = s.find("url("); at != std::string::npos; at = s.find("url(", at + 4)) {
    std::size_t v = at + 4;
    while (v < s.size() && (space(s[v]) || s[v] == '"' || s[v] == '\'')) ++v;
    if (!local_target(std::string_view(s).substr(v))) return "external reference";
  }
  if (s.find("@import") != std::string::npos) return "external reference";
  if (s.find("<!entity") != std::string::npos) return "entity declaration";
  if (s.find("<?xml-stylesheet") != std::string::npos) return "external reference";
  if (s.find("<script") != std::string::npos) return "script";
  if (s.find("<foreignobject") != std::string::npos) return "foreign object";
  return {};
}

}  // namespace sheaf::epub
