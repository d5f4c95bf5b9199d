#include "converters/markdown/cmark_bridge.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "converters/html/markdown_marks.hpp"
#include "converters/markdown/cmark_arena.hpp"
#include "converters/markdown/cmark_guard.hpp"
#include "converters/markdown/cmark_table_guard.hpp"
#include "core/context.hpp"
#include "core/diagnostics.hpp"
#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const noexcept { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const noexcept { cmark_node_free(n); }
};
/// cmark_render_html allocates with the document's allocator, the parser's.
struct BufferDeleter {
  cmark_mem* mem;
  void operator()(char* s) const noexcept { mem->free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using BufferPtr = std::unique_ptr<char, BufferDeleter>;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};
constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
constexpr std::size_t kMaxBytes = std::size_t{1} << 30;

/// cmark-gfm 0.29 keeps two pieces of process-wide state: the extension registry (filled once by
/// cmark_gfm_core_extensions_ensure_registered, which is not thread-safe) and the inline parser's
/// table of special characters, which every parse with extensions adds to and then removes from
/// (cmark_manage_extensions_special_characters). Two concurrent parses would corrupt each other
/// (a `~` or `|` silently ignored), so parsing is serialised; rendering and the HTML reader that
/// follows run in parallel. This lock is synchronisation only, never converter state.
std::mutex& cmark_global_state_lock() {
  static std::mutex lock;
  return lock;
}

/// A parsed document and the parser that owns its extension list, with the arena their memory
/// comes from (cmark_arena.hpp) when one was free on this thread; destroyed in reverse order, so
/// the arena goes last. With an arena, the tree is not freed node by node: every block of it is
/// the arena's (slab or tracked large block) and goes with it, and cmark_node_free's walk over a
/// million nodes was 3 % of reading a large post.
struct Parsed {
  Parsed() = default;
  Parsed(Parsed&&) = default;
  Parsed& operator=(Parsed&&) = delete;
  ~Parsed() {
    if (arena) static_cast<void>(document.release());
  }

  std::unique_ptr<CmarkArena> arena;
  cmark_mem* mem = nullptr;
  ParserPtr parser;
  NodePtr document;
};

}  // namespace

bool extension_may_act(std::string_view extension, std::string_view markdown) {
  // autolink acts on `@` (e-mail addresses), on `:` followed by `//` (URLs) and on `w` starting
  // `www.`: its work at every `w` and `:` was a third of the parse of a large post. A table needs
  // a `|`, strikethrough a `~`, a task item a `[`.
  if (extension == "autolink")
    return markdown.find('@') != std::string_view::npos || markdown.find("://") != std::string_view::npos ||
           markdown.find("www.") != std::string_view::npos;
  if (extension == "table") return markdown.find('|') != std::string_view::npos;
  if (extension == "strikethrough") return markdown.find('~') != std::string_view::npos;
  if (extension == "tasklist") return markdown.find('[') != std::string_view::npos;
  // Footnotes (an option, not an extension) cost two extra walks over the whole tree. A reference
  // or a definition starts `[^`; the `^` may also come from an escape (`\^`, which holds one) or
  // an entity (`&#94;`, `&Hat;`: an `&`).
  if (extension == "footnotes")
    return markdown.find('^') != std::string_view::npos || markdown.find('&') != std::string_view::npos;
  return true;
}

std::size_t entity_caret_after_bracket(std::string_view markdown) {
  const auto digit_value = [](char c, bool hex) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (hex && c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = markdown.find("[&"); i != std::string_view::npos; i = markdown.find("[&", i + 1)) {
    std::string_view rest = markdown.substr(i + 2);
    if (rest.starts_with("Hat;")) return i;
    if (!rest.starts_with('#')) continue;
    rest.remove_prefix(1);
    const bool hex = rest.starts_with('x') || rest.starts_with('X');
    if (hex) rest.remove_prefix(1);
    const std::size_t max_digits = hex ? 6 : 7;  // cmark's limits for a numeric reference
    std::size_t k = 0;
    long value = 0;
    for (int d = 0; k < rest.size() && k < max_digits && (d = digit_value(rest[k], hex)) >= 0; ++k)
      value = value * (hex ? 16 : 10) + d;
    if (k > 0 && k < rest.size() && rest[k] == ';' && value == '^') return i;
  }
  return std::string_view::npos;
}

