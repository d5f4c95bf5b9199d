// The Markdown writer: GitHub-Flavored Markdown with YAML front matter (docs/formats/markdown.md).
// Blocks are written here; inline text in md_inline.*, front matter in md_front_matter.*, pipe
// tables in md_table.*, and raw HTML for what GFM cannot say in md_html_blocks.*.
#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <string_view>

#include "converters/markdown/markdown.hpp"
#include "converters/markdown/md_emitter.hpp"
#include "converters/markdown/md_escape.hpp"
#include "converters/markdown/md_front_matter.hpp"
#include "converters/markdown/md_html_blocks.hpp"
#include "converters/markdown/md_inline.hpp"
#include "converters/markdown/md_state.hpp"
#include "converters/markdown/md_table.hpp"
#include "converters/shared/unicode.hpp"
#include "core/overloaded.hpp"

namespace sheaf::markdown {
namespace {

bool is_transparent_div(const Block& b) {
  const auto* d = std::get_if<Div>(&b.node);
  return d && d->attr.id.empty() && d->attr.lang.empty();
}

/// The blocks of a sequence with attribute-less divs opened up: they have no Markdown form and
/// their children belong to the enclosing container.
void flatten_blocks(const Blocks& blocks, std::vector<const Block*>& out) {
  for (const Block& b : blocks) {
    if (is_transparent_div(b))
      flatten_blocks(std::get<Div>(b.node).children, out);
    else
      out.push_back(&b);
  }
}

bool contains_line_break(const Inlines& inlines) {
  for (const Inline& in : inlines) {
    const bool found = std::visit(
        overloaded{
            [](const Text&) { return false; },
            [](const Emph& e) { return contains_line_break(e.children); },
            [](const Strong& s) { return contains_line_break(s.children); },
            [](const Strikeout& s) { return contains_line_break(s.children); },
            [](const Superscript& s) { return contains_line_break(s.children); },
            [](const Subscript& s) { return contains_line_break(s.children); },
            [](const Code&) { return false; },
            [](const Link& l) { return contains_line_break(l.children); },
            [](const Image&) { return false; },
            [](const LineBreak&) { return true; },
            [](const Note&) { return false; },  // its content is written elsewhere
            [](const Math&) { return false; },
            [](const Span& s) { return contains_line_break(s.children); },
            [](const RawInline&) { return false; },  // a newline in raw HTML is not a hard break
        },
        in.node);
    if (found) return true;
  }
  return false;
}

/// Whether `next` can start right on the line after a paragraph (inside a tight list item, where
/// a blank line would make the list loose).
bool interrupts_paragraph(const Block& next, bool setext_heading) {
  return std::visit(
      overloaded{
          [](const Paragraph&) { return false; },
          [&](const Heading&) { return !setext_heading; },
          [](const BulletList& l) { return !l.items.empty() && !l.items.front().children.empty(); },
          [](const OrderedList& l) {
            return l.start == 1 && !l.items.empty() && !l.items.front().children.empty();
          },
          [](const BlockQuote&) { return true; },
          [](const CodeBlock&) { return true; },
          [](const ThematicBreak&) { return true; },
          [](const Table&) { return false; },
          [](const Figure&) { return false; },
          [](const DefinitionList&) { return false; },
          [](const Div&) { return false; },
          [](const RawBlock&) { return false; },
      },
      next.node);
}

/// Whether `body` holds `{{` or `{%`, the only text md_protect_liquid changes.
bool holds_liquid_markup(std::string_view body) {
  for (std::size_t i = body.find('{'); i != std::string_view::npos; i = body.find('{', i + 1))
    if (i + 1 < body.size() && (body[i + 1] == '{' || body[i + 1] == '%')) return true;
  return false;
}

class BlockWriter {
 public:
  BlockWriter(MdState& state, MdEmitter& em) : state_(state), em_(em) {}

  /// Writes a sequence of blocks inside the current container. `tight`: a tight list item's
  /// blocks, written without blank lines between them (the caller checked this is possible).
  void blocks(const Blocks& bs, bool tight, bool item_start = false) {
    std::vector<const Block*> seq;
    flatten_blocks(bs, seq);
    const Block* prev = nullptr;
    bool alternate_bullet = false, alternate_ordered = false;
    for (const Block* b : seq) {
      if (prev && !(tight && joinable(*prev, *b))) em_.blank();
      const bool bullet = std::holds_alternative<BulletList>(b->node);
      const bool ordered = std::holds_alternative<OrderedList>(b->node);
      // Two lists in a row would merge into one unless their markers differ.
      alternate_bullet = bullet && prev && std::holds_alternative<BulletList>(prev->node) && !alternate_bullet;
      alternate_ordered = ordered && prev && std::holds_alternative<OrderedList>(prev->node) && !alternate_ordered;
      const std::size_t before = em_.line_count();
      block(*b, bullet ? alternate_bullet : alternate_ordered, item_start && !prev);
      if (em_.line_count() > before) prev = b;
    }
  }

