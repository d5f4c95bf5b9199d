#include "converters/html/dom_reader.hpp"

#include <algorithm>
#include <charconv>

#include "converters/html/element_kinds.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/widgets.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

int int_attribute(const xmlNode* el, const char* name, int fallback, int lo, int hi) {
  const std::string v = attribute(el, name);
  int value = fallback;
  const char* begin = v.data();
  while (begin < v.data() + v.size() && *begin == ' ') ++begin;
  if (std::from_chars(begin, v.data() + v.size(), value).ec != std::errc{}) return fallback;
  return value < lo ? lo : (value > hi ? hi : value);
}

Attr attr_with_lang(const xmlNode* el) {
  Attr attr;
  attr.lang = attribute(el, "lang");
  if (attr.lang.empty()) attr.lang = attribute(el, "xml:lang");
  return attr;
}

// True for URLs that run script or carry inline content (javascript:, vbscript:, data:), which
// must never become a link or an image in any output. Browsers ignore leading controls/spaces and
// tabs/newlines inside the scheme, and schemes are case-insensitive, so this does too.
bool is_unsafe_url(std::string_view url) {
  std::string scheme;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 && scheme.empty()) continue;
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') break;
    if (scheme.size() > 10) return false;
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

bool is_backref(const xmlNode* a) {
  return class_contains(a, "footnote-backref") || class_contains(a, "reversefootnote") ||
         class_contains(a, "footnote-back") || has_attribute(a, "data-footnote-backref") ||
         attribute(a, "role") == "doc-backlink";
}

std::string language_of(const xmlNode* el) {
  if (!el) return {};
  if (std::string lang = attribute(el, "lang"); !lang.empty() && element_name(el) == "pre") return lang;
  const std::string cls = attribute(el, "class");
  for (const char* prefix : {"language-", "lang-"}) {
    auto p = cls.find(prefix);
    if (p != std::string::npos && (p == 0 || cls[p - 1] == ' ')) {
      p += std::char_traits<char>::length(prefix);
      return cls.substr(p, cls.find(' ', p) == std::string::npos ? std::string::npos : cls.find(' ', p) - p);
    }
  }
  return {};
}

// HTML maps character references to C1 controls (&#x80;…&#x9F;) to windows-1252 characters, as
// browsers show them; libxml2 leaves the controls, which no output can show.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool has_c1_control(std::string_view s) {
  for (std::size_t p = s.find('\xC2'); p != std::string_view::npos && p + 1 < s.size(); p = s.find('\xC2', p + 1)) {
    const auto next = static_cast<unsigned char>(s[p + 1]);
    if (next >= 0x80 && next <= 0x9F) return true;
  }
  return false;
}

std::string map_c1_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (s[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
      utf8::append(out, kWindows1252[next - 0x80]);
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

DomReader::DomReader(const ReaderOptions& options, Context& context, std::string source_name)
    : options_(options), context_(context), source_name_(std::move(source_name)) {}

void DomReader::warn(const char* id, std::string message, const xmlNode* where) {
  SourcePos pos;
  if (where) pos.line = static_cast<std::uint32_t>(xmlGetLineNo(where) > 0 ? xmlGetLineNo(where) : 0);
  context_.report(Diagnostic{Severity::warning, id, std::move(message), source_name_, pos});
}

// One pass over the whole tree, without recursion: footnote lists and the ids links point to.
void DomReader::index_document(const xmlNode* root) {
  const xmlNode* cur = root;
  while (cur) {
    bool descend = true;
    if (cur->type == XML_ELEMENT_NODE) {
      const auto name = element_name(cur);
      if (name == "a") {
        const std::string href = attribute(cur, "href");
        if (href.size() > 1 && href[0] == '#') link_targets_.insert(href.substr(1));
      }
      if ((class_contains(cur, "footnotes") || attribute(cur, "role") == "doc-endnotes") &&
          name != "a" && name != "li") {
        // Collect the <li id> notes under it; the container itself is rendered as notes.
        const xmlNode* n = cur->children;
        while (n && n != cur) {
          if (element_name(n) == "li" && has_attribute(n, "id")) {
            footnotes_.emplace(attribute(n, "id"), n);
          } else if (n->children && element_name(n) != "li") {
            n = n->children;
            continue;
          }
          while (n && n != cur && !n->next) n = n->parent;
          if (!n || n == cur) break;
          n = n->next;
        }
        if (!footnotes_.empty()) { skip_.insert(cur); descend = false; }
      }
    }
    if (descend && cur->children && cur->type == XML_ELEMENT_NODE) { cur = cur->children; continue; }
    while (cur && cur != root && !cur->next) cur = cur->parent;
    if (!cur || cur == root) break;
    cur = cur->next;
  }
}

Blocks DomReader::read(const xmlNode* root) {
  if (!root) return {};
  index_document(root);
  Flow flow;
  if (root->type == XML_ELEMENT_NODE) children(root, flow, 1);
  Blocks blocks = flow.finish();
  // Notes that no reference pointed to keep their text at the end, in document order.
  for (const auto& [id, li] : footnotes_) {
    (void)li;
    if (!used_footnotes_.count(id)) footnote_order_.push_back(id);
  }
  std::sort(footnote_order_.begin(), footnote_order_.end(), [&](const std::string& a, const std::string& b) {
    return xmlGetLineNo(footnotes_.at(a)) < xmlGetLineNo(footnotes_.at(b)) ||
           (xmlGetLineNo(footnotes_.at(a)) == xmlGetLineNo(footnotes_.at(b)) && a < b);
  });
  for (const std::string& id : footnote_order_) {
    Blocks note = sub_blocks(footnotes_.at(id), 1);
    for (Block& b : note) blocks.push_back(std::move(b));
  }
  return blocks;
}

void DomReader::children(const xmlNode* parent, Flow& flow, std::size_t depth) {
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && flow.paragraph_empty() && flow.open_depth() == 0 && !skip_.count(c)) {
      if (const xmlNode* last = image_figure(c, flow, depth)) {
        c = last;
        continue;
      }
      if (element_name(c) == "figure") {
        c = figure(c, flow, depth + 1);
        continue;
      }
    }
    node(c, flow, depth);
  }
}

