#include "converters/html/main_content.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "converters/html/element_kinds.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/url_parts.hpp"
#include "converters/html/widgets.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

struct Stats {
  std::size_t text = 0;    // code points of non-space text, script/style excluded
  std::size_t link = 0;    // of which inside <a href>
  std::size_t commas = 0;  // , ， 、: a clause count, as Readability scores
  bool has_block = false;  // a block-level child element
  double score = 0;        // paragraph score gathered from children and grandchildren
};

using StatsMap = std::unordered_map<const xmlNode*, Stats>;

// Elements under script/noscript/template were not gathered: they count as empty.
const Stats& stat(const StatsMap& stats, const xmlNode* n) {
  static const Stats kEmpty{};
  auto it = stats.find(n);
  return it == stats.end() ? kEmpty : it->second;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_block_kind(ElementKind k) {
  switch (k) {
    case ElementKind::block_container: case ElementKind::paragraph: case ElementKind::heading:
    case ElementKind::bullet_list: case ElementKind::ordered_list: case ElementKind::list_item:
    case ElementKind::block_quote: case ElementKind::preformatted: case ElementKind::table:
    case ElementKind::figure: case ElementKind::definition_list: case ElementKind::thematic_break:
      return true;
    default:
      return false;
  }
}

void count_text(std::string_view s, Stats& st) {
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::decode(s, pos);
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0) continue;
    ++st.text;
    if (cp == ',' || cp == 0xFF0C || cp == 0x3001) ++st.commas;
  }
}

// The elements Readability scores (p, pre, td, section, h2–h6), plus a <div> whose text is written
// straight in it (no block child).
bool is_paragraph_like(const xmlNode* el, const Stats& st) {
  const auto name = element_name(el);
  if (name == "p" || name == "pre" || name == "td" || name == "section" || name == "h2" || name == "h3" ||
      name == "h4" || name == "h5" || name == "h6")
    return true;
  return name == "div" && !st.has_block;
}

// Post-order without recursion: a node is finished when the walk leaves it, and adds its numbers
// to its parent, so every text byte is counted once.
StatsMap gather(const xmlNode* root) {
  StatsMap stats;
  const xmlNode* cur = root;
  auto finish = [&](const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return;
    Stats& st = stats[n];
    if (element_name(n) == "a" && has_attribute(n, "href")) st.link = st.text;
    if (n == root || !n->parent) return;
    Stats& parent = stats[n->parent];
    parent.text += st.text;
    parent.link += st.link;
    parent.commas += st.commas;
    if (is_block_kind(element_kind(element_name(n)))) parent.has_block = true;
    if (st.text >= 25 && is_paragraph_like(n, st)) {
      const double s = 1.0 + static_cast<double>(st.commas) + std::min(static_cast<double>(st.text) / 100.0, 3.0);
      // Five ancestors share the score: parent fully, grandparent half, then a third per level.
      const xmlNode* a = n->parent;
      for (int level = 0; level < 5 && a && a->type == XML_ELEMENT_NODE; ++level, a = a->parent) {
        stats[a].score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
        if (a == root) break;
      }
    }
  };
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      stats.try_emplace(cur);
      const auto name = element_name(cur);
      const bool opaque = name == "script" || name == "style" || name == "noscript" || name == "template";
      if (cur->children && !opaque) { cur = cur->children; continue; }
    } else if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) && cur->parent) {
      count_text(node_text(cur), stats[cur->parent]);
    }
    // Leave finished nodes upwards until one has a next sibling.
    while (cur) {
      finish(cur);
      if (cur == root) return stats;
      if (cur->next) { cur = cur->next; break; }
      cur = cur->parent;
    }
  }
  return stats;
}

using Rule = CleanRule;

bool has_token(const std::string& words, std::string_view token) {
  for (std::size_t p = words.find(token); p != std::string::npos; p = words.find(token, p + 1)) {
    const bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(words[p - 1]));
    const std::size_t e = p + token.size();
    const bool right = e >= words.size() || !std::isalnum(static_cast<unsigned char>(words[e]));
    if (left && right) return true;
  }
  return false;
}

bool has_part(const std::string& words, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts)
    if (words.find(p) != std::string::npos) return true;
  return false;
}

