#pragma once
// The reference renderer for the Markdown writer's tests: cmark-gfm with the GFM extensions
// (table, strikethrough, autolink, tasklist, footnotes) and raw HTML kept, as GitHub runs it.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/unit/markdown_writer/canonical.hpp"
#include "core/utf8.hpp"

namespace sheaf::test_md {

/// The HTML cmark-gfm renders for `markdown`.
inline std::string gfm_html(std::string_view markdown);

/// cmark-gfm's tree for `markdown` in the canonical form of canonical.hpp, to compare with the
/// canonical form of the Document the Markdown was written from.
inline std::string gfm_canonical(std::string_view markdown, CanonOptions options = {});

namespace gfm_detail {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

inline constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;

inline std::unique_ptr<cmark_node, NodeDeleter> parse(std::string_view markdown,
                                                std::unique_ptr<cmark_parser, ParserDeleter>& parser) {
  cmark_gfm_core_extensions_ensure_registered();
  parser.reset(cmark_parser_new(kOptions));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parser_finish(parser.get()));
}

inline std::string str(const char* s) { return s ? s : ""; }

inline std::string type_name(cmark_node* n) { return str(cmark_node_get_type_string(n)); }

class Walker {
 public:
  explicit Walker(CanonOptions options) : options_(options) {}