void DomReader::node(const xmlNode* n, Flow& flow, std::size_t depth) {
  switch (n->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (has_c1_control(node_text(n))) flow.text(map_c1_controls(node_text(n)));
      else flow.text(node_text(n));
      return;
    case XML_ELEMENT_NODE:
      if (skip_.count(n)) return;
      if (depth > options_.max_depth) {
        if (!depth_warned_) {
          warn("html.depth_limit",
               "nesting deeper than " + std::to_string(options_.max_depth) +
                   " levels; deeper content is kept as plain text",
               n);
          depth_warned_ = true;
        }
        flow.text(" ");
        flow.text(text_content(n));
        flow.text(" ");
        return;
      }
      element(n, flow, depth);
      return;
    default:
      return;  // comments, processing instructions, DTD nodes carry no article text
  }
}

Blocks DomReader::sub_blocks(const xmlNode* el, std::size_t depth, Task* task) {
  Flow flow;
  Task* saved = std::exchange(task_slot_, task);
  children(el, flow, depth + 1);
  task_slot_ = saved;
  return flow.finish();
}

Inlines DomReader::sub_inlines(const xmlNode* el, std::size_t depth) {
  Flow flow;
  children(el, flow, depth + 1);
  return flow.finish_inlines();
}

void DomReader::inline_container(const xmlNode* el, Inline proto, Flow& flow, std::size_t depth) {
  flow.open(std::move(proto));
  children(el, flow, depth + 1);
  flow.close();
}