// Elements that carry article content by their kind are never dropped by a class or id rule.
bool protected_kind(std::string_view name) {
  return name == "figure" || name == "img" || name == "picture" || name == "table" || name == "pre" ||
         name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "h5" || name == "h6" ||
         name == "blockquote" || name == "article" || name == "main" || name == "body" || name == "p" ||
         name == "figcaption" || name == "tr" || name == "td" || name == "th" || name == "code";
}

struct Judge {
  bool page;
  const ReaderOptions& options;
  std::size_t total_text;  // of the content root: the guard's reference

  std::optional<Rule> operator()(const xmlNode* el, const Stats& st) const {
    const auto name = element_name(el);
    const std::string role = lower(attribute(el, "role"));
    if (name == "nav" || role == "navigation" || role == "menubar" || role == "search") return Rule::navigation;
    if (page) {
      const std::string style = lower(attribute(el, "style"));
      if (has_attribute(el, "hidden") || style.find("display:none") != std::string::npos ||
          style.find("display: none") != std::string::npos || lower(attribute(el, "aria-hidden")) == "true")
        if (!protected_kind(name)) return Rule::hidden;
      if (name == "footer" || name == "aside" || role == "contentinfo" || role == "complementary" ||
          role == "banner" || role == "dialog" || role == "alertdialog")
        return Rule::page_furniture;
    }
    if (protected_kind(name)) return std::nullopt;
    // A wrapper holding a quarter of the text (and 200+ characters) is content whatever its class
    // says ("has-sidebar").
    // Half of the text is content at any size (a short post in <div class="has-comments">).
    if (st.text * 4 >= total_text && (st.text >= 200 || st.text * 2 >= total_text)) return std::nullopt;
    const std::string words = lower(attribute(el, "class") + " " + attribute(el, "id"));
    if (words.size() > 1) {
      if (has_part(words, {"comment", "disqus", "respond", "replies"})) return Rule::comments;
      // "Related articles" blocks: marked (or dropped with --drop-related) by the caller; no other
      // rule may take them ("view-related promoted" is not an ad).
      if (has_part(words, {"related", "recommend", "more-stories", "read-more", "also-read", "most-popular"}))
        return Rule::related;
      if (has_part(words, {"share", "sharing", "social", "addthis", "sharedaddy"}) || has_token(words, "toolbar"))
        return Rule::share;
      // "promo" only as a whole word: Drupal's "node-promoted" marks featured articles, not ads.
      if (has_part(words, {"advert", "adsbygoogle", "sponsor", "dfp-", "gpt-ad", "outbrain", "taboola"}) ||
          has_token(words, "ad") || has_token(words, "ads") || has_token(words, "promo"))
        return Rule::ads;
      if (has_part(words, {"cookie", "consent", "gdpr", "newsletter", "subscribe", "paywall", "popup"}) ||
          has_token(words, "modal"))
        return Rule::notices;
      if (has_part(words, {"breadcrumb", "pagination", "navbar", "skip-link"}) || has_token(words, "nav") ||
          has_token(words, "menu") || has_token(words, "pager"))
        return Rule::navigation;
      if (page && (has_part(words, {"sidebar", "masthead"}) || has_token(words, "footer")))
        return Rule::page_furniture;
    }
    // Link rails: blocks that are mostly link text (menus, "more stories", tag clouds).
    if (page && st.text > 0 && st.score == 0 && st.link * 10 > st.text * 6 &&
        (name == "ul" || name == "ol" || name == "div" || name == "section" || name == "header"))
      return Rule::link_rail;
    return std::nullopt;
  }
};

std::string describe(const xmlNode* el) {
  std::string out(element_name(el));
  const std::string id = attribute(el, "id");
  if (!id.empty()) return out + "#" + id;
  std::string cls = attribute(el, "class");
  if (const auto sp = cls.find(' '); sp != std::string::npos) cls.resize(sp);
  return cls.empty() ? out : out + "." + cls;
}

// The only element named `tag` under `root` with real text, when there is exactly one.
const xmlNode* single(const xmlNode* root, std::string_view tag, const StatsMap& stats, std::size_t min_text) {
  const xmlNode* found = nullptr;
  const xmlNode* cur = root;
  while (cur) {
    bool descend = cur->type == XML_ELEMENT_NODE;
    if (cur->type == XML_ELEMENT_NODE && element_name(cur) == tag) {
      auto it = stats.find(cur);
      if (it != stats.end() && it->second.text >= min_text) {
        if (found) return nullptr;
        found = cur;
      }
      descend = false;  // nested ones belong to this one
    }
    if (descend && cur->children) { cur = cur->children; continue; }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) break;
    cur = cur->next;
  }
  return found;
}

