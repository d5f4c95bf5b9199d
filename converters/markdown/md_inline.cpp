#include "converters/markdown/md_inline.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "converters/markdown/md_emphasis.hpp"
#include "converters/markdown/md_escape.hpp"
#include "converters/markdown/md_inline_normalize.hpp"
#include "converters/markdown/md_kramdown_typography.hpp"
#include "converters/markdown/md_unicode.hpp"
#include "converters/shared/unicode.hpp"
#include "core/overloaded.hpp"
#include "core/utf8.hpp"

namespace sheaf::markdown {
namespace {

enum class PieceKind : std::uint8_t { text, open, close, markup, link_open, link_close, hard_break };

/// A stretch of output: text still to be escaped, an emphasis delimiter still to be chosen, or
/// finished Markdown (code spans, link and image syntax, footnote references, raw HTML tags).
/// Kept small (48 bytes): a long paragraph has a million, and every pass walks them all.
struct Piece {
  std::string text;
  std::uint32_t node = 0;     ///< open/close: the emphasis node (two pieces each, so < 2^32)
  int scope = 0;              ///< emphasis pairs only within one scope: 0, or one link's text
  PieceKind kind = PieceKind::text;
  bool in_link = false;       ///< text inside link text
  bool encode_first = false;  ///< text: write the first code point as a character reference
  bool encode_last = false;   ///< text: write the last code point as a character reference
  bool footnote_ref = false;  ///< markup: `[^n]`
};

/// A markup piece `<a@b.c>` that may be written bare (GFM links it anyway): its index and the
/// address. Kept apart from Piece, which a long paragraph has a million of.
struct BareEmail {
  std::size_t piece = 0;
  std::string address;
};

/// What the flattener saw of the pieces' text, while it was in cache. Which characters the
/// renderer's analyses look for occur in some text piece: without any, an analysis has nothing
/// to escape (a long paragraph often has none). Sizes, to reserve the output.
struct PieceStats {
  bool emphasis = false;   ///< `*`, `_` or `~` in text
  bool backticks = false;  ///< `` ` `` in text
  std::size_t spaces = 0;  ///< ASCII spaces in text: at least as many as wrap breaks
  std::size_t bytes = 0;   ///< of all pieces' text
  bool line_ends = false;  ///< a piece may end a line (Renderer::ends_line): a hard break, or
                           ///< markup ending in a newline (a bare e-mail address ends in a letter)
};

struct EmphNode {
  EmphKind kind = EmphKind::emph;
  std::size_t open = 0, close = 0;
  bool flip = false;   ///< the other delimiter character (`_` for `*`; `~` for `~~`)
  bool html = false;   ///< raw HTML: the last resort
  int repairs = 0;     ///< repairs tried so far
};

bool flipped(const EmphNode& n) { return n.flip; }
bool as_html(const EmphNode& n) { return n.html; }
char delim_char(const EmphNode& n) {
  if (n.kind == EmphKind::strike) return '~';
  return flipped(n) ? '_' : '*';
}
int delim_length(const EmphNode& n) {
  switch (n.kind) {
    case EmphKind::emph: return 1;
    case EmphKind::strong: return 2;
    case EmphKind::strike: return flipped(n) ? 1 : 2;
  }
  return 1;
}
/// The first and last character of node `n`'s opening or closing delimiter.
char delim_first(const EmphNode& n) { return as_html(n) ? '<' : delim_char(n); }
char delim_last(const EmphNode& n) { return as_html(n) ? '>' : delim_char(n); }
/// Appends node `n`'s opening (closing) delimiter to `out`: `*`, `**`, `~~`, their flipped
/// forms, or raw HTML tags (the last resort).
void append_delim(const EmphNode& n, bool open, std::string& out) {
  if (as_html(n)) {
    out += open ? "<" : "</";
    out += n.kind == EmphKind::emph ? "em" : n.kind == EmphKind::strong ? "strong" : "del";
    out += '>';
    return;
  }
  out.append(static_cast<std::size_t>(delim_length(n)), delim_char(n));
}

std::string html_attribute(std::string_view v) {
  std::string out;
  for (char c : v) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// TeX that CommonMark passes through untouched between `$` signs (so a math-aware renderer and a
/// plain one both see it as written).
bool math_is_inert(std::string_view tex) {
  if (tex.front() == ' ' || tex.back() == ' ') return false;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    const char c = tex[i];
    if (std::string_view("*`[]<&~!|$\n\r").find(c) != std::string_view::npos) return false;
    if (c == '\\' && i + 1 < tex.size() && md_is_ascii_punct(tex[i + 1])) return false;
    if (c == '\\' && i + 1 == tex.size()) return false;
    if (c == '_' && !(i > 0 && i + 1 < tex.size() && is_alnum(tex[i - 1]) && is_alnum(tex[i + 1])))
      return false;
  }
  return true;
}

std::string math_markdown(const Math& source, bool jekyll) {
  // A newline in TeX is a space; in Markdown it would end the line, where container prefixes and
  // block starts would meet the TeX.
  Math m = source;
  for (char& c : m.tex)
    if (c == '\n' || c == '\r') c = ' ';
  // kramdown (Jekyll) reads `$$…$$` as math, inline or alone in a paragraph as display, and takes
  // the TeX literally; it cannot hold `$$`.
  if (jekyll && m.tex.find("$$") == std::string::npos) return "$$" + m.tex + "$$";
  const std::string fence = m.display ? "$$" : "$";
  if (math_is_inert(m.tex)) return fence + m.tex + fence;
  // GitHub's form for TeX that Markdown would otherwise rewrite: the TeX inside a code span.
  return fence + md_code_span(m.tex) + fence;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// An address GFM's autolink extension links when it stands in text (autolink.c
/// postprocess_text): letters, digits and `.+-_` then `@`, a domain with a dot followed by a
/// letter or digit, ending in a letter.
bool gfm_links_bare_email(std::string_view a) {
  const auto at = a.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= a.size() || !is_alpha(a.back())) return false;
  for (std::size_t i = 0; i < at; ++i)
    if (!is_alnum(a[i]) && std::string_view(".+-_").find(a[i]) == std::string_view::npos) return false;
  bool dot = false;
  for (std::size_t i = at + 1; i < a.size(); ++i) {
    const char c = a[i];
    if (c == '.' && i + 1 < a.size() && is_alnum(a[i + 1])) dot = true;
    else if (!is_alnum(c) && c != '-' && c != '_') return false;
  }
  return dot;
}

/// Flattens normalised inlines into pieces. With `Consume`, it consumes them (the normalised
/// tree is a temporary of md_render_inlines): text is moved into the pieces, and each list is
/// freed as soon as it is flattened, while it is in cache, rather than in a later walk over the
/// whole tree. Without, it reads inlines that are already normal (the document's own) and copies.
template <bool Consume>
class Flattener {
  /// How the flattener holds a node of kind T: to consume, or to read.
  template <class T>
  using Ref = std::conditional_t<Consume, T&, const T&>;

