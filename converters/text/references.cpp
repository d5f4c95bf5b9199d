#include "converters/text/references.hpp"

#include <cctype>

namespace sheaf::text {
namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string_view bare(std::string_view s) {
  s = trim(s);
  for (std::string_view scheme : {"https://", "http://", "mailto:"})
    if (starts_with_ci(s, scheme)) {
      s.remove_prefix(scheme.size());
      break;
    }
  if (starts_with_ci(s, "www.")) s.remove_prefix(4);
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

std::string marker(std::size_t number, bool caret) {
  // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on "[" + to_string(n) + "]".
  std::string out(caret ? "[^" : "[");
  out += std::to_string(number);
  out += ']';
  return out;
}

std::size_t LinkTable::number(const std::string& url) {
  auto [it, added] = numbers_.try_emplace(url, urls_.size() + 1);
  if (added) urls_.push_back(url);
  return it->second;
}

std::size_t NoteQueue::add(const Note& note) {
  notes_.push_back(&note);
  return notes_.size();
}

bool text_names_url(std::string_view text, std::string_view url) {
  const std::string_view a = bare(text), b = bare(url);
  return !a.empty() && equal_ci(a, b);
}

bool is_local_target(std::string_view url) {
  url = trim(url);
  return url.empty() || url.front() == '#' || starts_with_ci(url, "javascript:");
}

}  // namespace sheaf::text
