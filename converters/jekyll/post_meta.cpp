#include "converters/jekyll/post_meta.hpp"

#include <algorithm>

#include "core/date_time.hpp"
#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

bool has_value(const MetaMap& meta, std::string_view key) {
  const MetaValue* v = meta_find(meta, key);
  return v && !std::holds_alternative<MetaNull>(v->value);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The next line of `s` from `pos` (without its LF); pos moves past it.
std::string_view next_line(std::string_view s, std::size_t& pos) {
  std::size_t nl = s.find('\n', pos);
  if (nl == std::string_view::npos) nl = s.size();
  const std::string_view line = s.substr(pos, nl - pos);
  pos = nl < s.size() ? nl + 1 : nl;
  return line;
}

/// `[text](url)` filling the whole line: the URL, else empty.
std::string_view whole_line_link(std::string_view line) {
  line = trim(line);
  if (line.size() < 4 || line.front() != '[' || line.back() != ')') return {};
  const std::size_t mid = line.rfind("](");
  if (mid == std::string_view::npos) return {};
  std::string_view url = line.substr(mid + 2, line.size() - mid - 3);
  if (!url.empty() && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
  return url.find(' ') == std::string_view::npos ? url : std::string_view{};
}

bool underline(std::string_view line) {
  line = trim(line);
  return !line.empty() && (line[0] == '-' || line[0] == '=') &&
         line.find_first_not_of(line[0]) == std::string_view::npos;
}

}  // namespace

void set_derived(MetaMap& meta, std::string_view key, MetaValue value) {
  meta_set(meta, key, std::move(value));
  // The list stays the last field, after every key it names.
  MetaField list{meta_key::derived, MetaValue{MetaList{}}};
  auto it = std::find_if(meta.begin(), meta.end(), [](const MetaField& f) { return f.key == meta_key::derived; });
  if (it != meta.end()) {
    if (std::holds_alternative<MetaList>(it->value.value)) list = std::move(*it);
    meta.erase(it);
  }
  meta.push_back(std::move(list));
  auto& keys = std::get<MetaList>(meta.back().value.value);
  for (const MetaValue& k : keys)
    if (const auto* s = std::get_if<std::string>(&k.value); s && *s == key) return;
  keys.push_back(MetaValue{std::string(key)});
}

void complete_post_meta(MetaMap& meta, const MetaMap* site, const std::string& source_name,
                        Context& context) {
  if (const auto date = meta_string(meta, meta_key::date)) {
    if (const auto parsed = parse_date_time(*date)) {
      set_derived(meta, kDateKey, MetaValue{rfc3339(*parsed)});
    } else {
      context.report(Diagnostic{Severity::warning, "jekyll.date_invalid",
                                "date \"" + *date + "\" is not a date Jekyll reads; kept as written",
                                source_name, SourcePos{}});
    }
  }
  for (const char* key : {meta_key::tags, meta_key::categories}) {
    const MetaValue* v = meta_find(meta, key);
    if (!v || !std::holds_alternative<std::string>(v->value)) continue;
    MetaList words;
    for (std::string& w : meta_string_list(meta, key)) words.push_back(MetaValue{std::move(w)});
    meta_set(meta, key, MetaValue{std::move(words)});
  }
  if (!site) return;
  for (const char* key : {meta_key::author, meta_key::lang})
    if (!has_value(meta, key))
      if (const MetaValue* v = meta_find(*site, key); v && !std::holds_alternative<MetaNull>(v->value))
        set_derived(meta, key, *v);
}

std::string_view strip_mirror_heading(std::string_view body, MetaMap& meta) {
  std::size_t pos = 0;
  std::string_view line;
  while (pos < body.size() && trim(line = next_line(body, pos)).empty()) {}
  const std::string_view comment = trim(line);
  if (!comment.starts_with("<!--") || !comment.ends_with("-->")) return body;
  const std::string_view stamp = comment.substr(4, comment.size() - 7);
  const bool numeric = !stamp.empty() && stamp.find_first_not_of("0123456789") == std::string_view::npos;
  if (!numeric && stamp != "NaN") return body;
  const std::size_t after_comment = pos;
  std::string_view heading = next_line(body, pos);
  std::string_view url;
  if (heading.starts_with("#")) {
    url = whole_line_link(heading.substr(heading.find_first_not_of('#')));
  } else {
    url = whole_line_link(heading);
    if (url.empty() || !underline(next_line(body, pos))) return body;
  }
  if (url.empty()) return body;
  if (!has_value(meta, meta_key::source)) set_derived(meta, meta_key::source, MetaValue{std::string(url)});
  (void)after_comment;
  return body.substr(pos);
}

std::string_view excerpt_source(std::string_view body, const MetaMap& meta, const MetaMap* site) {
  std::string separator = "<!--more-->";
  if (auto s = meta_string(meta, "excerpt_separator")) separator = *s;
  else if (site)
    if (auto c = meta_string(*site, "excerpt_separator")) separator = *c;
  if (separator.empty()) return {};
  const std::size_t at = body.find(separator);
  return at == std::string_view::npos ? std::string_view{} : body.substr(0, at);
}

}  // namespace sheaf::jekyll