 public:
  Flattener(InlineMode mode, MdState& state) : mode_(mode), state_(state) {}

  void list(Ref<Inlines> ins) {
    for (Ref<Inline> in : ins) node(in);
    if constexpr (Consume) Inlines().swap(ins);
  }

  std::vector<Piece> pieces;
  std::vector<EmphNode> nodes;
  std::vector<BareEmail> bare_emails;  ///< in piece order
  int scopes = 1;
  PieceStats stats;

 private:
  void node(Ref<Inline> in) {
    std::visit(overloaded{
                   [&](Ref<Text> t) {
                     if constexpr (Consume) text(std::move(t.text));
                     else text(std::string_view(t.text));
                   },
                   [&](Ref<Emph> e) { emphasis(EmphKind::emph, e.children); },
                   [&](Ref<Strong> s) { emphasis(EmphKind::strong, s.children); },
                   [&](Ref<Strikeout> s) { emphasis(EmphKind::strike, s.children); },
                   [&](Ref<Superscript> s) { wrapped("<sup>", s.children, "</sup>"); },
                   [&](Ref<Subscript> s) { wrapped("<sub>", s.children, "</sub>"); },
                   [&](const Code& c) { markup(md_code_span(c.text)); },
                   [&](Ref<Link> l) { link(l); },
                   [&](const Image& i) { markup(image(i)); },
                   [&](const LineBreak&) {
                     // kramdown's line break is two spaces or `\\` (a single backslash there is
                     // text); two spaces are a hard break in CommonMark too.
                     Piece& p = new_piece(PieceKind::hard_break);
                     stats.line_ends = true;
                     p.text = mode_ != InlineMode::paragraph ? "<br />" : state_.jekyll ? "  \n" : "\\\n";
                     stats.bytes += p.text.size();
                   },
                   [&](const Note& n) {
                     markup("[^" + std::to_string(state_.add_note(n)) + "]");
                     pieces.back().footnote_ref = true;
                   },
                   [&](const Math& m) { markup(math_markdown(m, state_.jekyll)); },
                   [&](Ref<Span> s) {
                     // <mark>, <ins> and <abbr> have no Markdown form: written as that HTML element.
                     const std::string tag = span_element(s.attr);
                     std::string open = "<" + tag;
                     if (!s.attr.id.empty()) open += " id=\"" + html_attribute(s.attr.id) + "\"";
                     if (!s.attr.lang.empty()) open += " lang=\"" + html_attribute(s.attr.lang) + "\"";
                     open += ">";
                     wrapped(open, s.children, "</" + tag + ">");
                   },
                   [&](const RawInline& r) {
                     // Raw HTML (and Markdown) is written verbatim: it was kept to be republished.
                     if (r.format == "html" || r.format == "markdown" || r.format == "gfm") {
                       if (r.text.empty()) return;
                       if (mode_ == InlineMode::paragraph) return markup(r.text);
                       // A heading or a table cell is one line: its line breaks become spaces.
                       std::string one_line = r.text;
                       std::replace(one_line.begin(), one_line.end(), '\n', ' ');
                       markup(std::move(one_line));
                       return;
                     }
                     state_.warn("markdown.raw_dropped",
                                 "raw inline text in format '" + r.format + "' has no Markdown form and was left out");
                   },
               },
               in.node);
  }

  /// Text: appended to a text piece right before it in the same scope, else a new piece. (A
  /// string_view is copied, a string moved.)
  template <class S>
  void text(S&& s) {
    note_text(s);
    if (!pieces.empty() && pieces.back().kind == PieceKind::text && pieces.back().scope == scope_) {
      pieces.back().text += s;
      return;
    }
    Piece& p = new_piece(PieceKind::text);
    if constexpr (std::is_same_v<std::decay_t<S>, std::string>) p.text = std::move(s);
    else p.text.assign(s);
    p.in_link = in_link_;
  }

  void note_text(std::string_view s) {
    static const std::array<std::uint8_t, 256> kind = [] {  // 1 emphasis, 2 backtick, 3 space
      std::array<std::uint8_t, 256> t{};
      t['*'] = t['_'] = t['~'] = 1;
      t['`'] = 2;
      t[' '] = 3;
      return t;
    }();
    stats.bytes += s.size();
    for (char c : s) {
      switch (kind[static_cast<unsigned char>(c)]) {
        case 1: stats.emphasis = true; break;
        case 2: stats.backticks = true; break;
        case 3: ++stats.spaces; break;
        default: break;
      }
    }
  }

  /// A new piece of `kind` in the current scope, in place.
  Piece& new_piece(PieceKind kind) {
    Piece& p = pieces.emplace_back();
    p.kind = kind;
    p.scope = scope_;
    return p;
  }

  void markup(std::string s, PieceKind kind = PieceKind::markup) {
    stats.bytes += s.size();
    if (!s.empty() && s.back() == '\n') stats.line_ends = true;
    new_piece(kind).text = std::move(s);
  }

  void wrapped(std::string open, Ref<Inlines> children, std::string close) {
    markup(std::move(open));
    list(children);
    markup(std::move(close));
  }

  void emphasis(EmphKind kind, Ref<Inlines> children) {
    const std::size_t id = nodes.size();
    nodes.push_back(EmphNode{kind, pieces.size(), 0, 0});
    new_piece(PieceKind::open).node = static_cast<std::uint32_t>(id);
    list(children);
    nodes[id].close = pieces.size();
    new_piece(PieceKind::close).node = static_cast<std::uint32_t>(id);
  }

  bool reference_style() const { return state_.options.reference_links; }