namespace {

Parsed parse_gfm(std::string_view markdown, bool all_extensions = false) {
  if (markdown.size() > kMaxBytes)
    throw Error(ErrorCode::limit, "Markdown text larger than 1 GiB cannot be parsed by cmark-gfm");
  Parsed p;
  if (CmarkArena::available()) p.arena = std::make_unique<CmarkArena>();
  p.mem = CmarkArena::allocator();
  {
    const std::lock_guard<std::mutex> guard(cmark_global_state_lock());
    cmark_gfm_core_extensions_ensure_registered();
    const bool footnotes = entity_caret_after_bracket(markdown) == std::string_view::npos &&
                           (all_extensions || extension_may_act("footnotes", markdown));
    const int options = footnotes ? kOptions : kOptions & ~CMARK_OPT_FOOTNOTES;
    p.parser.reset(cmark_parser_new_with_mem(options, p.mem));
    if (!p.parser) throw Error(ErrorCode::internal, "cmark-gfm could not create a parser");
    for (const char* name : kExtensions) {
      if (!all_extensions && !extension_may_act(name, markdown)) continue;
      cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
      if (!extension || !cmark_parser_attach_syntax_extension(p.parser.get(), extension))
        throw Error(ErrorCode::internal,
                    std::string("cmark-gfm extension '") + name + "' is not available");
    }
    cmark_parser_feed(p.parser.get(), markdown.data(), markdown.size());
    p.document.reset(cmark_parser_finish(p.parser.get()));
  }
  if (!p.document) throw Error(ErrorCode::internal, "cmark-gfm failed to parse the Markdown text");
  return p;
}

std::string render(const Parsed& p, int options) {
  // The extension list tells the renderer how to write tables, strikethrough and task items.
  BufferPtr html(cmark_render_html(p.document.get(), options, cmark_parser_get_syntax_extensions(p.parser.get())),
                 BufferDeleter{p.mem});
  if (!html) throw Error(ErrorCode::internal, "cmark-gfm failed to render HTML");
  return std::string(html.get());
}

/// Text as an HTML attribute value or element content; newlines as references so that no
/// parser normalises them.
std::string escape_html(const char* text, bool attribute) {
  std::string out;
  for (const char* c = text ? text : ""; *c; ++c) {
    switch (*c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out += *c;
    }
  }
  return out;
}

/// The plain text of an image description, as cmark's HTML renderer writes alt text.
void alt_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: {
        const char* literal = cmark_node_get_literal(c);
        if (literal) out += literal;
        break;
      }
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_SOFTBREAK: out += ' '; break;
      default: alt_text(c, out);
    }
  }
}

/// Puts a raw HTML node of `type` holding `html` in place of `node` (which is freed).
/// New nodes take the tree's allocator: cmark refuses to link nodes of different allocators.
void replace_with_html(cmark_node* node, cmark_node_type type, const std::string& html, cmark_mem* mem) {
  cmark_node* raw = cmark_node_new_with_mem(type, mem);
  cmark_node_set_literal(raw, html.c_str());
  cmark_node_insert_before(node, raw);
  cmark_node_free(node);  // unlinks it first
}

std::string mark(const char* name, const char* value) {
  return std::string(" ") + name + "=\"" + escape_html(value, true) + "\"";
}