void DomReader::element(const xmlNode* el, Flow& flow, std::size_t depth) {
  const std::string_view name = element_name(el);
  switch (element_kind(name)) {
    case ElementKind::dropped:
    case ElementKind::head_only:
      return;
    case ElementKind::block_container:
    case ElementKind::list_item: {
      Attr attr = attr_with_lang(el);
      if (!attr.lang.empty() && name != "html" && name != "body") {
        Blocks inner = sub_blocks(el, depth);
        if (!inner.empty()) flow.block(Block{Div{std::move(attr), std::move(inner)}});
        return;
      }
      flow.end_paragraph();
      children(el, flow, depth + 1);
      flow.end_paragraph();
      return;
    }
    case ElementKind::paragraph:
      if (!item_has_paragraph_.empty()) item_has_paragraph_.back() = true;
      flow.end_paragraph();
      children(el, flow, depth + 1);
      flow.end_paragraph();
      return;
    case ElementKind::heading: {
      Inlines content = sub_inlines(el, depth);
      if (!content.empty())
        flow.block(Block{Heading{name[1] - '0', attribute(el, "id"), std::move(content)}});
      return;
    }
    case ElementKind::bullet_list:
    case ElementKind::ordered_list: {
      Block b = list(el, element_kind(name) == ElementKind::ordered_list, depth);
      const bool empty = std::visit(
          [](const auto& l) {
            if constexpr (requires { l.items; }) return l.items.empty();
            else return true;
          },
          b.node);
      if (!empty) flow.block(std::move(b));
      return;
    }
    case ElementKind::block_quote: {
      Blocks inner = sub_blocks(el, depth);
      if (!inner.empty()) flow.block(Block{BlockQuote{std::move(inner)}});
      return;
    }
    case ElementKind::preformatted: {
      Block b = code_block(el);
      if (!std::get<CodeBlock>(b.node).text.empty()) flow.block(std::move(b));
      return;
    }
    case ElementKind::thematic_break:
      flow.block(Block{ThematicBreak{}});
      return;
    case ElementKind::table:
      table(el, flow, depth);
      return;
    case ElementKind::figure:
      figure(el, flow, depth);  // reached only when children() did not handle it first
      return;
    case ElementKind::definition_list: {
      Block b = definition_list(el, depth);
      if (!std::get<DefinitionList>(b.node).items.empty()) flow.block(std::move(b));
      return;
    }
    case ElementKind::line_break:
      flow.line_break();
      return;
    case ElementKind::image: {
      if (is_decorative_image(el)) return;
      Image img = image(el);
      if (!img.src.empty()) flow.atom(Inline{std::move(img)});
      return;
    }
    case ElementKind::link:
      link(el, flow, depth);
      return;
    case ElementKind::emphasis:
      inline_container(el, Inline{Emph{}}, flow, depth);
      return;
    case ElementKind::strong:
      inline_container(el, Inline{Strong{}}, flow, depth);
      return;
    case ElementKind::strikeout:
      inline_container(el, Inline{Strikeout{}}, flow, depth);
      return;
    case ElementKind::superscript: {
      // <sup class="footnote-ref"><a href="#fn-1">1</a></sup>: the note, not a superscript.
      const xmlNode* only = nullptr;
      int elements = 0;
      for (const xmlNode* c = el->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) { only = c; ++elements; }
        else if (!is_ignorable(c)) { elements = 2; break; }
      }
      if (elements == 1 && element_name(only) == "a" && footnote_reference(only, flow, depth)) return;
      inline_container(el, Inline{Superscript{}}, flow, depth);
      return;
    }
    case ElementKind::subscript:
      inline_container(el, Inline{Subscript{}}, flow, depth);
      return;
    case ElementKind::code: {
      std::string text = collapse_spaces(text_content(el));
      if (!text.empty()) flow.atom(Inline{Code{std::move(text)}});
      return;
    }
    case ElementKind::span: {
      Attr attr = attr_with_lang(el);
      const std::string id = attribute(el, "id");
      if (!id.empty() && link_targets_.count(id)) attr.id = id;
      if (!attr.lang.empty() || !attr.id.empty()) {
        inline_container(el, Inline{Span{std::move(attr), {}}}, flow, depth);
      } else {
        children(el, flow, depth + 1);  // presentational wrapper: no trace in the model
      }
      return;
    }
    case ElementKind::embedded_media: {
      std::string src = attribute(el, "src");
      for (const xmlNode* c = el->children; c && src.empty(); c = c->next)
        if (element_name(c) == "source") src = attribute(c, "src");
      if (src.empty()) return;
      std::string label = collapse_spaces(attribute(el, "title"));
      flow.open(Inline{Link{src, {}, {}}});
      flow.text(label.empty() ? src : label);
      flow.close();
      return;
    }
    case ElementKind::input:
      if (task_slot_ && flow.empty() && attribute(el, "type") == "checkbox")
        *task_slot_ = has_attribute(el, "checked") ? Task::done : Task::open;
      return;
    case ElementKind::math: {
      std::string tex = attribute(el, "alttext");
      if (tex.empty()) tex = collapse_spaces(text_content(el));
      if (!tex.empty()) flow.atom(Inline{Math{std::move(tex), attribute(el, "display") == "block"}});
      return;
    }
  }
}

void DomReader::link(const xmlNode* a, Flow& flow, std::size_t depth) {
  if (footnote_reference(a, flow, depth)) return;
  if (is_backref(a)) return;
  const std::string href = attribute(a, "href");
  if (is_lightbox_link(a) || href.empty() || is_unsafe_url(href)) {
    children(a, flow, depth + 1);  // the text stays; a widget or anchor is not a link
    return;
  }
  inline_container(a, Inline{Link{href, collapse_spaces(attribute(a, "title")), {}}}, flow, depth);
}