  void link(Ref<Link> l) {
    if (l.children.size() == 1 && l.title.empty() &&
        !(mode_ == InlineMode::table_cell && l.url.find('|') != std::string::npos))
      if (const auto* t = std::get_if<Text>(&l.children.front().node)) {
        if (t->text == l.url && md_is_autolink_uri(l.url)) {
          markup("<" + l.url + ">");
          return;
        }
        if (l.url == "mailto:" + t->text && md_is_autolink_email(t->text)) {
          markup("<" + t->text + ">");
          if (gfm_links_bare_email(t->text)) bare_emails.push_back(BareEmail{pieces.size() - 1, t->text});
          return;
        }
      }
    markup("[", PieceKind::link_open);
    const int outer = scope_;
    scope_ = scopes++;
    in_link_ = true;
    list(l.children);
    in_link_ = false;
    scope_ = outer;
    if (reference_style())
      markup("][" + std::to_string(state_.reference_label(l.url, l.title)) + "]",
             PieceKind::link_close);
    else
      markup("](" + md_link_destination(l.url) + md_link_title(l.title) + ")",
             PieceKind::link_close);
  }

  std::string image(const Image& i) {
    std::string out = "![" + md_escape_alt(i.alt) + "]";
    if (reference_style()) return out + "[" + std::to_string(state_.reference_label(i.src, i.title)) + "]";
    return out + "(" + md_link_destination(i.src) + md_link_title(i.title) + ")";
  }

  InlineMode mode_;
  MdState& state_;
  int scope_ = 0;
  bool in_link_ = false;
};

/// md_first_code_point and md_last_code_point, with ASCII (most edges) answered in place: an
/// ASCII byte is a whole code point, never part of a longer sequence.
char32_t first_code_point(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s.front()) < 0x80) return static_cast<unsigned char>(s.front());
  return md_first_code_point(s);
}
char32_t last_code_point(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s.back()) < 0x80) return static_cast<unsigned char>(s.back());
  return md_last_code_point(s);
}

/// The code point of `s` that ends at byte `end` (exclusive).
char32_t code_point_before(std::string_view s, std::size_t end) {
  return last_code_point(s.substr(0, end));
}

class Renderer {
 public:
  Renderer(InlineMode mode, MdState& state, std::vector<Piece> pieces, std::vector<EmphNode> nodes,
           std::vector<BareEmail> bare_emails, int scopes, PieceStats stats)
      : mode_(mode), state_(state), p_(std::move(pieces)), nodes_(std::move(nodes)),
        bare_emails_(std::move(bare_emails)), scopes_(scopes), stats_(stats) {}

  MdInlineText render() {
    resolve_bare_emails();
    mark_line_edges();
    choose_delimiters();
    analyse_delimiter_text();
    analyse_backticks();
    return assemble();
  }

 private:
  // ---- characters at piece edges, as they will be written ---------------------------------------
  /// Whether the first (last) code point of text piece `p` is written as a character reference
  /// (in a one-character text, either flag covers it).
  static bool first_encoded(const Piece& p) { return p.encode_first || (p.encode_last && utf8_length_is_one(p.text)); }
  static bool last_encoded(const Piece& p) { return p.encode_last || (p.encode_first && utf8_length_is_one(p.text)); }

  char32_t first_char(std::size_t i) const {
    const Piece& p = p_[i];
    switch (p.kind) {
      case PieceKind::text: return first_encoded(p) ? U'&' : first_code_point(p.text);
      case PieceKind::open:
      case PieceKind::close: return static_cast<unsigned char>(delim_first(nodes_[p.node]));
      default: return static_cast<unsigned char>(p.text.front());
    }
  }
  char32_t last_char(std::size_t i) const {
    const Piece& p = p_[i];
    switch (p.kind) {
      case PieceKind::text: return last_encoded(p) ? U';' : last_code_point(p.text);
      case PieceKind::open:
      case PieceKind::close: return static_cast<unsigned char>(delim_last(nodes_[p.node]));
      default: return static_cast<unsigned char>(p.text.back());
    }
  }
  char32_t before(std::size_t i) const { return i == 0 ? U'\n' : last_char(i - 1); }
  char32_t after(std::size_t i) const { return i + 1 >= p_.size() ? U'\n' : first_char(i + 1); }

  bool is_strike_delim(std::size_t i) const {
    return is_delim(i) && nodes_[p_[i].node].kind == EmphKind::strike;
  }
  /// The neighbours cmark-gfm sees for a `*` or `_` run: with the strikethrough extension, `~`
  /// characters are skipped (inlines.c SKIP_CHARS). A text `~` next to such a run is always
  /// escaped (see analyse_delimiter_text), so there the neighbour is its backslash.
  char32_t flank_before(std::size_t i) const {
    std::size_t j = i;
    while (j > 0 && is_strike_delim(j - 1)) --j;
    if (j == 0) return U'\n';
    if (p_[j - 1].kind == PieceKind::text && !last_encoded(p_[j - 1]) && p_[j - 1].text.back() == '~')
      return U'\\';
    return last_char(j - 1);
  }
  char32_t flank_after(std::size_t i) const {
    std::size_t j = i;
    while (j + 1 < p_.size() && is_strike_delim(j + 1)) ++j;
    if (j + 1 >= p_.size()) return U'\n';
    return first_char(j + 1);  // a text `~` here is escaped: its first character is a backslash
  }
  /// The neighbours of a delimiter run of `ch` that starts at piece `first` and ends at `last`.
  char32_t run_before(char ch, std::size_t first) const {
    return ch == '~' ? before(first) : flank_before(first);
  }
  char32_t run_after(char ch, std::size_t last) const {
    if (ch == '~') return after(last);
    const char32_t c = flank_after(last);
    return c == U'~' ? U'\\' : c;
  }

  bool is_delim(std::size_t i) const {
    return (p_[i].kind == PieceKind::open || p_[i].kind == PieceKind::close) &&
           !as_html(nodes_[p_[i].node]);
  }
  /// The character of delimiter piece `i`; 0 when piece `i` is no delimiter.
  char delimiter_char(std::size_t i) const { return is_delim(i) ? delim_char(nodes_[p_[i].node]) : 0; }

