#include "converters/html/head_metadata.hpp"

#include <algorithm>
#include <array>

#include "converters/html/flow.hpp"
#include "converters/html/json_ld.hpp"
#include "converters/html/libxml_document.hpp"
#include "core/meta.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

std::string trim_collapse(std::string_view s) {
  std::string out = collapse_spaces(s);
  // U+00A0 at the edges (common in bylines) trims like a space.
  while (out.size() >= 2 && out.compare(0, 2, "\xC2\xA0") == 0) out.erase(0, 2);
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "\xC2\xA0") == 0) out.erase(out.size() - 2);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::size_t words(std::string_view s) {
  std::size_t n = 0, cjk = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::decode(s, pos);
    if (cp >= 0x2E80) ++cjk;
    const bool space = cp == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return std::max(n, cjk / 2);  // 6 CJK characters count as 3 words
}

bool same_text(std::string_view a, std::string_view b) { return lower(trim_collapse(a)) == lower(trim_collapse(b)); }

// Fields in precedence order: the first non-empty candidate wins.
struct Candidates {
  std::string title_meta, title_tag, title_h1, author, author_byline, date, date_time, lang,
      description, site, source, og_url, image;
  JsonLdArticle json_ld;
  std::size_t h1_count = 0;
  std::size_t byline_tries = 0;
  std::array<std::size_t, 10> script{};  // see language_from_script
};

void set_first(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

bool is_byline(const xmlNode* el) {
  if (lower(attribute(el, "rel")) == "author") return true;
  if (lower(attribute(el, "itemprop")).find("author") != std::string::npos) return true;
  const std::string match = lower(attribute(el, "class") + " " + attribute(el, "id"));
  for (const char* word : {"byline", "author", "dateline", "writtenby", "p-author"})
    if (match.find(word) != std::string::npos) return true;
  return false;
}

void read_meta(const xmlNode* c, Candidates& k) {
  std::string key = lower(attribute(c, "property"));
  if (key.empty()) key = lower(attribute(c, "name"));
  if (key.empty()) key = lower(attribute(c, "itemprop"));
  const std::string http = lower(attribute(c, "http-equiv"));
  const std::string content = trim_collapse(attribute(c, "content"));
  if (content.empty()) return;
  // property="og:title twitter:title" lists several names (space separated).
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    const std::string name = key.substr(start, end - start);
    start = end + 1;
    if (name == "dc:title" || name == "dcterm:title" || name == "dc.title" || name == "og:title" ||
        name == "twitter:title" || name == "parsely-title" || name == "weibo:article:title")
      set_first(k.title_meta, content);
    else if (name == "author" || name == "dc:creator" || name == "dcterm:creator" || name == "dc.creator" ||
             name == "parsely-author" || (name == "article:author" && content.find("://") == std::string::npos))
      set_first(k.author, content);
    else if (name == "dc:description" || name == "dcterm:description" || name == "og:description" ||
             name == "description" || name == "twitter:description")
      set_first(k.description, content);
    else if (name == "article:published_time" || name == "parsely-pub-date" || name == "date" ||
             name == "dc.date" || name == "dc:date" || name == "pubdate" || name == "publishdate" ||
             name == "datepublished")
      set_first(k.date, content);
    else if (name == "og:site_name") set_first(k.site, content);
    else if (name == "og:url") set_first(k.og_url, content);
    else if (name == "og:image" || name == "twitter:image" || name == "twitter:image:src") set_first(k.image, content);
    if (end == key.size()) break;
  }
  if (http == "content-language") set_first(k.lang, content);
}

void count_script(std::string_view text, Candidates& k);

// One iterative pass over the whole document (no recursion: nesting can be 100,000 deep).
void scan(const xmlNode* root, Candidates& k) {
  const xmlNode* cur = root;
  while (cur) {
    bool descend = cur->type == XML_ELEMENT_NODE;
    if (cur->type == XML_ELEMENT_NODE) {
      const auto name = element_name(cur);
      if (name == "title" && k.title_tag.empty()) {
        k.title_tag = trim_collapse(text_content(cur));
        descend = false;
      } else if (name == "meta") {
        read_meta(cur, k);
      } else if (name == "link") {
        if (lower(attribute(cur, "rel")) == "canonical") set_first(k.source, trim_collapse(attribute(cur, "href")));
      } else if (name == "script") {
        if (lower(attribute(cur, "type")) == "application/ld+json") read_json_ld(text_content(cur), k.json_ld);
        descend = false;
      } else if (name == "style" || name == "noscript" || name == "template") {
        descend = false;
      } else if (name == "h1") {
        if (++k.h1_count == 1) k.title_h1 = trim_collapse(text_content(cur));
      } else if (name == "time" && k.date_time.empty() && has_attribute(cur, "datetime")) {
        k.date_time = trim_collapse(attribute(cur, "datetime"));
      } else if (k.author_byline.empty() && k.byline_tries < 16 && name != "html" && name != "body" &&
                 name != "meta" && is_byline(cur)) {
        ++k.byline_tries;  // each try reads a subtree: a cap keeps nested "author" wrappers linear
        std::string text = trim_collapse(text_content(cur));
        if (!text.empty() && text.size() < 100) {
          k.author_byline = std::move(text);
          descend = false;
        }
      }
    } else if (cur->type == XML_TEXT_NODE) {
      count_script(node_text(cur), k);
    }
    if (descend && cur->children) { cur = cur->children; continue; }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) break;
    cur = cur->next;
  }
}