bool DomReader::footnote_reference(const xmlNode* a, Flow& flow, std::size_t depth) {
  const std::string href = attribute(a, "href");
  if (href.size() < 2 || href[0] != '#') return false;
  auto it = footnotes_.find(href.substr(1));
  if (it == footnotes_.end()) return false;
  if (used_footnotes_.count(it->first)) {
    // A second reference to the same note: point at it by number instead of repeating it.
    children(a, flow, depth + 1);
    return true;
  }
  used_footnotes_.insert(it->first);
  flow.atom(Inline{Note{sub_blocks(it->second, depth)}});
  return true;
}

Image DomReader::image(const xmlNode* img) const {
  Image out;
  out.src = attribute(img, "src");
  // Lazy loading: a placeholder src with the real one in data-src.
  if (out.src.empty() || is_unsafe_url(out.src)) {
    for (const char* lazy : {"data-src", "data-original", "data-lazy-src"})
      if (std::string s = attribute(img, lazy); !s.empty()) { out.src = s; break; }
  }
  if (is_unsafe_url(out.src)) out.src.clear();  // no usable source: not an image (callers drop it)
  out.alt = collapse_spaces(attribute(img, "alt"));
  out.title = collapse_spaces(attribute(img, "title"));
  out.width = collapse_spaces(attribute(img, "width"));
  out.height = collapse_spaces(attribute(img, "height"));
  return out;
}

Block DomReader::code_block(const xmlNode* pre) {
  std::string language = language_of(pre);
  for (const xmlNode* c = pre->children; c && language.empty(); c = c->next)
    if (element_name(c) == "code") language = language_of(c);
  std::string text = text_content(pre, true);
  if (!text.empty() && text.front() == '\n') text.erase(0, 1);  // HTML drops it, as browsers do
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.find_first_not_of(" \t\n\r") == std::string::npos) text.clear();
  return Block{CodeBlock{std::move(language), std::move(text)}};
}

Block DomReader::list(const xmlNode* el, bool ordered, std::size_t depth) {
  std::vector<ListItem> items;
  bool tight = true;
  for (const xmlNode* c = el->children; c; c = c->next) {
    if (is_ignorable(c) || (c->type == XML_ELEMENT_NODE && skip_.count(c))) continue;
    if (element_name(c) == "li") {
      ListItem item;
      item_has_paragraph_.push_back(false);
      item.children = sub_blocks(c, depth, &item.task);
      if (item_has_paragraph_.back()) tight = false;
      item_has_paragraph_.pop_back();
      if (!item.children.empty() || item.task != Task::none) items.push_back(std::move(item));
      continue;
    }
    // Content outside <li> (a nested list or stray text): it belongs to the previous item.
    Flow stray;
    node(c, stray, depth + 1);
    Blocks blocks = stray.finish();
    if (blocks.empty()) continue;
    if (items.empty()) items.emplace_back();
    for (Block& b : blocks) items.back().children.push_back(std::move(b));
  }
  if (ordered) {
    OrderedList l{std::move(items), int_attribute(el, "start", 1, -1000000000, 1000000000), tight};
    return Block{std::move(l)};
  }
  return Block{BulletList{std::move(items), tight}};
}

Block DomReader::definition_list(const xmlNode* el, std::size_t depth) {
  DefinitionList dl;
  auto visit = [&](const xmlNode* parent, auto& self) -> void {
    for (const xmlNode* c = parent->children; c; c = c->next) {
      const auto name = element_name(c);
      if (name == "dt") {
        Inlines term = sub_inlines(c, depth);
        dl.items.push_back(DefinitionItem{std::move(term), {}});
      } else if (name == "dd") {
        Blocks def = sub_blocks(c, depth);
        if (def.empty()) continue;
        if (dl.items.empty()) dl.items.emplace_back();
        dl.items.back().definitions.push_back(std::move(def));
      } else if (name == "div" && parent == el) {
        self(c, self);  // HTML5 allows <div> groups of dt/dd
      } else if (!is_ignorable(c) && c->type != XML_COMMENT_NODE) {
        Flow stray;
        node(c, stray, depth + 1);
        Blocks blocks = stray.finish();
        if (blocks.empty()) continue;
        if (dl.items.empty()) dl.items.emplace_back();
        dl.items.back().definitions.push_back(std::move(blocks));
      }
    }
  };
  visit(el, visit);
  std::erase_if(dl.items, [](const DefinitionItem& i) { return i.term.empty() && i.definitions.empty(); });
  return Block{std::move(dl)};
}

}  // namespace sheaf::html
