// The direct route (cmark_model.hpp). Each function answers one node kind as DomReader
// (converters/html/dom_reader.cpp) answers the element cmark's HTML renderer writes for it with
// the marks of read_marked; the comments name the element and the DomReader rule mirrored.
// Anything outside that mirror throws NeedsHtml, which read_tree turns into nullopt.
#include "converters/markdown/cmark_model.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "converters/html/clean_rules.hpp"
#include "converters/html/flow.hpp"
#include "converters/html/image_furniture.hpp"
#include "converters/html/table_shape.hpp"
#include "converters/html/url_parts.hpp"
#include "converters/shared/url_resolve.hpp"
#include "core/url_safety.hpp"

namespace sheaf::markdown {
namespace {

struct NeedsHtml {};

/// What the HTML route does not take as it is, at `p`: a C0 control other than tab and newline
/// (libxml2 drops it), DEL, a C1 control (the HTML reader maps it to windows-1252) or the
/// noncharacter U+FFFE/U+FFFF (libxml2 drops it).
enum class Special { none, control, del, c1, nonchar };

Special special_at(const unsigned char* p) {
  const unsigned char c = *p;
  if (c < 0x80) {
    if (c < 0x20 && c != '\t' && c != '\n') return Special::control;
    return c == 0x7F ? Special::del : Special::none;
  }
  if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) return Special::c1;
  if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return Special::nonchar;
  return Special::none;
}

/// Attribute values (destinations, titles, alt text) holding any Special take the HTML route:
/// there the rules are libxml2's attribute parsing, not copied here.
void check_text(const char* s) {
  if (!s) return;
  for (const auto* p = reinterpret_cast<const unsigned char*>(s); *p; ++p)
    if (special_at(p) != Special::none) throw NeedsHtml{};
}

std::string checked(const char* s) {
  check_text(s);
  return s ? std::string(s) : std::string();
}

enum class CharData { text, code };

/// Character data as the HTML route leaves it: libxml2's HTML parser drops C0 controls other than
/// tab and newline, and U+FFFE/U+FFFF (DEL stays); in text (not code) the HTML reader then maps C1
/// controls to windows-1252 (html::map_c1_controls). Code holding a C1 control takes the HTML
/// route. Returns `s` itself when nothing changes (the usual case), else `scratch`'s text.
std::string_view char_data(const char* s, CharData kind, std::string& scratch) {
  if (!s) return {};
  const auto* begin = reinterpret_cast<const unsigned char*>(s);
  const unsigned char* p = begin;
  bool dropped = false, c1 = false;
  for (; *p; ++p) {
    const Special special = special_at(p);
    dropped = dropped || special == Special::control || special == Special::nonchar;
    c1 = c1 || special == Special::c1;
  }
  const std::string_view all(s, static_cast<std::size_t>(p - begin));
  if (!dropped && !c1) return all;
  if (c1 && kind == CharData::code) throw NeedsHtml{};
  scratch.clear();
  for (p = begin; *p; ++p) {
    const Special special = special_at(p);
    if (special == Special::control) continue;
    if (special == Special::nonchar) {
      p += 2;
      continue;
    }
    scratch += static_cast<char>(*p);
  }
  if (c1) scratch = html::map_c1_controls(scratch);
  return scratch;
}

std::string literal(cmark_node* n, CharData kind) {
  std::string scratch;
  return std::string(char_data(cmark_node_get_literal(n), kind, scratch));
}

bool is_extension(cmark_node* n, const char* type) {
  return cmark_node_get_syntax_extension(n) && std::strcmp(cmark_node_get_type_string(n), type) == 0;
}

/// The plain text of an image description, as cmark_bridge's add_marks writes alt text.
void alt_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += checked(cmark_node_get_literal(c));  // alt text is an attribute value
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        throw NeedsHtml{};
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      default:
        alt_text(c, out);
    }
  }
}

/// The nodes that separate two `<br>`s without being content: the renderer's newline after
/// `<br />`, soft breaks and whitespace-only text (DomReader's is_ignorable on the merged text).
bool ignorable(cmark_node* n) {
  const cmark_node_type type = cmark_node_get_type(n);
  if (type == CMARK_NODE_SOFTBREAK) return true;
  if (type != CMARK_NODE_TEXT) return false;
  std::string scratch;
  for (char c : char_data(cmark_node_get_literal(n), CharData::text, scratch))
    if (c != ' ' && c != '\t' && c != '\n') return false;
  return true;
}