  /// md_flanking, remembered: a paragraph repeats the same few neighbour pairs many times.
  Flanking flanking(char ch, char32_t before, char32_t after) {
    const std::size_t slot =
        (static_cast<std::size_t>(before) * 31 + static_cast<std::size_t>(after) * 7 +
         static_cast<unsigned char>(ch)) % flanking_memo_.size();
    FlankingMemo& m = flanking_memo_[slot];
    if (!(m.valid && m.ch == ch && m.before == before && m.after == after))
      m = FlankingMemo{true, ch, before, after, md_flanking(ch, before, after)};
    return m.flanking;
  }

  /// Whether the next piece starts a line of a paragraph: after a hard break, or after raw HTML
  /// that ends with the soft break it kept (cmark_bridge).
  bool ends_line(const Piece& p) const {
    if (mode_ != InlineMode::paragraph) return false;
    return p.kind == PieceKind::hard_break ||
           (p.kind == PieceKind::markup && !p.text.empty() && p.text.back() == '\n');
  }

  // ---- leading and trailing whitespace that CommonMark would strip, and fences --------------------
  /// Marks text at line starts (one walk over the pieces for both: a long paragraph has a
  /// million): whitespace there is written as a character reference (CommonMark would strip
  /// it), and a fence-like run is escaped (mark_line_start_fence), then whitespace at the end.
  /// (Whether the last piece's last code point is encoded matters to the fence check only for a
  /// one-code-point text, which is too short for a fence: the order of the two is free.)
  void mark_line_edges() {
    auto is_blank = [](char32_t c) { return c == U' ' || c == U'\t'; };
    bool line_start = true;
    // Without a piece that ends a line, only the first starts one.
    const std::size_t end = stats_.line_ends ? p_.size() : std::min<std::size_t>(p_.size(), 1);
    for (std::size_t i = 0; i < end; ++i) {
      Piece& p = p_[i];
      if (line_start && p.kind == PieceKind::text) {
        if (is_blank(md_first_code_point(p.text))) p.encode_first = true;
        if (mode_ == InlineMode::paragraph) mark_line_start_fence(i);
      }
      line_start = ends_line(p);
    }
    if (!p_.empty() && p_.back().kind == PieceKind::text &&
        is_blank(md_last_code_point(p_.back().text))) {
      Piece& last = p_.back();
      // A one-character text already encoded as the line's first character needs nothing more.
      if (!(last.encode_first && utf8_length_is_one(last.text))) last.encode_last = true;
    }
  }
  /// An e-mail link whose text is the address is written bare when GFM's autolink extension will
  /// link exactly that address there (nothing around it extends the address); `<a@b.c>` would
  /// read the same, but a plain address in text is linked by GFM too, so only the bare form makes
  /// writing idempotent.
  void resolve_bare_emails() {
    auto extends = [](char32_t c, std::string_view more) {
      return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0 ||
                          more.find(static_cast<char>(c)) != std::string_view::npos);
    };
    for (BareEmail& e : bare_emails_) {
      const std::size_t i = e.piece;
      const char32_t b = i == 0 ? U'\n' : raw_last(i - 1);
      const char32_t a = i + 1 >= p_.size() ? U'\n' : raw_first(i + 1);
      if (!extends(b, ".+-_:@") && !extends(a, "@.-_/")) p_[i].text = std::move(e.address);
    }
  }
  char32_t raw_first(std::size_t i) const {
    const Piece& p = p_[i];
    if (p.kind == PieceKind::text) return md_first_code_point(p.text);
    if (p.kind == PieceKind::open || p.kind == PieceKind::close) return U'*';
    return md_first_code_point(p.text);
  }
  char32_t raw_last(std::size_t i) const {
    const Piece& p = p_[i];
    if (p.kind == PieceKind::text) return md_last_code_point(p.text);
    if (p.kind == PieceKind::open || p.kind == PieceKind::close) return U'*';
    return md_last_code_point(p.text);
  }

  /// A paragraph line starting with three backticks or tildes (text piece `i`) would open a code
  /// fence; escaping only the first would leave a shorter run that can still pair, so the whole
  /// run is escaped.
  void mark_line_start_fence(std::size_t i) {
    const Piece& p = p_[i];
    if (first_encoded(p)) return;
    const char c = p.text[0];
    std::size_t n = 0;
    while (n < p.text.size() && p.text[n] == c) ++n;
    if ((c == '`' || c == '~') && n >= 3)
      for (std::size_t k = 0; k < n; ++k) mark(i, k);
  }

  static bool utf8_length_is_one(std::string_view s) {
    std::size_t pos = 0;
    utf8::decode(s, pos);
    return pos == s.size();
  }

  // ---- emphasis delimiters ----------------------------------------------------------------------
  void choose_delimiters() {
    if (nodes_.empty()) return;
    std::vector<bool> ok(nodes_.size(), false);
    std::vector<EmphKind> kinds;
    kinds.reserve(nodes_.size());
    for (const EmphNode& n : nodes_) kinds.push_back(n.kind);  // (repairs never change a kind)
    // The runs of each scope; a run's parts are contiguous in its scope's `parts`. Kept across
    // rounds so that their storage is reused.
    struct ScopeRuns {
      std::vector<DelimRun> runs;
      std::vector<DelimPart> parts;
    };
    std::vector<ScopeRuns> scopes(static_cast<std::size_t>(scopes_));
    if (scopes.size() == 1) {  // every delimiter in one scope: at most two parts (and runs) a node
      scopes.front().runs.reserve(2 * nodes_.size());
      scopes.front().parts.reserve(2 * nodes_.size());
    }
    for (int round = 0;; ++round) {
      for (ScopeRuns& s : scopes) {
        s.runs.clear();
        s.parts.clear();
      }
      // delimiter_char of pieces i - 1 and i, carried over so that each is looked up once
      char previous = 0;
      char current = p_.empty() ? 0 : delimiter_char(0);
      for (std::size_t i = 0; i < p_.size(); ++i) {
        const char next = i + 1 < p_.size() ? delimiter_char(i + 1) : 0;
        const char c = current, before = previous;
        previous = current;
        current = next;
        if (c == 0) continue;
        const EmphNode& n = nodes_[p_[i].node];
        ScopeRuns& scope = scopes[static_cast<std::size_t>(p_[i].scope)];
        if (before != c) scope.runs.push_back(DelimRun{c, {}, scope.parts.size(), 0});
        scope.parts.push_back(DelimPart{p_[i].node, p_[i].kind == PieceKind::open, delim_length(n)});
        ++scope.runs.back().part_count;
        if (next != c) {  // the run ends here
          const std::size_t first = i + 1 - scope.runs.back().part_count;
          scope.runs.back().flanking = flanking(c, run_before(c, first), run_after(c, i));
        }
      }
      std::fill(ok.begin(), ok.end(), true);
      for (const ScopeRuns& s : scopes) md_check_emphasis(s.runs, s.parts, kinds, ok);
      bool all_ok = true;
      // Repair failing nodes innermost first, one per group of related nodes a round: nested or
      // touching nodes fail together (`*a**b*`, `**a**b**c**`), and repairing all of them at once
      // would move them in lockstep. Independent groups are repaired in the same round.
      std::size_t blocked_from = std::numeric_limits<std::size_t>::max();  // open of the last repaired
      std::size_t blocked_to = 0;
      for (std::size_t k = nodes_.size(); k-- > 0;) {
        if (ok[k] || as_html(nodes_[k])) continue;
        all_ok = false;
        EmphNode& n = nodes_[k];
        // Nodes are in opening order, so a later-repaired node that contains or touches this one
        // has an interval reaching it.
        const bool related = blocked_from != std::numeric_limits<std::size_t>::max() &&
                             n.close + 1 >= blocked_from && n.open <= blocked_to + 1;
        if (related && round < 64) continue;
        repair(n, round >= 64);
        blocked_from = std::min(blocked_from, n.open);
        blocked_to = std::max(blocked_to, n.close);
      }
      if (all_ok) break;
    }
    for (const EmphNode& n : nodes_)
      if (as_html(n))
        state_.warn("markdown.emphasis_html",
                    "emphasis no Markdown delimiter can express here was written as raw HTML");
  }

  /// One repair step for a node the renderer would not pair as intended. Where a delimiter
  /// cannot open or close because of a letter outside it, that letter becomes a character
  /// reference; otherwise (or when that is done) the delimiter character is switched; after a few
  /// steps, raw HTML.
  void repair(EmphNode& n, bool give_up) {
    ++n.repairs;
    if (give_up || n.repairs > 4) {
      n.html = true;
      return;
    }
    if (encode_outer_letters(n)) return;
    n.flip = !n.flip;
  }

  /// Writes the letters outside `n`'s delimiters as character references where a delimiter
  /// cannot open or close because of them (for `*`/`_` across strikeout delimiters, which
  /// cmark-gfm skips). Returns whether anything changed.
  bool encode_outer_letters(const EmphNode& n) {
    const char ch = delim_char(n);
    bool changed = false;
    const Flanking open = flanking(ch, run_before(ch, n.open), run_after(ch, n.open));
    if (!open.can_open) {
      std::size_t j = n.open;
      while (ch != '~' && j > 0 && is_strike_delim(j - 1)) --j;
      if (j > 0 && p_[j - 1].kind == PieceKind::text && !last_encoded(p_[j - 1]) &&
          md_char_class(md_last_code_point(p_[j - 1].text)) == CharClass::other) {
        p_[j - 1].encode_last = true;
        changed = true;
      }
    }
    const Flanking close = flanking(ch, run_before(ch, n.close), run_after(ch, n.close));
    if (!close.can_close) {
      std::size_t j = n.close;
      while (ch != '~' && j + 1 < p_.size() && is_strike_delim(j + 1)) ++j;
      if (j + 1 < p_.size() && p_[j + 1].kind == PieceKind::text && !first_encoded(p_[j + 1]) &&
          md_char_class(md_first_code_point(p_[j + 1].text)) == CharClass::other) {
        p_[j + 1].encode_first = true;
        changed = true;
      }
    }
    return changed;
  }

  // ---- per-character escape decisions ----------------------------------------------------------
  /// The character written before byte `k` of text piece `i` (k > 0: inside the piece).
  char32_t text_before(std::size_t i, std::size_t k) const {
    if (k == 0) return before(i);
    const std::string& t = p_[i].text;
    if (first_encoded(p_[i])) {
      std::size_t pos = 0;
      utf8::decode(t, pos);
      if (pos == k) return U';';
    }
    return code_point_before(t, k);
  }
  /// The character written from byte `k` of text piece `i` on (k == size: after the piece).
  char32_t text_at(std::size_t i, std::size_t k) const {
    const std::string& t = p_[i].text;
    if (k >= t.size()) return after(i);
    if (last_encoded(p_[i])) {
      std::size_t start = t.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
      if (k == start) return U'&';
    }
    if (k == 0 && first_encoded(p_[i])) return U'&';
    if (static_cast<unsigned char>(t[k]) < 0x80) return static_cast<unsigned char>(t[k]);
    std::size_t pos = k;
    return utf8::decode(t, pos);
  }

  void mark(std::size_t i, std::size_t k) {
    auto& m = escape_[i];
    if (m.empty()) m.assign(p_[i].text.size(), false);
    m[k] = true;
  }
  bool marked(std::size_t i, std::size_t k) const {
    const auto it = escape_.find(i);
    return it != escape_.end() && !it->second.empty() && it->second[k];
  }

  /// Text runs of `*`, `_` and `~` that a renderer could pair with another run are escaped.
  void analyse_delimiter_text() {
    if (!stats_.emphasis) return;  // only text runs are escaped
    struct Run {
      char ch;
      bool can_open, can_close;
      bool text;
      std::size_t piece, offset, length;
      bool touches_delim;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < p_.size(); ++i) {
      const Piece& p = p_[i];
      if (is_delim(i)) {
        const char ch = delim_char(nodes_[p.node]);
        const Flanking f = flanking(ch, run_before(ch, i), run_after(ch, i));
        runs.push_back(Run{ch, f.can_open, f.can_close, false, i, 0, 0, false});
        continue;
      }
      if (p.kind != PieceKind::text) continue;
      const std::string& t = p.text;
      for (std::size_t k = 0; k < t.size();) {
        const char c = t[k];
        if (c != '*' && c != '_' && c != '~') {
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < t.size() && t[e] == c) ++e;
        Flanking f;
        if (c == '~') {
          f = flanking(c, text_before(i, k), text_at(i, e));
        } else {
          // cmark-gfm skips `~` when it looks at a run's neighbours (across strikeout delimiters
          // too); whether `~` inside this text end up escaped is not known yet, so both readings.
          const char32_t edge_before = k == 0 ? flank_before(i) : text_before(i, k);
          const char32_t edge_after = e == t.size() ? run_after(c, i) : text_at(i, e);
          f = flanking(c, edge_before, edge_after);
          std::size_t b = k, a = e;
          while (b > 0 && t[b - 1] == '~') --b;
          while (a < t.size() && t[a] == '~') ++a;
          if (b != k || a != e) {
            const char32_t skipped_before = b == 0 ? flank_before(i) : text_before(i, b);
            const char32_t skipped_after = a == t.size() ? run_after(c, i) : text_at(i, a);
            const Flanking g = flanking(c, skipped_before, skipped_after);
            f.can_open = f.can_open || g.can_open;
            f.can_close = f.can_close || g.can_close;
          }
        }
        const bool inert = c == '~' && e - k > 2;
        auto touching = [&](std::size_t q) {
          if (!is_delim(q)) return false;
          const char d = delim_char(nodes_[p_[q].node]);
          return d == c || (c == '~' && d != '~');  // `~` beside `*`/`_`: see flank_before
        };
        bool touches = false;
        if (k == 0 && i > 0 && touching(i - 1)) touches = true;
        if (e == t.size() && i + 1 < p_.size() && touching(i + 1)) touches = true;
        runs.push_back(Run{c, !inert && f.can_open, !inert && f.can_close, true, i, k, e - k, touches});
        k = e;
      }
    }
    auto index = [](char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; };
    std::vector<std::array<bool, 3>> close_after(runs.size() + 1, {false, false, false});
    for (std::size_t r = runs.size(); r-- > 0;) {
      close_after[r] = close_after[r + 1];
      if (runs[r].can_close) close_after[r][static_cast<std::size_t>(index(runs[r].ch))] = true;
    }
    std::array<bool, 3> open_before{false, false, false};
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const Run& run = runs[r];
      const auto ci = static_cast<std::size_t>(index(run.ch));
      if (run.text) {
        const bool pairs = (run.can_open && close_after[r + 1][ci]) || (run.can_close && open_before[ci]);
        if (pairs || run.touches_delim)
          for (std::size_t k = 0; k < run.length; ++k) mark(run.piece, run.offset + k);
      }
      if (run.can_open) open_before[ci] = true;
    }
  }

  /// A backtick run in text is escaped when a later run of the same length could close it as a
  /// code span, or when it touches a backtick of a code span.
  void analyse_backticks() {
    if (!stats_.backticks) return;  // only text runs are escaped
    struct Run {
      std::size_t piece, offset, length;
      bool text;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < p_.size(); ++i) {
      const Piece& p = p_[i];
      if (p.kind == PieceKind::open || p.kind == PieceKind::close) continue;
      const std::string& t = p.text;
      for (std::size_t k = 0; k < t.size();) {
        if (t[k] != '`') {
          ++k;
          continue;
        }
        std::size_t e = k;
        while (e < t.size() && t[e] == '`') ++e;
        runs.push_back(Run{i, k, e - k, p.kind == PieceKind::text});
        k = e;
      }
    }
    // cmark-gfm 0.29 remembers where it last saw a backtick run of each length, and once an
    // unmatched run made it scan the whole paragraph, a code span's closer overwrites that memory
    // so the next code span with the same fence is not found. An unmatched text run is therefore
    // escaped when two code spans could follow it: when some length has 3+ code-span runs later.
    std::vector<bool> spans_follow(runs.size() + 1, false);
    {
      std::unordered_map<std::size_t, std::size_t> later_markup;
      for (std::size_t r = runs.size(); r-- > 0;) {
        spans_follow[r] = spans_follow[r + 1];
        if (!runs[r].text && ++later_markup[runs[r].length] >= 3) spans_follow[r] = true;
      }
    }
    // Right to left, over the runs as they will be written: a code span opener pairs with the
    // next run of its length in the raw text, and backslashes do not count there, so an escaped
    // run of n backticks becomes n runs of length 1.
    std::unordered_map<std::size_t, bool> later;
    for (std::size_t r = runs.size(); r-- > 0;) {
      const Run& run = runs[r];
      if (!run.text) {
        later[run.length] = true;
        continue;
      }
      bool escape = marked(run.piece, run.offset) || later[run.length] || spans_follow[r + 1];
      if (run.offset == 0 && run.piece > 0 && last_char(run.piece - 1) == U'`') escape = true;
      if (run.offset + run.length == p_[run.piece].text.size() && run.piece + 1 < p_.size() &&
          first_char(run.piece + 1) == U'`')
        escape = true;
      if (escape) {
        for (std::size_t k = 0; k < run.length; ++k) mark(run.piece, run.offset + k);
        later[1] = true;
      } else {
        later[run.length] = true;
      }
    }
  }

  /// The characters md_kramdown_typographic can be true for (its contract).
  static bool may_be_typographic(char c) {
    return c == '\'' || c == '"' || c == '-' || c == '.' || c == '<' || c == '>';
  }

  /// Escapes decided from the character itself and its neighbours.
  bool local_escape(std::size_t i, std::size_t k) const {
    const Piece& p = p_[i];
    const std::string& t = p.text;
    const char c = t[k];
    const char32_t next = text_at(i, k + 1);
    const bool next_is_markup = k + 1 >= t.size() && i + 1 < p_.size();
    // kramdown (Jekyll) makes quotes, dashes, ellipses and guillemets typographic; the text's own
    // characters are kept as they are (md_kramdown_typography.hpp).
    // (It is false for any other character: its neighbours are looked up only for these.)
    if (state_.jekyll && may_be_typographic(c) && md_kramdown_typographic(t, k, before(i), after(i)))
      return true;
    switch (c) {
      case '\\': return next != U'\n' && next < 0x80 && md_is_ascii_punct(static_cast<char>(next));
      case '[':
        if (p.in_link) return true;
        return next == U'^';
      case ']':
        if (p.in_link || state_.options.reference_links) return true;
        return next == U'(' || next == U':';
      case '!':
        return next == U'[' && next_is_markup;
      case '<':
        return (next < 0x80 && (std::isalpha(static_cast<int>(next)) != 0)) || next == U'/' ||
               next == U'!' || next == U'?';
      case '&': return md_starts_entity(std::string_view(t).substr(k));
      case '|':
        // kramdown (Jekyll) reads any line holding an unescaped `|` as a table row.
        // (Table cells escape every `|` when the cell is assembled.)
        return state_.jekyll && mode_ != InlineMode::table_cell;
      case '$':
        // kramdown (Jekyll) reads `$$…$$` as math; a lone `$` is text everywhere.
        return state_.jekyll && ((k + 1 < t.size() && t[k + 1] == '$') || (k > 0 && t[k - 1] == '$') ||
                                 next == U'$' || text_before(i, k) == U'$');
      case ':':
        if (k == 0 && i > 0 && p_[i - 1].footnote_ref) return true;
        if (!p.in_link && t.compare(k, 3, "://") == 0) {
          // GFM's autolink extension links http://, https:// and ftp:// after a letter run.
          std::size_t s = k;
          while (s > 0 && std::isalpha(static_cast<unsigned char>(t[s - 1])) != 0 &&
                 !(s == 1 && first_encoded(p)))
            --s;
          std::string scheme = t.substr(s, k - s);
          for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          return scheme == "http" || scheme == "https" || scheme == "ftp";
        }
        return false;
      case '.':
        // GFM's autolink extension links `www.` after a space, `*`, `_`, `~` or `(`.
        if (!p.in_link && k >= 3 && t.compare(k - 3, 3, "www") == 0) {
          const char32_t b = text_before(i, k - 3);
          return b == U'\n' || b == U' ' || b == U'\t' || b == U'*' || b == U'_' || b == U'~' ||
                 b == U'(';
        }
        return false;
      default: return false;
    }
  }

  // ---- output -----------------------------------------------------------------------------------
  MdInlineText assemble() {
    std::string out;
    std::vector<std::size_t> breaks;
    // A guess that a long paragraph seldom outgrows: escapes are rare, delimiters short.
    out.reserve(stats_.bytes + stats_.bytes / 16 + 4 * nodes_.size() + 16);
    if (mode_ == InlineMode::paragraph) breaks.reserve(stats_.spaces);
    struct Line {
      std::size_t start;
      bool text_first;
    };
    std::vector<Line> lines{{0, !p_.empty() && p_.front().kind == PieceKind::text}};
    for (std::size_t i = 0; i < p_.size(); ++i) {
      const Piece& p = p_[i];
      switch (p.kind) {
        case PieceKind::open:
        case PieceKind::close:
          append_delim(nodes_[p.node], p.kind == PieceKind::open, out);
          break;
        case PieceKind::text:
          write_text(i, out, breaks);
          break;
        case PieceKind::hard_break:
          out += p.text;
          if (mode_ == InlineMode::paragraph)
            lines.push_back(Line{out.size(), i + 1 < p_.size() && p_[i + 1].kind == PieceKind::text});
          break;
        case PieceKind::markup:
          out += p.text;
          if (ends_line(p))
            lines.push_back(Line{out.size(), i + 1 < p_.size() && p_[i + 1].kind == PieceKind::text});
          break;
        case PieceKind::link_open:
        case PieceKind::link_close:
          out += p.text;
          break;
      }
    }

    MdInlineText result;
    if (mode_ == InlineMode::paragraph) {
      // Block starts at the beginning of each line: insert a backslash where one is needed.
      std::vector<std::size_t> inserts;
      for (std::size_t l = 0; l < lines.size(); ++l) {
        if (!lines[l].text_first) continue;
        const std::size_t start = lines[l].start;
        const std::size_t end = l + 1 < lines.size() ? lines[l + 1].start - 1 : out.size();
        if (auto at = md_line_start_escape(std::string_view(out).substr(start, end - start), l == 0,
                                           state_.jekyll))
          inserts.push_back(start + *at);
      }
      if (inserts.empty()) {
        result.text = std::move(out);
        result.breaks = std::move(breaks);
        return result;
      }
      result.text.reserve(out.size() + inserts.size());
      result.breaks.reserve(breaks.size());
      std::size_t from = 0, b = 0;
      for (std::size_t ins : inserts) {
        result.text.append(out, from, ins - from);
        result.text += '\\';
        from = ins;
        for (; b < breaks.size() && breaks[b] < ins; ++b)
          result.breaks.push_back(breaks[b] + (result.text.size() - 1 - ins));
      }
      result.text.append(out, from, std::string::npos);
      for (; b < breaks.size(); ++b) result.breaks.push_back(breaks[b] + inserts.size());
      return result;
    }
    if (mode_ == InlineMode::heading) {
      // A closing sequence: a trailing `#` run after a space (or making up the whole heading).
      std::size_t run = 0;
      while (run < out.size() && out[out.size() - 1 - run] == '#') ++run;
      if (run > 0 && !p_.empty() && p_.back().kind == PieceKind::text && !last_encoded(p_.back())) {
        const std::size_t start = out.size() - run;
        if (start == 0 || out[start - 1] == ' ' || out[start - 1] == '\t') out.insert(start, "\\");
      }
      result.text = std::move(out);
      return result;
    }
    // Table cell: GFM splits rows at every unescaped `|`, inside code spans and links too.
    result.text.reserve(out.size());
    for (char c : out) {
      if (c == '|') result.text += '\\';
      result.text += c;
    }
    return result;
  }

  /// Text piece `i`, escaped. A piece without escape marks or encoded edges (nearly all) takes
  /// the fast path; the others the general one, character by character.
  void write_text(std::size_t i, std::string& out, std::vector<std::size_t>& breaks) {
    const Piece& p = p_[i];
    if (p.encode_first || p.encode_last) return write_text_general(i, out, breaks);
    if (!escape_.empty()) {
      const auto found = escape_.find(i);
      if (found != escape_.end() && !found->second.empty()) return write_text_general(i, out, breaks);
    }
    write_plain_text(i, out, breaks);
  }

  /// The bytes that write_text_general may treat otherwise than by copying them, in a text
  /// without marks or encoded edges: a space (a break), `{` (kramdown's `{:`), and every
  /// character local_escape can escape. Any other byte, including all of UTF-8's non-ASCII
  /// bytes, is copied as it is.
  static bool is_special_byte(unsigned char c) {
    static const std::array<bool, 256> table = [] {
      std::array<bool, 256> t{};
      for (unsigned char b : std::string_view(" {\\[]!<&|$:.'\"->")) t[b] = true;
      return t;
    }();
    return table[c];
  }

  /// write_text_general for a piece without marks or encoded edges: runs of ordinary bytes are
  /// copied whole; only special bytes are decided one by one, exactly as there.
  void write_plain_text(std::size_t i, std::string& out, std::vector<std::size_t>& breaks) {
    const std::string& t = p_[i].text;
    std::size_t copied = 0;  // t[0, copied) is written
    auto copy_to = [&](std::size_t k) {
      out.append(t, copied, k - copied);
      copied = k;
    };
    for (std::size_t k = 0; k < t.size(); ++k) {
      const char c = t[k];
      if (!is_special_byte(static_cast<unsigned char>(c))) continue;
      if (c == ' ') {  // (never escaped)
        if (mode_ == InlineMode::paragraph && can_break(i, k)) {
          copy_to(k);
          breaks.push_back(out.size());
        }
        continue;
      }
      if (c == '{') {  // (never escaped otherwise)
        if (state_.jekyll && text_at(i, k + 1) == U':') {
          copy_to(k);
          out += "&#123;";  // see write_text_general
          copied = k + 1;
        }
        continue;
      }
      if (local_escape(i, k)) {
        copy_to(k);
        out += '\\';
      }
    }
    copy_to(t.size());
  }

  void write_text_general(std::size_t i, std::string& out, std::vector<std::size_t>& breaks) {
    const Piece& p = p_[i];
    const std::string& t = p.text;
    std::size_t last_start = t.size() - 1;
    while (last_start > 0 && (static_cast<unsigned char>(t[last_start]) & 0xC0) == 0x80) --last_start;
    // marked(i, k), with the piece's marks looked up once rather than per character
    const auto found = escape_.find(i);
    const std::vector<bool>* marks =
        found != escape_.end() && !found->second.empty() ? &found->second : nullptr;
    auto is_marked = [&](std::size_t k) { return marks && (*marks)[k]; };
    for (std::size_t k = 0; k < t.size();) {
      std::size_t next = k;
      const char32_t cp = utf8::decode(t, next);
      if ((k == 0 && first_encoded(p)) || (k == last_start && last_encoded(p))) {
        out += md_char_reference(cp);
        k = next;
        continue;
      }
      const char c = t[k];
      if (c == ' ' && mode_ == InlineMode::paragraph && can_break(i, k)) breaks.push_back(out.size());
      if (c == '{' && state_.jekyll && text_at(i, k + 1) == U':') {
        // kramdown's attribute lists `{:…}` are removed by Jekyll (and the Jekyll reader); a
        // reference keeps the brace out of their reach.
        out += "&#123;";
        k = next;
        continue;
      }
      if (c == '`' && is_marked(k) &&
          ((k == 0 && before(i) == U'`') || (next == t.size() && after(i) == U'`'))) {
        // A backslash-escaped backtick next to a code span's fence would lengthen that fence's
        // run for an earlier opener scanning for its closer; a reference has no backtick at all.
        out += "&#96;";
        k = next;
        continue;
      }
      if (is_marked(k) || (cp < 0x80 && local_escape(i, k))) out += '\\';
      out.append(t, k, next - k);
      k = next;
    }
  }

  /// A space where a wrap may put a newline: not next to another space or after a backslash,
  /// before a character that cannot start a block, and not between two CJK characters (where
  /// some renderers drop a newline, and the space with it).
  bool can_break(std::size_t i, std::size_t k) const {
    const char32_t prev = text_before(i, k);
    const char32_t next = text_at(i, k + 1);
    if (prev == U' ' || prev == U'\t' || prev == U'\\' || prev == U'\n') return false;
    if (next == U' ' || next == U'\t' || next == U'\n') return false;
    if (next < 0x80 && (md_is_ascii_punct(static_cast<char>(next)) || (next >= U'0' && next <= U'9')))
      return false;
    if (k + 1 >= p_[i].text.size()) return false;  // the next character is not this text's
    // (No ASCII character is East Asian wide: the ICU look-ups are needed only without one.)
    if (prev >= 0x80 && next >= 0x80 && unicode::drops_segment_break(prev) &&
        unicode::drops_segment_break(next))
      return false;
    return true;
  }

  InlineMode mode_;
  MdState& state_;
  std::vector<Piece> p_;
  std::vector<EmphNode> nodes_;
  std::vector<BareEmail> bare_emails_;
  int scopes_;
  PieceStats stats_;
  std::unordered_map<std::size_t, std::vector<bool>> escape_;
  struct FlankingMemo {
    bool valid = false;
    char ch = 0;
    char32_t before = 0, after = 0;
    Flanking flanking;
  };
  std::array<FlankingMemo, 64> flanking_memo_{};
};

