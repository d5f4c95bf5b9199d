#include "core/url_safety.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/overloaded.hpp"

namespace sheaf {

bool is_unsafe_url(std::string_view url) noexcept {
  // The longest unsafe scheme is "javascript" (10 letters); a longer scheme is safe.
  char scheme[11];
  std::size_t length = 0;
  bool started = false;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (!started && u <= 0x20) continue;  // leading controls and spaces
    started = true;
    if (c == '\t' || c == '\n' || c == '\r') continue;  // ignored inside a scheme
    if (c == ':') {
      const std::string_view s(scheme, length);
      return s == "javascript" || s == "vbscript" || s == "data";
    }
    if (length == sizeof scheme) return false;
    scheme[length++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return false;  // no scheme: a relative reference such as "data" or "javascript/x.js"
}

namespace {

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/// Raw text in any format but plain text may be copied as markup by a writer (the Markdown writer
/// copies raw HTML and Markdown verbatim).
bool is_markup(std::string_view format) { return format != "text" && format != "plain"; }

/// Decodes the character reference at text[i] ('&'), browser-style (the ';' may be missing after
/// a number); returns the ASCII character (or ' ' for anything else) and advances `i` past it, or
/// returns '&' and advances by one when it is not a reference this check needs.
char decode_reference(std::string_view text, std::size_t& i) {
  std::size_t p = i + 1;
  if (p < text.size() && text[p] == '#') {
    ++p;
    const bool hex = p < text.size() && (text[p] == 'x' || text[p] == 'X');
    if (hex) ++p;
    std::uint32_t value = 0;
    const std::size_t digits_start = p;
    for (; p < text.size(); ++p) {
      const char c = text[p];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) break;
      if (value < 0x110000) value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (p == digits_start) { ++i; return '&'; }
    if (p < text.size() && text[p] == ';') ++p;
    i = p;
    return value > 0 && value < 0x80 ? static_cast<char>(value) : ' ';
  }
  for (const auto& [name, c] : {std::pair<std::string_view, char>{"colon;", ':'},
                                {"Tab;", '\t'}, {"NewLine;", '\n'}}) {
    if (text.substr(p, name.size()) == name) {
      i = p + name.size();
      return c;
    }
  }
  ++i;
  return '&';
}

/// One pass over the document; `removed` counts the URLs taken out.
class UrlScrubber {
 public:
  std::size_t removed = 0;

  void blocks(Blocks& in) {
    Blocks out;
    out.reserve(in.size());
    for (Block& block : in)
      if (auto replacement = this->block(std::move(block))) out.push_back(std::move(*replacement));
    in = std::move(out);
  }

 private:
  /// Appends to `out`; a Text right after content spliced in from an unwrapped Link joins the
  /// Text before it, so the model keeps "no two adjacent Text nodes".
  struct InlineSink {
    Inlines& out;
    bool join_next = false;
    void add(Inline&& x) {
      auto* text = std::get_if<Text>(&x.node);
      if (join_next && text && !out.empty())
        if (auto* last = std::get_if<Text>(&out.back().node)) {
          last->text += text->text;
          join_next = false;
          return;
        }
      join_next = false;
      out.push_back(std::move(x));
    }
    void splice(Inlines&& children) {
      for (Inline& child : children) {
        join_next = true;
        add(std::move(child));
      }
      join_next = true;
    }
  };

  void inlines(Inlines& in) {
    Inlines out;
    out.reserve(in.size());
    InlineSink sink{out};
    for (Inline& x : in) {
      std::visit(overloaded{
                     [&](Text&) { sink.add(std::move(x)); },
                     [&](Emph& e) { inlines(e.children); sink.add(std::move(x)); },
                     [&](Strong& e) { inlines(e.children); sink.add(std::move(x)); },
                     [&](Strikeout& e) { inlines(e.children); sink.add(std::move(x)); },
                     [&](Superscript& e) { inlines(e.children); sink.add(std::move(x)); },
                     [&](Subscript& e) { inlines(e.children); sink.add(std::move(x)); },
                     [&](Code&) { sink.add(std::move(x)); },
                     [&](Link& link) {
                       inlines(link.children);
                       if (!is_unsafe_url(link.url)) return sink.add(std::move(x));
                       ++removed;
                       sink.splice(std::move(link.children));  // the text stays
                     },
                     [&](Image& image) {
                       if (!is_unsafe_url(image.src)) return sink.add(std::move(x));
                       ++removed;  // left out, as the HTML reader leaves out an unusable <img>
                     },
                     [&](LineBreak&) { sink.add(std::move(x)); },
                     [&](Note& note) { blocks(note.content); sink.add(std::move(x)); },
                     [&](Math&) { sink.add(std::move(x)); },
                     [&](Span& span) { inlines(span.children); sink.add(std::move(x)); },
                     [&](RawInline& r) {
                       if (!is_markup(r.format) || !has_unsafe_url_in_markup(r.text))
                         return sink.add(std::move(x));
                       ++removed;  // as a RawBlock with such a URL
                     },
                 },
                 x.node);
    }
    in = std::move(out);
  }

  void items(std::vector<ListItem>& list) {
    for (ListItem& item : list) blocks(item.children);
  }

  void rows(std::vector<TableRow>& list) {
    for (TableRow& row : list)
      for (TableCell& cell : row.cells) blocks(cell.content);
  }

  /// The block to keep in place of `block`, or nothing.
  std::optional<Block> block(Block&& block) {
    return std::visit(
        overloaded{
            [&](Paragraph& p) -> std::optional<Block> {
              const bool had_content = !p.children.empty();
              inlines(p.children);
              if (had_content && p.children.empty()) return std::nullopt;  // only unsafe images
              return std::move(block);
            },
            [&](Heading& h) -> std::optional<Block> { inlines(h.children); return std::move(block); },
            [&](BulletList& l) -> std::optional<Block> { items(l.items); return std::move(block); },
            [&](OrderedList& l) -> std::optional<Block> { items(l.items); return std::move(block); },
            [&](BlockQuote& q) -> std::optional<Block> { blocks(q.children); return std::move(block); },
            [&](CodeBlock&) -> std::optional<Block> { return std::move(block); },
            [&](ThematicBreak&) -> std::optional<Block> { return std::move(block); },
            [&](Table& t) -> std::optional<Block> {
              inlines(t.caption);
              rows(t.head);
              rows(t.body);
              return std::move(block);
            },
            [&](Figure& f) -> std::optional<Block> {
              inlines(f.caption);
              inlines(f.credit);
              if (!is_unsafe_url(f.image.src)) return std::move(block);
              ++removed;
              // No image: its caption and credit stay as a paragraph.
              Paragraph p;
              InlineSink sink{p.children};
              for (Inline& x : f.caption) sink.add(std::move(x));
              if (!f.caption.empty() && !f.credit.empty()) {
                sink.join_next = true;
                sink.add(Inline{Text{" "}});
              }
              sink.join_next = true;
              for (Inline& x : f.credit) sink.add(std::move(x));
              if (p.children.empty()) return std::nullopt;
              return Block{std::move(p)};
            },
            [&](DefinitionList& d) -> std::optional<Block> {
              for (DefinitionItem& item : d.items) {
                inlines(item.term);
                for (Blocks& definition : item.definitions) blocks(definition);
              }
              return std::move(block);
            },
            [&](Div& d) -> std::optional<Block> { blocks(d.children); return std::move(block); },
            [&](RawBlock& r) -> std::optional<Block> {
              if (!is_markup(r.format) || !has_unsafe_url_in_markup(r.text))
                return std::move(block);
              ++removed;
              return std::nullopt;
            },
        },
        block.node);
  }
};

}  // namespace

bool has_unsafe_url_in_markup(std::string_view text) {
  // Normalized: references decoded, ASCII lower-cased, tabs and newlines (which browsers ignore
  // inside a URL) removed.
  std::string norm;
  norm.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '&') c = decode_reference(text, i);
    else ++i;
    if (c == '\t' || c == '\n' || c == '\r') continue;
    norm += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view scheme : {"javascript:", "vbscript:", "data:"}) {
    for (std::size_t p = norm.find(scheme); p != std::string::npos; p = norm.find(scheme, p + 1))
      if (p == 0 || !is_scheme_char(norm[p - 1])) return true;
  }
  return false;
}

std::size_t drop_unsafe_urls(Document& doc) {
  UrlScrubber scrubber;
  scrubber.blocks(doc.blocks);
  return scrubber.removed;
}

}  // namespace sheaf