  std::string blocks(cmark_node* parent) {
    std::string out, notes;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) notes += "NOTE{" + blocks(n) + "}";
      else out += block(n);
    }
    return out + notes;
  }

 private:
  std::string block(cmark_node* n) {
    const std::string type = type_name(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: return "P[" + inlines(n) + "]";
      case CMARK_NODE_HEADING: return "H" + std::to_string(cmark_node_get_heading_level(n)) + "[" + inlines(n) + "]";
      case CMARK_NODE_LIST: {
        const bool tight = cmark_node_get_list_tight(n) != 0;
        std::string out = cmark_node_get_list_type(n) == CMARK_BULLET_LIST
                              ? "UL "
                              : "OL " + std::to_string(cmark_node_get_list_start(n)) + " ";
        out += tight ? "tight{" : "loose{";
        for (cmark_node* i = cmark_node_first_child(n); i; i = cmark_node_next(i)) {
          out += "LI";
          if (type_name(i) == "tasklist") out += cmark_gfm_extensions_get_tasklist_item_checked(i) ? "[x]" : "[ ]";
          out += "{" + blocks(i) + "}";
        }
        return out + "}";
      }
      case CMARK_NODE_BLOCK_QUOTE: return "Q{" + blocks(n) + "}";
      case CMARK_NODE_CODE_BLOCK: {
        std::string t = str(cmark_node_get_literal(n));
        if (!t.empty() && t.back() == '\n') t.pop_back();
        return "CODE " + str(cmark_node_get_fence_info(n)) + " \"" + t + "\"";
      }
      case CMARK_NODE_THEMATIC_BREAK: return "HR";
      case CMARK_NODE_HTML_BLOCK: return "HTMLB \"" + str(cmark_node_get_literal(n)) + "\"";
      default: break;
    }
    if (type == "table") {
      std::string out = "TABLE ";
      const uint16_t cols = cmark_gfm_extensions_get_table_columns(n);
      const uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
      for (uint16_t c = 0; c < cols; ++c)
        out += al[c] == 'l' ? "l" : al[c] == 'c' ? "c" : al[c] == 'r' ? "r" : "n";
      std::string head, body;
      for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
        std::string row = "ROW{";
        for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) row += "CELL[" + inlines(c) + "]";
        row += "}";
        (cmark_gfm_extensions_get_table_row_is_header(r) ? head : body) += row;
      }
      return out + "{HEAD{" + head + "}BODY{" + body + "}}";
    }
    return "?" + type;
  }

  std::string inlines(cmark_node* parent) {
    std::vector<CanonChar> chars;
    std::vector<std::string> fmt;
    walk(parent, fmt, chars);
    return canonical_inline(chars, options_);
  }

  static std::string sorted(std::vector<std::string> parts) {
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
  }

  static void text(const std::string& s, const std::vector<std::string>& fmt, std::vector<CanonChar>& out) {
    std::size_t pos = 0;
    while (pos < s.size()) {
      const std::size_t start = pos;
      utf8::decode(s, pos);
      out.push_back(CanonChar{s.substr(start, pos - start), sorted(fmt)});
    }
  }

  static std::string plain(cmark_node* parent) {
    std::string out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: out += str(cmark_node_get_literal(n)); break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: out += ' '; break;
        default: out += plain(n);
      }
    }
    return out;
  }

  void walk(cmark_node* parent, std::vector<std::string>& fmt, std::vector<CanonChar>& out) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: text(str(cmark_node_get_literal(n)), fmt, out); continue;
        case CMARK_NODE_SOFTBREAK: text(" ", fmt, out); continue;
        case CMARK_NODE_LINEBREAK: out.push_back(CanonChar{"<BR>", sorted(fmt)}); continue;
        case CMARK_NODE_CODE:
          fmt.push_back("C");
          text(str(cmark_node_get_literal(n)), fmt, out);
          fmt.pop_back();
          continue;
        case CMARK_NODE_HTML_INLINE: {
          // The writer's raw HTML for what Markdown cannot say: formatting tags toggle formatting.
          const std::string html = str(cmark_node_get_literal(n));
          static const std::pair<const char*, const char*> tags[] = {
              {"em", "E"}, {"strong", "S"}, {"del", "D"}, {"sup", "^"}, {"sub", "_"}};
          bool handled = false;
          for (const auto& [tag, f] : tags) {
            if (html == std::string("<") + tag + ">") {
              fmt.push_back(f);
              handled = true;
            } else if (html == std::string("</") + tag + ">") {
              const auto it = std::find(fmt.rbegin(), fmt.rend(), std::string(f));
              if (it != fmt.rend()) fmt.erase(std::next(it).base());
              handled = true;
            }
          }
          if (handled) continue;
          if (html.rfind("<span", 0) == 0 || html == "</span>") continue;
          out.push_back(CanonChar{html == "<br />" ? "<BR>" : "<HTML " + html + ">", sorted(fmt)});
          continue;
        }
        case CMARK_NODE_EMPH: nest("E", n, fmt, out); continue;
        case CMARK_NODE_STRONG: nest("S", n, fmt, out); continue;
        case CMARK_NODE_LINK:
          fmt.push_back("L" + str(cmark_node_get_url(n)) + "|" + str(cmark_node_get_title(n)));
          out.push_back(CanonChar{"<A>", sorted(fmt)});
          walk(n, fmt, out);
          fmt.pop_back();
          continue;
        case CMARK_NODE_IMAGE:
          out.push_back(CanonChar{"<IMG " + str(cmark_node_get_url(n)) + "|" + plain(n) + "|" +
                                      str(cmark_node_get_title(n)) + ">",
                                  sorted(fmt)});
          continue;
        case CMARK_NODE_FOOTNOTE_REFERENCE: out.push_back(CanonChar{"<FN>", sorted(fmt)}); continue;
        default: break;
      }
      if (type_name(n) == "strikethrough") {
        nest("D", n, fmt, out);
        continue;
      }
      out.push_back(CanonChar{"<?" + type_name(n) + ">", sorted(fmt)});
    }
  }

  void nest(const std::string& f, cmark_node* n, std::vector<std::string>& fmt, std::vector<CanonChar>& out) {
    fmt.push_back(f);
    walk(n, fmt, out);
    fmt.pop_back();
  }
  CanonOptions options_;
};

}  // namespace gfm_detail

inline std::string gfm_html(std::string_view markdown) {
  using namespace gfm_detail;
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  auto doc = parse(markdown, parser);
  char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out = html;
  std::free(html);
  return out;
}

inline std::string gfm_canonical(std::string_view markdown, CanonOptions options) {
  using namespace gfm_detail;
  std::unique_ptr<cmark_parser, ParserDeleter> parser;
  auto doc = parse(markdown, parser);
  return Walker(options).blocks(doc.get());
}


}  // namespace sheaf::test_md