  /// Footnote definitions, then reference-link definitions, after the body.
  void end_matter() {
    for (std::size_t n = 0; n < state_.notes.size(); ++n) {  // notes may add notes
      em_.blank();
      const std::string label = "[^" + std::to_string(n + 1) + "]:";
      em_.push(label + " ", "    ");
      blocks(state_.notes[n], false);
      em_.pop();
    }
    if (!state_.references.empty()) {
      em_.blank();
      for (std::size_t n = 0; n < state_.references.size(); ++n) {
        const MdReference& r = state_.references[n];
        std::string line = "[";
        line += std::to_string(n + 1);
        line += "]: ";
        line += md_link_destination(r.url);
        line += md_link_title(r.title);
        em_.lines(line);
      }
    }
  }

 private:
  bool joinable(const Block& prev, const Block& next) const {
    const bool setext = is_setext(next);
    return std::visit(
        overloaded{
            [&](const Paragraph&) { return interrupts_paragraph(next, setext); },
            [&](const Figure&) { return interrupts_paragraph(next, setext); },
            [&](const Heading&) { return true; },
            [&](const CodeBlock&) { return true; },
            [&](const ThematicBreak&) { return true; },
            // A paragraph line after these would continue their last paragraph (lazily), but a
            // line that starts a block closes them; a quote right after a quote would merge.
            [&](const BulletList&) { return interrupts_paragraph(next, setext); },
            [&](const OrderedList&) { return interrupts_paragraph(next, setext); },
            [&](const BlockQuote&) {
              return !std::holds_alternative<BlockQuote>(next.node) && interrupts_paragraph(next, setext);
            },
            [](const Table&) { return false; },
            [](const DefinitionList&) { return false; },
            [](const Div&) { return false; },
            [](const RawBlock&) { return false; },
        },
        prev.node);
  }

  /// A tight list stays tight only if every item's blocks can follow each other without blank
  /// lines; otherwise it is written loose (docs/formats/markdown.md, "Normalisations").
  bool can_be_tight(const std::vector<ListItem>& items) const {
    for (const ListItem& item : items) {
      std::vector<const Block*> seq;
      flatten_blocks(item.children, seq);
      for (std::size_t i = 1; i < seq.size(); ++i)
        if (!joinable(*seq[i - 1], *seq[i])) return false;
    }
    return true;
  }

  static bool is_setext(const Block& b) {
    const auto* h = std::get_if<Heading>(&b.node);
    return h && h->level <= 2 && contains_line_break(h->children);
  }