bool neighbour_is_break(cmark_node* n, bool forward) {
  for (n = forward ? cmark_node_next(n) : cmark_node_previous(n); n && ignorable(n);
       n = forward ? cmark_node_next(n) : cmark_node_previous(n)) {}
  return n && cmark_node_get_type(n) == CMARK_NODE_LINEBREAK;
}

class TreeReader {
 public:
  TreeReader(const ReaderOptions& options, html::CleanRules& rules, const TreeOptions& tree)
      : rules_(rules), tree_(tree),
        max_depth_(std::min<std::size_t>(options.max_depth, 200)),
        restore_(tree.restore && *tree.restore ? tree.restore : nullptr) {
    empties_.keep = !rules_.on(html::CleanRule::empty_elements);
    // A fragment resolves only against an explicit --base-url (html_reader.cpp, fragment()).
    if (options.base_url != "canonical") base_url_ = options.base_url;
  }

  Blocks read(cmark_node* document) {
    // cmark-gfm moves the referenced footnote definitions to the end of the document, numbered in
    // the order of their first reference (a reference's literal is that number).
    for (cmark_node* c = cmark_node_first_child(document); c; c = cmark_node_next(c))
      if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION) notes_.push_back(Footnote{c, false});
    root_ = document;
    html::Flow flow = make_flow();
    blocks(document, flow, 1);
    Blocks out = flow.finish();
    // A note no reference in the body reached: the HTML reader appends its text at the end.
    for (const Footnote& note : notes_)
      if (!note.used) throw NeedsHtml{};
    for (std::size_t i = 0; i < empties_.dropped; ++i) rules_.fired(html::CleanRule::empty_elements);
    return out;
  }

 private:
  html::Flow make_flow() { return html::Flow(&empties_); }

  /// DomReader::node's depth check: an element deeper than the limit would be flattened to text.
  void enter(std::size_t depth) const {
    if (depth > max_depth_) throw NeedsHtml{};
  }

  /// `text` with the guards' stand-ins put back (TreeOptions::restore).
  [[nodiscard]] std::string restored(std::string text) const {
    if (restore_) (*restore_)(text);
    return text;
  }

  [[nodiscard]] std::string resolved(const std::string& url) const {
    return base_url_.empty() ? url : shared::resolve_url(base_url_, url);
  }

  void blocks(cmark_node* parent, html::Flow& flow, std::size_t depth) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) block(c, flow, depth);
  }

  Blocks sub_blocks(cmark_node* parent, std::size_t depth) {
    html::Flow flow = make_flow();
    blocks(parent, flow, depth);
    return flow.finish();
  }

  void block(cmark_node* n, html::Flow& flow, std::size_t depth) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        paragraph(n, flow, depth);
        return;
      case CMARK_NODE_HEADING: {  // <hN data-sourcepos>: kept even when empty
        enter(depth);
        html::Flow inner = make_flow();
        inlines(n, inner, depth + 1);
        if (tree_.kramdown_heading_ids) check_heading_ids(n);
        flow.block(Block{Heading{cmark_node_get_heading_level(n), {}, inner.finish_inlines()}});
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {  // <blockquote data-sourcepos>: kept even when empty
        enter(depth);
        item_has_paragraph_.push_back(false);
        Blocks inner = sub_blocks(n, depth + 1);
        item_has_paragraph_.pop_back();
        flow.block(Block{BlockQuote{std::move(inner)}});
        return;
      }
      case CMARK_NODE_LIST:
        enter(depth);
        flow.block(list(n, depth));
        return;
      case CMARK_NODE_CODE_BLOCK:
        enter(depth);
        flow.block(code_block(n));
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        enter(depth);
        flow.block(Block{ThematicBreak{}});
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        // <section class="footnotes"><ol><li id="fn-…">: read where it is referenced. Only the
        // document's own list (its last children) is expected.
        if (cmark_node_parent(n) != root_) throw NeedsHtml{};
        return;
      case CMARK_NODE_DOCUMENT:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_CUSTOM_BLOCK:
        throw NeedsHtml{};
      default:
        if (is_extension(n, "table")) {
          enter(depth);
          table(n, flow, depth);
          return;
        }
        throw NeedsHtml{};
    }
  }

  /// `<p>`, except in the items of a tight list, where cmark writes the text straight into <li>.
  void paragraph(cmark_node* n, html::Flow& flow, std::size_t depth) {
    cmark_node* parent = cmark_node_parent(n);
    cmark_node* grandparent = parent ? cmark_node_parent(parent) : nullptr;
    const bool bare = grandparent && cmark_node_get_type(grandparent) == CMARK_NODE_LIST &&
                      cmark_node_get_list_tight(grandparent);
    if (bare) {
      inlines(n, flow, depth);
      return;
    }
    enter(depth);
    if (!item_has_paragraph_.empty()) item_has_paragraph_.back() = true;
    flow.end_paragraph();
    // One pass gathers the children, to size the model's list (a million Inlines grown by
    // doubling fault in twice the memory) and to read them with prefetches: following cmark's
    // `next` pointers costs one cache miss per node (0.1 s on a paragraph of 840,000 inlines).
    // The nodes come from the parse arena in parse order, so a paragraph's children lie mostly at
    // rising addresses: requesting the memory a few KiB past each one turns most of this pass's
    // misses into prefetches (0.095 -> 0.04 s there). A prefetch is a hint, never a read.
    std::vector<cmark_node*> children;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      children.push_back(c);
      __builtin_prefetch(reinterpret_cast<const char*>(c) + 2048);
      __builtin_prefetch(reinterpret_cast<const char*>(c) + 4096);
    }
    flow.reserve(children.size());
    inline_run(children, flow, depth + 1);
    flow.end_paragraph();
  }

  /// A heading ending in kramdown's `{#id}` gets its id from jekyll::apply_heading_ids, on HTML.
  static void check_heading_ids(cmark_node* heading) {
    cmark_iter* iter = cmark_iter_new(heading);
    bool found = false;
    for (cmark_event_type ev; !found && (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* c = cmark_iter_get_node(iter);
      const char* s = cmark_node_get_literal(c);
      found = ev == CMARK_EVENT_ENTER && s && std::strstr(s, "{#");
    }
    cmark_iter_free(iter);
    if (found) throw NeedsHtml{};
  }

  /// DomReader::list: every <li data-sourcepos> is an item; the list is tight unless one of its
  /// items holds a <p> (not one inside a nested quote or list); a task item's checkbox comes first.
  Block list(cmark_node* n, std::size_t depth) {
    std::vector<ListItem> items;
    bool tight = true;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_ITEM) throw NeedsHtml{};
      ListItem item;
      if (cmark_node_get_syntax_extension(c)) {
        if (!is_extension(c, "tasklist")) throw NeedsHtml{};
        enter(depth + 1);  // the <input type="checkbox">
        item.task = cmark_gfm_extensions_get_tasklist_item_checked(c) ? Task::done : Task::open;
      }
      item_has_paragraph_.push_back(false);
      item.children = sub_blocks(c, depth + 1);
      if (item_has_paragraph_.back()) tight = false;
      item_has_paragraph_.pop_back();
      items.push_back(std::move(item));
    }
    if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
      return Block{OrderedList{std::move(items), cmark_node_get_list_start(n), tight}};
    return Block{BulletList{std::move(items), tight}};
  }

  /// <pre data-sourcepos><code class="language-WORD">: the info string's first word; the text
  /// loses its final newline unless it ends with a blank line (DomReader::code_block).
  Block code_block(cmark_node* n) {
    const std::string info = restored(checked(cmark_node_get_fence_info(n)));
    std::size_t end = 0;
    while (end < info.size() && info[end] != ' ' && info[end] != '\t' && info[end] != '\n' && info[end] != '\r' &&
           info[end] != '\f' && info[end] != '\v')
      ++end;
    std::string text = restored(literal(n, CharData::code));
    if (!text.empty() && text.back() == '\n' && (text.size() < 2 || text[text.size() - 2] != '\n')) text.pop_back();
    return Block{CodeBlock{info.substr(0, end), std::move(text)}};
  }

  /// <table><thead><tr><th align>…</th></tr></thead><tbody>…</tbody></table>, shaped by
  /// html::add_table as every table is.
  void table(cmark_node* n, html::Flow& flow, std::size_t depth) {
    const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    std::vector<TableRow> head, body;
    for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
      if (!is_extension(r, "table_row") && !is_extension(r, "table_header")) throw NeedsHtml{};
      const bool header = cmark_gfm_extensions_get_table_row_is_header(r) != 0;
      enter(depth + 2);  // <tr> inside <thead> or <tbody>
      TableRow row;
      std::size_t i = 0;
      for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c), ++i) {
        if (!is_extension(c, "table_cell")) throw NeedsHtml{};
        TableCell cell;
        html::Flow inner = make_flow();
        inlines(c, inner, depth + 2);  // a cell's children: <td> inside <tr> inside <tbody>
        cell.content = inner.finish();
        const char a = aligns && i < columns ? static_cast<char>(aligns[i]) : 0;
        cell.align = a == 'l' ? Alignment::left : a == 'c' ? Alignment::center : a == 'r' ? Alignment::right
                                                                                            : Alignment::none;
        cell.header = header;
        row.cells.push_back(std::move(cell));
      }
      (header ? head : body).push_back(std::move(row));
    }
    html::add_table({}, std::move(head), std::move(body), flow);
  }

  void inlines(cmark_node* parent, html::Flow& flow, std::size_t depth) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) inline_node(c, flow, depth);
  }

  /// inline_node over `nodes`, with each node's memory (and its first child's, for a container)
  /// requested ahead. A prefetch is a hint, not a read: it assumes only that a cmark_node spans
  /// about three cache lines from its address, and a wrong guess costs time, never correctness.
  void inline_run(const std::vector<cmark_node*>& nodes, html::Flow& flow, std::size_t depth) {
    constexpr std::size_t ahead = 16;  // nodes requested ahead of the one read
    constexpr std::size_t child_ahead = 6;  // by then its own lines have arrived
    auto prefetch = [](const void* node) {
      const char* p = static_cast<const char*>(node);
      __builtin_prefetch(p);
      __builtin_prefetch(p + 64);
      __builtin_prefetch(p + 128);
    };
    for (std::size_t i = 0; i < nodes.size() && i < ahead; ++i) prefetch(nodes[i]);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (i + ahead < nodes.size()) prefetch(nodes[i + ahead]);
      if (i + child_ahead < nodes.size())
        if (cmark_node* child = cmark_node_first_child(nodes[i + child_ahead])) prefetch(child);
      inline_node(nodes[i], flow, depth);
    }
  }

  void container(cmark_node* n, Inline proto, html::Flow& flow, std::size_t depth) {
    enter(depth);
    flow.open(std::move(proto));
    inlines(n, flow, depth + 1);
    flow.close();
  }

  void inline_node(cmark_node* n, html::Flow& flow, std::size_t depth) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: {
        const std::string_view text = char_data(cmark_node_get_literal(n), CharData::text, scratch_);
        if (restore_) {
          std::string copy(text);
          (*restore_)(copy);
          flow.text(copy);
        } else if (!text.empty()) {
          flow.text(text);
        }
        return;
      }
      case CMARK_NODE_SOFTBREAK:
        flow.text("\n");
        return;
      case CMARK_NODE_LINEBREAK:
        enter(depth);
        line_break(n, flow);
        flow.text("\n");  // the renderer's newline after <br />
        return;
      case CMARK_NODE_CODE:  // <code data-sheaf-md>: the code span's text as CommonMark made it
        enter(depth);
        flow.atom(Inline{Code{restored(literal(n, CharData::code))}});
        return;
      case CMARK_NODE_EMPH:
        container(n, Inline{Emph{}}, flow, depth);
        return;
      case CMARK_NODE_STRONG:
        container(n, Inline{Strong{}}, flow, depth);
        return;
      case CMARK_NODE_LINK:
        link(n, flow, depth);
        return;
      case CMARK_NODE_IMAGE:
        enter(depth);
        image(n, flow);
        return;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        footnote_reference(n, flow, depth);
        return;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_CUSTOM_INLINE:
        throw NeedsHtml{};
      default:
        if (is_extension(n, "strikethrough")) {
          container(n, Inline{Strikeout{}}, flow, depth);
          return;
        }
        throw NeedsHtml{};
    }
  }

  /// DomReader::line_break: with the br_runs rule, two or more <br> in a row end the paragraph.
  void line_break(cmark_node* br, html::Flow& flow) {
    if (!rules_.on(html::CleanRule::br_runs)) {
      flow.line_break();
      return;
    }
    if (neighbour_is_break(br, false)) return;
    if (flow.after_line_break()) {
      rules_.fired(html::CleanRule::br_runs);
      flow.end_paragraph();
      return;
    }
    if (!neighbour_is_break(br, true)) {
      flow.line_break();
      return;
    }
    rules_.fired(html::CleanRule::br_runs);
    flow.end_paragraph();
  }

  /// <a href title data-sheaf-md> (DomReader::link): the destination as written, even empty; an
  /// unsafe one (javascript:, data:…) leaves only the link text.
  void link(cmark_node* n, html::Flow& flow, std::size_t depth) {
    enter(depth);
    const std::string href = resolved(restored(checked(cmark_node_get_url(n))));
    if (is_unsafe_url(href)) {  // still an <a> in the HTML
      ++in_link_;
      inlines(n, flow, depth + 1);
      --in_link_;
      return;
    }
    Link proto{href, restored(checked(cmark_node_get_title(n))), {}};
    if (!cmark_node_first_child(n)) {
      flow.atom(Inline{std::move(proto)});
      return;
    }
    flow.open(Inline{std::move(proto)});
    ++in_link_;
    inlines(n, flow, depth + 1);
    --in_link_;
    flow.close();
  }

  /// <sup class="footnote-ref"><a href="#fn-…">N</a></sup> (DomReader::footnote_reference): the
  /// first reference to a note is the Note, holding the definition's blocks (its back links are
  /// dropped); a later one is the number N as text.
  void footnote_reference(cmark_node* n, html::Flow& flow, std::size_t depth) {
    enter(depth);  // the <sup>
    // Inside a link the HTML has an <a> in an <a>, which the HTML parser takes apart.
    if (in_link_ > 0) throw NeedsHtml{};
    const std::string number = checked(cmark_node_get_literal(n));
    std::size_t k = 0;
    for (char c : number) {
      if (c < '0' || c > '9' || k > notes_.size()) throw NeedsHtml{};
      k = k * 10 + static_cast<std::size_t>(c - '0');
    }
    if (k == 0 || k > notes_.size()) throw NeedsHtml{};
    Footnote& note = notes_[k - 1];
    if (note.used) {
      flow.text(number);
      return;
    }
    note.used = true;
    flow.atom(Inline{Note{sub_blocks(note.definition, depth + 1)}});
  }

  /// <img src alt title data-sheaf-md /> (DomReader's image element): icons and pixels by the
  /// furniture rules, an unsafe source drops the image, an empty one as written is kept.
  void image(cmark_node* n, html::Flow& flow) {
    const std::string src = restored(checked(cmark_node_get_url(n)));
    std::string alt;
    alt_text(n, alt);
    alt = restored(std::move(alt));
    const std::string title = restored(checked(cmark_node_get_title(n)));
    switch (html::image_furniture(src, {}, {}, {})) {
      case html::Furniture::none:
        break;
      case html::Furniture::tracking_pixel:
        if (rules_.on(html::CleanRule::tracking_pixels)) {
          rules_.fired(html::CleanRule::tracking_pixels);
          return;
        }
        break;
      case html::Furniture::icon:
        if (rules_.on(html::CleanRule::zoom_icons)) {
          rules_.fired(html::CleanRule::zoom_icons);
          return;
        }
        break;
    }
    Image img;
    if (!is_unsafe_url(src) && !src.empty()) img.src = resolved(src);
    img.alt = html::collapse_spaces(alt);
    img.title = html::collapse_spaces(title);
    if (!img.src.empty() || src.empty()) flow.atom(Inline{std::move(img)});
  }

  html::CleanRules& rules_;
  const TreeOptions& tree_;
  std::size_t max_depth_;
  html::EmptyElements empties_;
  std::vector<bool> item_has_paragraph_;  // per open item or quote: a <p> directly inside
  std::string base_url_;
  std::string scratch_;  // char_data's copy when text must change
  const TextRestore* restore_;
  struct Footnote {
    cmark_node* definition;
    bool used;
  };
  std::vector<Footnote> notes_;  // by number: notes_[N - 1]
  cmark_node* root_ = nullptr;
  int in_link_ = 0;              // open links around the current inline
};

}  // namespace

std::optional<Blocks> read_tree(cmark_node* document, const ReaderOptions& options, Context& context,
                                const std::string& source_name, const TreeOptions& tree) {
  if (!options.drop_selectors.empty()) return std::nullopt;
  if (!options.base_url.empty() && options.base_url != "canonical" && !html::is_absolute_http_url(options.base_url))
    return std::nullopt;  // the HTML route gives the usage error
  html::CleanRules rules(options.no_clean);
  try {
    Blocks blocks = TreeReader(options, rules, tree).read(document);
    rules.report(context, source_name);
    return blocks;
  } catch (const NeedsHtml&) {
    return std::nullopt;
  }
}

}  // namespace sheaf::markdown