enum Script : std::size_t { latin, han, kana, hangul, cyrillic, arabic, hebrew, thai, greek, devanagari };

void count_script(std::string_view text, Candidates& k) {
  if (k.script[latin] + k.script[han] + k.script[hangul] + k.script[cyrillic] > 200000) return;  // enough
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp < 0x80) { if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++k.script[latin]; continue; }
    if (cp >= 0x3040 && cp <= 0x30FF) ++k.script[kana];
    else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) ++k.script[han];
    else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) ++k.script[hangul];
    else if (cp >= 0x0400 && cp <= 0x04FF) ++k.script[cyrillic];
    else if (cp >= 0x0600 && cp <= 0x06FF) ++k.script[arabic];
    else if (cp >= 0x0590 && cp <= 0x05FF) ++k.script[hebrew];
    else if (cp >= 0x0E00 && cp <= 0x0E7F) ++k.script[thai];
    else if (cp >= 0x0370 && cp <= 0x03FF) ++k.script[greek];
    else if (cp >= 0x0900 && cp <= 0x097F) ++k.script[devanagari];
    else if (cp < 0x0250) ++k.script[latin];
  }
}

std::string guess_language(const std::array<std::size_t, 10>& s) {
  std::size_t total = 0;
  for (std::size_t n : s) total += n;
  if (total < 20) return {};
  // Japanese mixes kana into Han; a tenth of kana is decisive.
  if (s[kana] * 10 >= s[kana] + s[han] && s[kana] >= 5) return "ja";
  const std::size_t best = static_cast<std::size_t>(std::max_element(s.begin(), s.end()) - s.begin());
  // CJK characters carry about three Latin letters' worth of text each.
  if (best == latin && s[han] * 3 > s[latin]) return "zh";
  if (best == latin && s[hangul] * 3 > s[latin]) return "ko";
  switch (best) {
    case han: return "zh";
    case kana: return "ja";
    case hangul: return "ko";
    case cyrillic: return "ru";
    case arabic: return "ar";
    case hebrew: return "he";
    case thai: return "th";
    case greek: return "el";
    case devanagari: return "hi";
    default: return {};
  }
}

}  // namespace

std::string language_from_script(std::string_view text) {
  Candidates k;
  count_script(text, k);
  return guess_language(k.script);
}

std::string strip_site_name(std::string_view title_in, std::string_view site) {
  const std::string title = trim_collapse(title_in);
  static constexpr std::array<std::string_view, 12> kSeparators = {
      " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", "｜", " ｜ ", "_", " -- "};
  // The last and the first separator occurrence in the title.
  std::size_t last = std::string::npos, last_len = 0, first = std::string::npos, first_len = 0;
  for (std::string_view sep : kSeparators) {
    const auto r = title.rfind(sep);
    if (r != std::string::npos && (last == std::string::npos || r > last)) { last = r; last_len = sep.size(); }
    const auto f = title.find(sep);
    if (f != std::string::npos && (first == std::string::npos || f < first)) { first = f; first_len = sep.size(); }
  }
  if (last == std::string::npos) return title;
  const std::string head = trim_collapse(title.substr(0, last));
  const std::string tail = trim_collapse(title.substr(first + first_len));
  if (!site.empty()) {
    if (same_text(title.substr(last + last_len), site)) return head;
    if (same_text(title.substr(0, first), site)) return tail;
  }
  if (words(head) >= 3) return head;
  if (words(tail) >= 3 && first == last) return tail;
  return title;
}

MetaMap head_metadata(const xmlNode* root, bool* title_from_h1) {
  MetaMap meta;
  if (title_from_h1) *title_from_h1 = false;
  if (!root) return meta;
  Candidates k;
  k.lang = trim_collapse(attribute(root, "lang"));
  if (k.lang.empty()) k.lang = trim_collapse(attribute(root, "xml:lang"));
  scan(root, k);
  const JsonLdArticle& ld = k.json_ld;

  std::string site = !ld.site_name.empty() ? trim_collapse(ld.site_name) : k.site;
  if (site.empty()) site = k.site;
  std::string title = trim_collapse(ld.headline);
  if (title.empty()) title = k.title_meta;
  if (title.empty() && !k.title_tag.empty()) title = strip_site_name(k.title_tag, site);
  if (title.empty() && k.h1_count == 1) {
    title = k.title_h1;
    if (title_from_h1) *title_from_h1 = true;
  }
  std::string author = trim_collapse(ld.author);
  if (author.empty()) author = k.author;
  if (author.empty()) author = k.author_byline;
  std::string date = trim_collapse(ld.date_published);
  if (date.empty()) date = k.date;
  if (date.empty()) date = k.date_time;
  std::string lang = k.lang.empty() ? guess_language(k.script) : k.lang;
  std::string description = trim_collapse(ld.description);
  if (description.empty()) description = k.description;
  std::string source = k.source.empty() ? k.og_url : k.source;
  std::string image = k.image.empty() ? trim_collapse(ld.image) : k.image;

  auto add = [&](const char* key, std::string value) {
    if (!value.empty()) meta_set(meta, key, MetaValue{std::move(value)});
  };
  add(meta_key::title, title);
  add(meta_key::author, author);
  add(meta_key::date, date);
  add(meta_key::lang, lang);
  add(meta_key::description, description);
  add("site", site);
  add(meta_key::source, source);
  add(meta_key::image, image);
  return meta;
}

}  // namespace sheaf::html