  void block(const Block& b, bool alternate, bool item_start) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { paragraph(p.children, item_start); },
                   [&](const Heading& h) { heading(h); },
                   [&](const BulletList& l) { bullet_list(l, alternate); },
                   [&](const OrderedList& l) { ordered_list(l, alternate); },
                   [&](const BlockQuote& q) {
                     em_.push("> ", "> ");
                     blocks(q.children, false);
                     em_.pop();
                   },
                   [&](const CodeBlock& c) { code_block(c); },
                   [&](const ThematicBreak&) { em_.lines("***"); },
                   [&](const Table& t) { table(t); },
                   [&](const Figure& f) { figure(f); },
                   [&](const DefinitionList& d) { definition_list(d); },
                   [&](const Div& d) { div(d); },
                   [&](const RawBlock& r) { raw_block(r); },
               },
               b.node);
  }

  void paragraph(const Inlines& inlines, bool item_start) {
    MdInlineText t = md_render_inlines(inlines, InlineMode::paragraph, state_);
    if (t.text.empty()) return;
    // `[ ]` or `[x]` first in a list item would make it a task item.
    if (item_start && t.text.size() >= 3 && t.text[0] == '[' && t.text[2] == ']' &&
        (t.text[1] == ' ' || t.text[1] == 'x' || t.text[1] == 'X') &&
        (t.text.size() == 3 || t.text[3] == ' ' || t.text[3] == '\t')) {
      t.text.insert(0, "\\");
      for (std::size_t& b : t.breaks) ++b;
    }
    em_.paragraph(t);
  }

  void heading(const Heading& h) {
    const int level = std::clamp(h.level, 1, 6);
    if (level <= 2 && contains_line_break(h.children)) {
      // Setext: the only Markdown heading that can hold a hard line break.
      const MdInlineText t = md_render_inlines(h.children, InlineMode::paragraph, state_);
      // (`a |` over `---` would read as a table; a break may also have been dropped at the end)
      if (t.text.find('\n') != std::string::npos && t.text.find('|') == std::string::npos) {
        std::size_t width = 3;
        std::size_t start = 0;
        while (start <= t.text.size()) {
          const std::size_t nl = t.text.find('\n', start);
          const std::string_view line = std::string_view(t.text).substr(
              start, nl == std::string::npos ? std::string::npos : nl - start);
          width = std::max(width, unicode::display_width(line));
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
        em_.lines(t.text);
        em_.lines(std::string(width, level == 1 ? '=' : '-'));
        return;
      }
    }
    const MdInlineText t = md_render_inlines(h.children, InlineMode::heading, state_);
    std::string line(static_cast<std::size_t>(level), '#');
    if (!t.text.empty()) line += " " + t.text;
    em_.lines(line);
  }

  void list_items(const std::vector<ListItem>& items, bool tight,
                  const std::function<std::string(std::size_t)>& marker) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const ListItem& item = items[i];
      if (i > 0 && !tight) em_.blank();
      std::string first = marker(i);
      const std::string rest(first.size(), ' ');
      if (item.task != Task::none) {
        std::vector<const Block*> seq;
        flatten_blocks(item.children, seq);
        if (!seq.empty() && std::holds_alternative<Paragraph>(seq.front()->node))
          first += item.task == Task::done ? "[x] " : "[ ] ";
        else
          state_.warn("markdown.task_dropped",
                      "a task-list item that does not start with a paragraph was written as a plain item");
      }
      em_.push(first, rest);
      blocks(item.children, tight, item.task == Task::none);
      em_.pop();
    }
  }

  void bullet_list(const BulletList& l, bool alternate) {
    const std::string marker = alternate ? "+ " : "- ";
    list_items(l.items, l.tight && can_be_tight(l.items), [&](std::size_t) { return marker; });
  }

  void ordered_list(const OrderedList& l, bool alternate) {
    constexpr long long max_number = 999999999;  // CommonMark allows at most nine digits
    const long long start = std::clamp<long long>(l.start, 0, max_number);
    const char delimiter = alternate ? ')' : '.';
    list_items(l.items, l.tight && can_be_tight(l.items), [&](std::size_t i) {
      const long long n = std::min(start + static_cast<long long>(i), max_number);
      return std::to_string(n) + delimiter + " ";
    });
  }

  void code_block(const CodeBlock& c) {
    std::string text = c.text;
    for (std::size_t p = text.find('\r'); p != std::string::npos; p = text.find('\r', p)) {
      if (p + 1 < text.size() && text[p + 1] == '\n') text.erase(p, 1);
      else text[p] = '\n';
    }
    const bool had_text = !text.empty();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    const char fence_char = c.language.find('`') != std::string::npos ? '~' : '`';
    std::size_t longest = 0;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] != fence_char) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < text.size() && text[j] == fence_char) ++j;
      longest = std::max(longest, j - i);
      i = j;
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), fence_char);
    em_.lines(fence + md_info_string(c.language));
    if (had_text) em_.lines(text);
    em_.lines(fence);
  }

  void table(const Table& t) {
    if (md_table_columns(t) == 0 && t.caption.empty()) return;
    if (md_pipe_table_fits(t)) {
      em_.lines(md_pipe_table(t, state_));
      return;
    }
    // No pipe table can hold it: an HTML table whose cells stay Markdown.
    em_.lines("<table>");
    if (!t.caption.empty()) html_element("caption", "", Blocks{Block{Paragraph{t.caption}}});
    auto rows = [&](const char* section, const std::vector<TableRow>& rs) {
      if (rs.empty()) return;
      em_.lines(std::string("<") + section + ">");
      for (const TableRow& r : rs) {
        em_.lines("<tr>");
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
          const TableCell& cell = r.cells[c];
          std::string attrs;
          if (cell.col_span != 1) attrs += " colspan=\"" + std::to_string(cell.col_span) + "\"";
          if (cell.row_span != 1) attrs += " rowspan=\"" + std::to_string(cell.row_span) + "\"";
          switch (cell.align) {
            case Alignment::none: break;
            case Alignment::left: attrs += " align=\"left\""; break;
            case Alignment::center: attrs += " align=\"center\""; break;
            case Alignment::right: attrs += " align=\"right\""; break;
          }
          html_element(cell.header ? "th" : "td", attrs, cell.content);
        }
        em_.lines("</tr>");
      }
      em_.lines(std::string("</") + section + ">");
    };
    rows("thead", t.head);
    rows("tbody", t.body);
    em_.lines("</table>");
  }

  /// `<tag attrs>content</tag>`: on one line when the content is plain text, else the content as
  /// Markdown between blank lines (CommonMark ends the HTML block at the blank line).
  void html_element(const std::string& tag, const std::string& attrs, const Blocks& content) {
    const std::string open = "<" + tag + attrs + ">";
    const std::string close = "</" + tag + ">";
    if (content.empty()) {
      em_.lines(open + close);
      return;
    }
    if (content.size() == 1)
      if (const auto* p = std::get_if<Paragraph>(&content.front().node))
        if (auto text = md_plain_inline_text(p->children)) {
          em_.lines(open + md_html_text(*text) + close);
          return;
        }
    // kramdown (Jekyll) reads Markdown inside an HTML block only when told: `markdown="1"` parses
    // a td's or dd's content as blocks, `markdown="block"` any other element's.
    if (state_.jekyll)
      em_.lines("<" + tag + attrs + (tag == "td" || tag == "dd" ? " markdown=\"1\">" : " markdown=\"block\">"));
    else
      em_.lines(open);
    em_.blank();
    blocks(content, false);
    em_.blank();
    em_.lines(close);
  }

  void figure(const Figure& f) {
    Inlines line{Inline{f.image}};
    if (!f.caption.empty() || !f.credit.empty()) line.push_back(Inline{LineBreak{}});
    if (!f.caption.empty()) line.push_back(Inline{Emph{f.caption}});
    if (!f.caption.empty() && !f.credit.empty()) line.push_back(Inline{Text{" "}});
    if (!f.credit.empty()) line.push_back(Inline{Emph{f.credit}});
    paragraph(line, false);
  }

  void definition_list(const DefinitionList& d) {
    em_.lines("<dl>");
    for (const DefinitionItem& item : d.items) {
      html_element("dt", "", item.term.empty() ? Blocks{} : Blocks{Block{Paragraph{item.term}}});
      for (const Blocks& def : item.definitions) html_element("dd", "", def);
    }
    em_.lines("</dl>");
  }

  void div(const Div& d) {
    std::string attrs;
    if (!d.attr.id.empty()) attrs += " id=\"" + md_html_attribute(d.attr.id) + "\"";
    if (!d.attr.classes.empty()) {
      std::string classes;
      for (const std::string& c : d.attr.classes) classes += (classes.empty() ? "" : " ") + c;
      attrs += " class=\"" + md_html_attribute(classes) + "\"";
    }
    if (!d.attr.lang.empty()) attrs += " lang=\"" + md_html_attribute(d.attr.lang) + "\"";
    const std::string open = "<div" + attrs + ">";
    if (d.children.empty()) {
      em_.lines(open + "</div>");
      return;
    }
    em_.lines(open);
    em_.blank();
    blocks(d.children, false);
    em_.blank();
    em_.lines("</div>");
  }

  void raw_block(const RawBlock& r) {
    std::string format;
    for (char c : r.format) format += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (format == "html") {
      const std::string html = md_raw_html_block(r.text);
      if (!html.empty()) em_.lines(html);
      return;
    }
    if (format == "markdown" || format == "md" || format == "gfm" || format == "commonmark" ||
        format == "liquid") {
      std::string_view text = r.text;
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
      if (!text.empty()) em_.lines(text);
      return;
    }
    state_.warn("markdown.raw_dropped",
                "a raw block in format '" + r.format + "' has no Markdown form and was left out");
  }

  MdState& state_;
  MdEmitter& em_;
};

}  // namespace

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  std::string body;
  MdState state(options.markdown, context, doc.source_name);
  state.jekyll = options.markdown.front_matter && !doc.meta.empty();
  MdEmitter em(body, options.markdown);
  BlockWriter writer(state, em);
  writer.blocks(doc.blocks, false);
  writer.end_matter();
  const std::string front = options.markdown.front_matter ? md_front_matter(doc.meta) : std::string();
  if (front.empty()) {
    out << body;
    return;
  }
  // With front matter this is a Jekyll post, whose body Jekyll runs through Liquid first.
  out << front;
  if (!body.empty()) out << '\n';
  if (holds_liquid_markup(body))
    out << md_protect_liquid(body);
  else
    out << body;  // md_protect_liquid changes only `{{` and `{%`: the body as it is, uncopied
}

}  // namespace sheaf::markdown