/// Rewrites the tree into what read_marked documents as its marked HTML. Nodes are collected first: the tree is
/// changed only after the walk. Nodes inside an image are its alt text and are left alone.
void add_marks(cmark_node* document, bool keep_raw_html, cmark_mem* mem) {
  namespace marks = html::markdown_marks;
  std::vector<cmark_node*> images, links, codes, raw_blocks, raw_inlines;
  int in_image = 0;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_IMAGE) {
      if (ev == CMARK_EVENT_ENTER && in_image++ == 0) images.push_back(n);
      if (ev == CMARK_EVENT_EXIT) --in_image;
      continue;
    }
    if (ev != CMARK_EVENT_ENTER || in_image > 0) continue;
    if (type == CMARK_NODE_LINK) links.push_back(n);
    else if (type == CMARK_NODE_CODE) codes.push_back(n);
    else if (type == CMARK_NODE_HTML_BLOCK && keep_raw_html) raw_blocks.push_back(n);
    else if (type == CMARK_NODE_HTML_INLINE && keep_raw_html) raw_inlines.push_back(n);
  }
  cmark_iter_free(iter);

  for (cmark_node* n : raw_blocks)
    replace_with_html(n, CMARK_NODE_HTML_BLOCK,
                      "<div" + mark(marks::raw_block, cmark_node_get_literal(n)) + "></div>\n", mem);
  // A soft line break touching raw inline HTML becomes part of it: raw HTML is republished as
  // written, and around a raw `<pre>` or `<textarea>` a newline is not a space. A break between
  // two raw inlines goes with the first.
  auto soft_break = [](cmark_node* n) { return n && cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK; };
  for (cmark_node* n : raw_inlines) {
    std::string html;
    if (cmark_node* prev = cmark_node_previous(n); soft_break(prev)) {
      html = "\n";
      cmark_node_free(prev);
    }
    if (const char* literal = cmark_node_get_literal(n)) html += literal;
    if (cmark_node* next = cmark_node_next(n); soft_break(next)) {
      html += '\n';
      cmark_node_free(next);
    }
    replace_with_html(n, CMARK_NODE_HTML_INLINE, "<span" + mark(marks::raw_inline, html.c_str()) + "></span>", mem);
  }
  for (cmark_node* n : codes)
    replace_with_html(n, CMARK_NODE_HTML_INLINE,
                      std::string("<code ") + marks::authored + ">" +
                          escape_html(cmark_node_get_literal(n), false) + "</code>",
                      mem);
  for (cmark_node* n : images) {
    std::string alt;
    alt_text(n, alt);
    std::string tag = "<img" + mark("src", cmark_node_get_url(n)) + mark("alt", alt.c_str());
    const char* title = cmark_node_get_title(n);
    if (title && *title) tag += mark("title", title);
    replace_with_html(n, CMARK_NODE_HTML_INLINE, tag + " " + marks::authored + " />", mem);
  }
  for (cmark_node* n : links) {
    std::string open = "<a" + mark("href", cmark_node_get_url(n));
    const char* title = cmark_node_get_title(n);
    if (title && *title) open += mark("title", title);
    open += std::string(" ") + marks::authored + ">";
    cmark_node* start = cmark_node_new_with_mem(CMARK_NODE_HTML_INLINE, mem);
    cmark_node_set_literal(start, open.c_str());
    cmark_node_insert_before(n, start);
    while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
    replace_with_html(n, CMARK_NODE_HTML_INLINE, "</a>", mem);
  }
}

}  // namespace

std::string render_gfm_html(std::string_view markdown, bool all_extensions) {
  const GuardedMarkdown guarded = guard_emphasis(markdown);
  const std::string_view text = guarded.neutralised.empty() ? markdown : std::string_view(guarded.text);
  const TableGuarded tables = guard_tables(text);  // cmark_table_guard.hpp
  const Parsed p = parse_gfm(tables.findings.empty() ? text : std::string_view(tables.text), all_extensions);
  std::string html = render(p, kOptions);
  restore_table_marks(html, tables);
  restore_emphasis_marks(html, guarded);
  return html;
}

MarkdownReading read_marked(std::string_view markdown, bool keep_raw_html, const TreeReading* tree) {
  const GuardedMarkdown guarded = guard_emphasis(markdown);
  const std::string_view text = guarded.neutralised.empty() ? markdown : std::string_view(guarded.text);
  const TableGuarded tables = guard_tables(text);  // cmark_table_guard.hpp
  const Parsed p = parse_gfm(tables.findings.empty() ? text : std::string_view(tables.text));
  MarkdownReading out;
  if (tree && *tree) {
    TextRestore restore;
    if (!guarded.neutralised.empty() || !tables.findings.empty())
      restore = [&](std::string& piece) {  // the stand-ins, put back as in the HTML below
        restore_table_marks(piece, tables);
        restore_emphasis_marks(piece, guarded);
      };
    out.blocks = (*tree)(p.document.get(), restore);
  }
  if (!out.blocks) {
    add_marks(p.document.get(), keep_raw_html, p.mem);
    out.html = render(p, kOptions | CMARK_OPT_SOURCEPOS);
    restore_table_marks(out.html, tables);
    restore_emphasis_marks(out.html, guarded);
  }
  out.neutralised = guarded.neutralised;
  out.table_findings = tables.findings;
  if (const std::size_t at = entity_caret_after_bracket(markdown);
      at != std::string_view::npos && markdown.find("[^") != std::string_view::npos)
    out.footnotes_off_line = static_cast<std::uint32_t>(std::count(markdown.begin(), markdown.begin() + at, '\n') + 1);
  return out;
}

void report_footnotes_off(std::uint32_t line, std::string_view id_prefix, const std::string& source_name,
                          std::uint32_t first_line, Context& context) {
  if (line == 0) return;
  context.report(Diagnostic{Severity::warning, std::string(id_prefix) + ".footnotes_off",
                            "`[` followed by an entity for `^`: footnotes are not read in this text, their "
                            "references and definitions stay text (cmark-gfm 0.29 reads freed memory for "
                            "such a bracket)",
                            source_name, SourcePos{first_line + line - 1, 1}});
}

}  // namespace sheaf::markdown