double weighted(const xmlNode* el, const Stats& st) {
  const std::string words = lower(attribute(el, "class") + " " + attribute(el, "id"));
  double w = 0;
  if (has_part(words, {"article", "content", "entry", "post", "story", "body", "main", "text"})) w += 25;
  if (has_part(words, {"comment", "sidebar", "footer", "related", "share", "social", "menu", "nav", "promo"})) w -= 25;
  const double density = st.text ? static_cast<double>(st.link) / static_cast<double>(st.text) : 0;
  return (st.score + w) * (1.0 - density);
}

const xmlNode* previous_element(const xmlNode* n) {
  for (n = n->prev; n; n = n->prev)
    if (n->type == XML_ELEMENT_NODE) return n;
  return nullptr;
}

// True when one of the image's sources has the file name `file` (og:image's).
bool image_matches(const xmlNode* img, std::string_view file) {
  if (file.empty() || is_decorative_image(img)) return false;
  for (const char* a : {"src", "data-src", "data-original", "data-lazy-src"})
    if (url_file_name(attribute(img, a)) == file) return true;
  for (const char* a : {"srcset", "data-srcset"})
    if (std::string best = best_srcset_candidate(attribute(img, a)); !best.empty() && url_file_name(best) == file)
      return true;
  return false;
}

// First element under `root` (document order, `root` excluded, `skip`'s subtree skipped) for which
// `pred` holds.
template <class Pred>
const xmlNode* find_element(const xmlNode* root, const xmlNode* skip, Pred pred) {
  const xmlNode* cur = root->children;
  while (cur) {
    bool descend = cur->type == XML_ELEMENT_NODE && cur != skip;
    if (descend && pred(cur)) return cur;
    if (descend && cur->children) { cur = cur->children; continue; }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) break;
    cur = cur->next;
  }
  return nullptr;
}

// The lead image of a page when extraction kept a root that leaves it out (a figure just before
// <article>, a hero image in the header): the figure or image-only block right before the root
// (or before an ancestor of it; an image-only block only when it is og:image), else the image outside
// the root whose file is og:image's (its <figure> when it has one). None
// when the root already holds the og:image.
const xmlNode* lead_outside(const xmlNode* body, const xmlNode* root, std::string_view og_image) {
  const std::string file = og_image.empty() ? std::string() : url_file_name(og_image);
  const auto matches = [&](const xmlNode* e) { return element_name(e) == "img" && image_matches(e, file); };
  if (!file.empty() && find_element(root, nullptr, matches)) return nullptr;
  const xmlNode* before = nullptr;
  for (const xmlNode* n = root; n && n != body && !before; n = n->parent) before = previous_element(n);
  if (before) {
    if (element_name(before) == "figure") {
      if (find_element(before, nullptr, [](const xmlNode* e) { return element_name(e) == "img" && !is_decorative_image(e); }))
        return before;
    } else if (const xmlNode* img = sole_image(before); img && image_matches(img, file)) {
      return before;
    }
  }
  if (file.empty()) return nullptr;
  const xmlNode* img = find_element(body, root, matches);
  if (!img) return nullptr;
  for (const xmlNode* a = img->parent; a && a != body; a = a->parent)
    if (element_name(a) == "figure") return a;
  return img;
}

}  // namespace

