#include "converters/html/dom_reader.hpp"

#include <algorithm>
#include <charconv>

#include "converters/html/element_kinds.hpp"
#include "converters/html/libxml_document.hpp"
#include "converters/html/markdown_marks.hpp"
#include "converters/html/url_parts.hpp"
#include "converters/html/widgets.hpp"
#include "converters/shared/url_resolve.hpp"
#include "core/utf8.hpp"

namespace sheaf::html {
namespace {

// Child nodes of an element: about the number of inlines its paragraph will hold.
std::size_t child_count(const xmlNode* el) {
  std::size_t n = 0;
  for (const xmlNode* c = el->children; c; c = c->next) ++n;
  return n;
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

}  // namespace

DomReader::DomReader(const ReaderOptions& options, CleanRules& rules, Context& context, std::string source_name)
    : options_(options), rules_(rules), context_(context), source_name_(std::move(source_name)) {
  empties_.keep = !rules_.on(CleanRule::empty_elements);
}

bool DomReader::markdown_made(const xmlNode* el) const {
  return markdown_ && markdown_marks::authored_by_markdown(el);
}

bool DomReader::drop_empty() {
  if (!rules_.on(CleanRule::empty_elements)) return false;
  ++empties_.dropped;
  return true;
}

std::string DomReader::resolved(const std::string& url) const {
  return base_url_.empty() ? url : shared::resolve_url(base_url_, url);
}

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

Blocks DomReader::read(const xmlNode* root, const xmlNode* lead) {
  if (!root) return {};
  index_document(root);
  Flow flow = make_flow();
  // Comments before the first element (a fragment's leading <!--1612656903000-->) sit outside
  // <html> in libxml2's tree; only the timestamp rule reads them.
  const xmlNode* top = root;
  while (top->parent && top->parent->type == XML_ELEMENT_NODE) top = top->parent;
  for (const xmlNode* n = top->parent ? top->parent->children : nullptr; n && n != top; n = n->next)
    if (n->type == XML_COMMENT_NODE) comment(n, flow);
  if (lead) {
    child(lead, flow, 1);
    flow.end_paragraph();
  }
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
  for (std::size_t i = 0; i < empties_.dropped; ++i) rules_.fired(CleanRule::empty_elements);
  empties_.dropped = 0;
  return blocks;
}

void DomReader::children(const xmlNode* parent, Flow& flow, std::size_t depth) {
  for (const xmlNode* c = parent->children; c; c = c->next) c = child(c, flow, depth);
}

const xmlNode* DomReader::child(const xmlNode* c, Flow& flow, std::size_t depth) {
  if (c->type == XML_ELEMENT_NODE && flow.paragraph_empty() && flow.open_depth() == 0 && !skipped(c)) {
    if (related(c)) {
      // A "related articles" list: kept whole and marked, so writers and --drop-related can tell it.
      Blocks inner = sub_blocks(c, depth);
      if (!inner.empty()) flow.block(Block{Div{Attr{{}, {"related"}, {}}, std::move(inner)}});
      return c;
    }
    if (rules_.on(CleanRule::lead_figure))
      if (const xmlNode* last = image_figure(c, flow, depth)) {
        rules_.fired(CleanRule::lead_figure);
        return last;
      }
    if (element_name(c) == "figure") return figure(c, flow, depth + 1);
  }
  node(c, flow, depth);
  return c;
}

// A run of two or more <br> (whitespace between them) separates paragraphs, as it does on the
// page; a single <br> is a line break.
void DomReader::line_break(const xmlNode* br, Flow& flow) {
  auto neighbour_is_br = [](const xmlNode* n, bool forward) {
    for (n = forward ? n->next : n->prev; n && is_ignorable(n) && n->type != XML_COMMENT_NODE;
         n = forward ? n->next : n->prev) {}
    return n && element_name(n) == "br";
  };
  if (!rules_.on(CleanRule::br_runs)) {
    flow.line_break();
    return;
  }
  if (neighbour_is_br(br, false)) return;  // inside a run: the first <br> ended the paragraph
  if (flow.after_line_break()) {
    // The run crosses an inline edge (`<br><b><br>B</b>`): the same paragraph break; ending the
    // paragraph trims the first <br>'s line break.
    rules_.fired(CleanRule::br_runs);
    flow.end_paragraph();
    return;
  }
  if (!neighbour_is_br(br, true)) {
    flow.line_break();
    return;
  }
  rules_.fired(CleanRule::br_runs);
  flow.end_paragraph();
}

// Mirrored feeds stamp each post with its feed date as a comment (<!--1612656903000-->, <!--NaN-->).
// They are dropped like every comment; with the rule off they stay as raw HTML at block level.
void DomReader::comment(const xmlNode* c, Flow& flow) {
  std::string_view text = node_text(c);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  bool stamp = text == "NaN" || (text.size() >= 9 && text.size() <= 13);
  for (char ch : text)
    if (text != "NaN" && (ch < '0' || ch > '9')) stamp = false;
  if (!stamp) {
    // An ISO date or date-time: 2021-02-07, 2021-02-07 08:15:03, 2021-02-07T08:15:03Z.
    stamp = text.size() >= 10 && text.size() <= 32 && text[4] == '-' && text[7] == '-';
    for (std::size_t i = 0; stamp && i < text.size(); ++i) {
      const char ch = text[i];
      stamp = (ch >= '0' && ch <= '9') || ch == '-' || ch == ':' || ch == ' ' || ch == 'T' || ch == 'Z' ||
              ch == '+' || ch == '.';
    }
  }
  if (!stamp) return;
  if (rules_.on(CleanRule::timestamp_comments)) {
    rules_.fired(CleanRule::timestamp_comments);
    return;
  }
  if (flow.paragraph_empty() && flow.open_depth() == 0)
    flow.block(Block{RawBlock{"html", "<!--" + std::string(node_text(c)) + "-->"}});
}

void DomReader::node(const xmlNode* n, Flow& flow, std::size_t depth) {
  switch (n->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (has_c1_control(node_text(n))) flow.text(map_c1_controls(node_text(n)));
      else flow.text(node_text(n));
      return;
    case XML_ELEMENT_NODE:
      if (skipped(n)) return;
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
    case XML_COMMENT_NODE:
      comment(n, flow);
      return;
    default:
      return;  // processing instructions and DTD nodes carry no article text
  }
}

Blocks DomReader::sub_blocks(const xmlNode* el, std::size_t depth, Task* task) {
  Flow flow = make_flow();
  Task* saved = std::exchange(task_slot_, task);
  children(el, flow, depth + 1);
  task_slot_ = saved;
  return flow.finish();
}

Inlines DomReader::sub_inlines(const xmlNode* el, std::size_t depth) {
  Flow flow = make_flow();
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
  // Raw-HTML marks exist only when the Markdown reader kept raw HTML: the author's own HTML is
  // then all inside mark attributes, so no tag in the input can forge one.
  if (markdown_ && options_.raw_html == RawHtml::keep && markdown_marks::read_raw_mark(el, flow)) return;
  switch (element_kind(name)) {
    case ElementKind::dropped:
    case ElementKind::head_only:
      return;
    case ElementKind::block_container:
    case ElementKind::list_item: {
      Attr attr = attr_with_lang(el);
      // <div class> and <div style> are presentational wrappers; with the rule off they stay Divs.
      const bool wrapper = name == "div" && (has_attribute(el, "class") || has_attribute(el, "style"));
      if (wrapper && !rules_.on(CleanRule::wrappers)) attr.classes = class_tokens(el);
      else if (wrapper && attr.lang.empty()) rules_.fired(CleanRule::wrappers);
      if ((!attr.lang.empty() || !attr.classes.empty()) && name != "html" && name != "body") {
        Blocks inner = sub_blocks(el, depth);
        if (!inner.empty() || !drop_empty()) flow.block(Block{Div{std::move(attr), std::move(inner)}});
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
      flow.reserve(child_count(el));
      children(el, flow, depth + 1);
      flow.end_paragraph();
      return;
    case ElementKind::heading: {
      Inlines content = sub_inlines(el, depth);
      if (!content.empty() || markdown_made(el) || !drop_empty())
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
      if (!empty || !drop_empty()) flow.block(std::move(b));
      return;
    }
    case ElementKind::block_quote: {
      // Paragraphs inside a quote do not make the enclosing list item loose (`- a\n  > b`).
      item_has_paragraph_.push_back(false);
      Blocks inner = sub_blocks(el, depth);
      item_has_paragraph_.pop_back();
      if (!inner.empty() || markdown_made(el) || !drop_empty()) flow.block(Block{BlockQuote{std::move(inner)}});
      return;
    }
    case ElementKind::preformatted: {
      Block b = code_block(el);
      if (!std::get<CodeBlock>(b.node).text.empty() || markdown_made(el) || !drop_empty()) flow.block(std::move(b));
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
      if (!std::get<DefinitionList>(b.node).items.empty() || !drop_empty()) flow.block(std::move(b));
      return;
    }
    case ElementKind::line_break:
      line_break(el, flow);
      return;
    case ElementKind::image: {
      if (furniture_image(el)) return;
      Image img = image(el);
      if (!img.src.empty() || (markdown_made(el) && attribute(el, "src").empty())) flow.atom(Inline{std::move(img)});
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
      if (markdown_made(el)) {  // a code span: CommonMark already normalised its spaces
        flow.atom(Inline{Code{text_content(el)}});
        return;
      }
      std::string text = collapse_spaces(text_content(el));
      if (!text.empty()) flow.atom(Inline{Code{std::move(text)}});
      return;
    }
    case ElementKind::span: {
      Attr attr = attr_with_lang(el);
      const std::string id = attribute(el, "id");
      if (!id.empty() && link_targets_.count(id)) attr.id = id;
      const bool wrapper = name == "font" || has_attribute(el, "class") || has_attribute(el, "style");
      if (wrapper && !rules_.on(CleanRule::wrappers)) attr.classes = class_tokens(el);
      if (!attr.lang.empty() || !attr.id.empty() || !attr.classes.empty()) {
        inline_container(el, Inline{Span{std::move(attr), {}}}, flow, depth);
      } else {
        if (wrapper) rules_.fired(CleanRule::wrappers);
        children(el, flow, depth + 1);  // presentational wrapper: no trace in the model
      }
      return;
    }
    case ElementKind::classed_span: {
      // <mark>, <ins>, <abbr>: no kind of their own in the model; a Span whose first class names
      // the element lets writers restore it. The model has no key/value attributes, so an
      // <abbr title> expansion is not kept (docs/formats/html.md).
      Attr attr = attr_with_lang(el);
      const std::string id = attribute(el, "id");
      if (!id.empty() && link_targets_.count(id)) attr.id = id;
      attr.classes.push_back(name == "acronym" ? "abbr" : std::string(name));
      if (!rules_.on(CleanRule::wrappers))
        for (std::string& c : class_tokens(el)) attr.classes.push_back(std::move(c));
      inline_container(el, Inline{Span{std::move(attr), {}}}, flow, depth);
      return;
    }
    case ElementKind::ruby_text:
      // <ruby>漢<rt>かん</rt></ruby> reads 漢(かん): the reading stays visible in every output.
      flow.text("(");
      children(el, flow, depth + 1);
      flow.text(")");
      return;
    case ElementKind::embedded_media: {
      std::string src = attribute(el, "src");
      for (const xmlNode* c = el->children; c && src.empty(); c = c->next)
        if (element_name(c) == "source") src = attribute(c, "src");
      if (src.empty() || is_unsafe_url(src)) return;
      std::string label = collapse_spaces(attribute(el, "title"));
      if (label.empty()) label = collapse_spaces(attribute(el, "aria-label"));
      if (label.empty()) label = url_host(src);
      flow.open(Inline{Link{resolved(src), {}, {}}});
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
  const std::string href = resolved(attribute(a, "href"));
  if (markdown_made(a) && !is_unsafe_url(href)) {  // as the Markdown wrote it, even empty
    if (!a->children) flow.atom(Inline{Link{href, attribute(a, "title"), {}}});
    else inline_container(a, Inline{Link{href, attribute(a, "title"), {}}}, flow, depth);
    return;
  }
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

bool DomReader::furniture_image(const xmlNode* img) {
  switch (image_furniture(img)) {
    case Furniture::none:
      return false;
    case Furniture::tracking_pixel:
      if (!rules_.on(CleanRule::tracking_pixels)) return false;
      rules_.fired(CleanRule::tracking_pixels);
      return true;
    case Furniture::icon:
      if (!rules_.on(CleanRule::zoom_icons)) return false;
      rules_.fired(CleanRule::zoom_icons);
      return true;
  }
  return false;
}

Image DomReader::image(const xmlNode* img) {
  Image out;
  out.src = attribute(img, "src");
  // Lazy loading: the real image is in srcset/data-srcset (the largest candidate), else in
  // data-src/data-original/data-lazy-src; src is often a placeholder (data:, blank.gif).
  if (rules_.on(CleanRule::lazy_images)) {
    std::string real = best_srcset_candidate(attribute(img, "data-srcset"));
    if (real.empty()) real = best_srcset_candidate(attribute(img, "srcset"));
    for (const char* lazy : {"data-src", "data-original", "data-lazy-src"})
      if (std::string s = attribute(img, lazy); real.empty() && !s.empty() && !is_unsafe_url(s)) real = s;
    if (!real.empty() && real != out.src) {
      rules_.fired(CleanRule::lazy_images);
      out.src = std::move(real);
    }
  }
  if (is_unsafe_url(out.src)) out.src.clear();  // no usable source: not an image (callers drop it)
  else if (!out.src.empty()) out.src = resolved(out.src);
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
  if (markdown_made(pre)) {
    // CommonMark's text, every line ending with a newline. A final newline is optional in the
    // model (writers drop one), so it stays only when the block ends with blank lines.
    if (text.size() >= 1 && text.back() == '\n' && (text.size() < 2 || text[text.size() - 2] != '\n'))
      text.pop_back();
    return Block{CodeBlock{std::move(language), std::move(text)}};
  }
  if (!text.empty() && text.front() == '\n') text.erase(0, 1);  // HTML drops it, as browsers do
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.find_first_not_of(" \t\n\r") == std::string::npos) text.clear();
  return Block{CodeBlock{std::move(language), std::move(text)}};
}

Block DomReader::list(const xmlNode* el, bool ordered, std::size_t depth) {
  std::vector<ListItem> items;
  bool tight = true;
  for (const xmlNode* c = el->children; c; c = c->next) {
    if (is_ignorable(c) || (c->type == XML_ELEMENT_NODE && skipped(c))) continue;
    if (element_name(c) == "li") {
      ListItem item;
      item_has_paragraph_.push_back(false);
      item.children = sub_blocks(c, depth, &item.task);
      if (item_has_paragraph_.back()) tight = false;
      item_has_paragraph_.pop_back();
      if (!item.children.empty() || item.task != Task::none || markdown_made(c)) items.push_back(std::move(item));
      continue;
    }
    // Content outside <li> (a nested list or stray text): it belongs to the previous item.
    Flow stray = make_flow();
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
        Flow stray = make_flow();
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