/// Flattens normalised `inlines` (consumed with `Consume`: they are left empty) and renders the
/// pieces. `counts` come from normalising (or checking) them.
template <bool Consume>
MdInlineText flatten_and_render(std::conditional_t<Consume, Inlines&, const Inlines&> inlines,
                                const MdNormalizeCounts& counts, InlineMode mode, MdState& state) {
  Flattener<Consume> f(mode, state);
  // Reserved once: growing a long paragraph's million pieces would copy them and, for a while,
  // hold them twice. A text or an atom makes at most one piece, a container two plus its
  // children's; more only when normalising split text off emphasis (then the vector grows).
  f.pieces.reserve(counts.inlines + counts.containers + 8);
  f.nodes.reserve(counts.emphasis);
  f.list(inlines);  // (a consumed tree is freed before rendering: a long paragraph's is large)
  Renderer r(mode, state, std::move(f.pieces), std::move(f.nodes), std::move(f.bare_emails), f.scopes,
             f.stats);
  return r.render();
}

}  // namespace

MdInlineText md_render_inlines(const Inlines& inlines, InlineMode mode, MdState& state) {
  const bool html_breaks = mode != InlineMode::paragraph;
  MdNormalizeCounts counts;
  // Inlines that are normal already (most paragraphs, long ones too) are flattened as they
  // stand: their normalised copy would be as large as the document's own tree.
  if (md_inlines_are_normal(inlines, html_breaks, &counts))
    return flatten_and_render<false>(inlines, counts, mode, state);
  Inlines normal = md_normalize_inlines(inlines, html_breaks, &counts);
  return flatten_and_render<true>(normal, counts, mode, state);
}

}  // namespace sheaf::markdown