ContentSelection select_content(const xmlNode* body, bool page, const ReaderOptions& options, CleanRules& rules,
                                Context& context, const std::string& source_name, std::string_view lead_image) {
  ContentSelection sel;
  sel.root = body;
  if (!body || body->type != XML_ELEMENT_NODE) return sel;
  const StatsMap stats = gather(body);
  const std::size_t body_text = stat(stats, body).text;
  std::unordered_set<const xmlNode*> keep_siblings;
  std::string how;
  if (page && options.main_content && body_text > 0) {
    if (const xmlNode* m = single(body, "main", stats, 140)) { sel.root = m; how = "<main>"; }
    else if (const xmlNode* a = single(body, "article", stats, 140)) { sel.root = a; how = "<article>"; }
    else {
      const xmlNode* best = nullptr;
      double best_score = 0;
      for (const auto& [n, st] : stats) {
        if (st.score <= 0) continue;
        const double s = weighted(n, st);
        if (s > best_score || (s == best_score && best && xmlGetLineNo(n) < xmlGetLineNo(best))) { best = n; best_score = s; }
      }
      // Climb while an ancestor scores better than the child it came from (the article is split
      // into several scored blocks), as Readability does.
      if (best) {
        double last = best_score;
        const double floor = best_score / 3;
        for (const xmlNode* p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
          const Stats& ps = stat(stats, p);
          if (ps.score <= 0) continue;
          const double s = weighted(p, ps);
          if (s < floor) break;
          if (s > last) { best = p; best_score = s; break; }
          last = s;
        }
      }
      // A list item, table cell or caption is part of a whole: the whole is the content (the
      // other items are not widgets around it).
      static const std::unordered_set<std::string_view> kParts = {
          "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figcaption", "summary"};
      while (best && best != body && best->parent && best->parent != body &&
             best->parent->type == XML_ELEMENT_NODE && kParts.count(element_name(best)))
        best = best->parent;
      if (best && best != body) {
        // Siblings that score a fifth of the best, or are plain paragraphs, continue the article.
        const double threshold = std::max(10.0, best_score * 0.2);
        bool extra = false;
        for (const xmlNode* s = best->parent->children; s; s = s->next) {
          if (s->type != XML_ELEMENT_NODE) continue;
          const Stats& st = stat(stats, s);
          const bool plain_paragraph = element_name(s) == "p" && st.text >= 80 && st.link * 4 < st.text;
          if (s == best || weighted(s, st) >= threshold || plain_paragraph) {
            keep_siblings.insert(s);
            if (s != best) extra = true;
          }
        }
        // A quote, list, table, figure or code block is content in itself: reading only its
        // children would lose what it is, so it is kept as the one element of its parent.
        static const std::unordered_set<std::string_view> kSelfContained = {
            "blockquote", "ol", "ul", "dl", "table", "pre", "figure", "details"};
        if (!extra && best->parent != nullptr && kSelfContained.count(element_name(best))) extra = true;
        if (extra && best->parent != nullptr) {
          sel.root = best->parent;
          for (const xmlNode* s = best->parent->children; s; s = s->next)
            if (s->type == XML_ELEMENT_NODE && !keep_siblings.count(s))
              sel.dropped.insert(s);
        } else {
          sel.root = best;
        }
        how = "the best-scoring block <" + describe(best) + ">";
      }
    }
    if (sel.root != body) {
      std::size_t kept = stat(stats, sel.root).text;
      for (const xmlNode* d : sel.dropped) kept -= stat(stats, d).text;
      sel.lead = lead_outside(body, sel.root, lead_image);
      if (sel.lead) how += " and the lead image <" + describe(sel.lead) + ">";
      context.report(Diagnostic{Severity::info, "html.main_content",
                                "kept " + how + ": " + std::to_string(kept) + " of " + std::to_string(body_text) +
                                    " characters of page text (--whole-page keeps all)",
                                source_name, {}});
    }
  }

  // Junk inside the root, top-down: a dropped element's subtree is not visited.
  const std::size_t root_text = stat(stats, sel.root).text;
  // --whole-page keeps page furniture (footer, aside, hidden, link rails); junk goes either way.
  const Judge judge{page && options.main_content, options, root_text};
  const xmlNode* cur = sel.root->children;
  while (cur) {
    bool descend = cur->type == XML_ELEMENT_NODE && !sel.dropped.count(cur);
    if (descend) {
      const Stats& st = stat(stats, cur);
      auto rule = judge(cur, st);
      if (rule && !rules.on(*rule)) rule.reset();
      if (rule == Rule::related && !options.drop_related) {
        sel.related.insert(cur);  // kept whole and marked: no rule looks inside it
        rules.fired(*rule, 0, describe(cur));
        descend = false;
      } else if (rule) {
        sel.dropped.insert(cur);
        rules.fired(*rule, st.text, describe(cur));
        descend = false;
      }
    }
    if (descend && cur->children) { cur = cur->children; continue; }
    while (cur && cur != sel.root && !cur->next) cur = cur->parent;
    if (!cur || cur == sel.root) break;
    cur = cur->next;
  }
  return sel;
}

}  // namespace sheaf::html
