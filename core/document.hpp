#pragma once
// The whole sheaf document model. Types only: every reader builds it, every writer consumes it.
// Changing a node kind means changing this file, docs/document-model.md and kJsonFormatVersion
// (converters/json). Writers visit with std::visit(overloaded{...}) and no catch-all, so a new kind
// fails to compile until every writer decides how to render it.
//
//   Document doc;
//   doc.blocks.push_back(Block{Paragraph{{Inline{Text{"Hello"}}}}});
//
// Invariants readers maintain (checked by tests, see docs/document-model.md):
//   - no empty Text, no two adjacent Text nodes, no empty Paragraph;
//   - Heading::level is 1..6; table rows never hold more cells than Table::columns;
//   - the model never holds image bytes: Image::src is the reference exactly as written.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sheaf {

struct Block;
struct Inline;
using Blocks = std::vector<Block>;
using Inlines = std::vector<Inline>;

/// Identity and classes carried over from the source (HTML id/class/lang, Markdown header ids).
struct Attr {
  std::string id;                    ///< unique within the document when non-empty
  std::vector<std::string> classes;  ///< in source order
  std::string lang;                  ///< BCP 47 tag when the source gave one, else empty
  bool operator==(const Attr&) const = default;
};

// ---- Inline kinds ------------------------------------------------------------------------------
struct Text { std::string text; bool operator==(const Text&) const = default; };                 ///< UTF-8 run, spaces included, never empty
struct Emph { Inlines children; bool operator==(const Emph&) const = default; };                 ///< emphasis (<em>, <i>, *x*)
struct Strong { Inlines children; bool operator==(const Strong&) const = default; };             ///< strong importance (<strong>, <b>, **x**)
struct Strikeout { Inlines children; bool operator==(const Strikeout&) const = default; };       ///< deleted text (<del>, <s>, ~~x~~)
struct Superscript { Inlines children; bool operator==(const Superscript&) const = default; };   ///< <sup>
struct Subscript { Inlines children; bool operator==(const Subscript&) const = default; };       ///< <sub>
struct Code { std::string text; bool operator==(const Code&) const = default; };                 ///< inline code, literal text
struct Link {                                                                                     ///< hyperlink; url exactly as written
  std::string url;
  std::string title;
  Inlines children;
  bool operator==(const Link&) const = default;
};
struct Image {                                                                                    ///< a reference to an image, never its bytes
  std::string src;     ///< as written in the source (URL or relative path)
  std::string alt;     ///< plain-text alternative; may be empty
  std::string title;
  std::string width;   ///< as given (e.g. "620"), empty when not given
  std::string height;  ///< as given, empty when not given
  bool operator==(const Image&) const = default;
};
struct LineBreak { bool operator==(const LineBreak&) const = default; };                         ///< hard line break (<br>, backslash-newline)
struct Note { Blocks content; bool operator==(const Note&) const; };                            ///< footnote, placed at its call site
struct Math { std::string tex; bool display = false; bool operator==(const Math&) const = default; };  ///< TeX source; display = block-style
struct Span { Attr attr; Inlines children; bool operator==(const Span&) const = default; };      ///< where an id or lang must survive, or an HTML <mark>/<ins>/<abbr> (see span_element)
struct RawInline { std::string format; std::string text; bool operator==(const RawInline&) const = default; };  ///< inline text with no meaning in the model, tagged by format (Markdown's raw HTML kept)

struct Inline {
  std::variant<Text, Emph, Strong, Strikeout, Superscript, Subscript, Code, Link, Image, LineBreak,
               Note, Math, Span, RawInline>
      node;
  bool operator==(const Inline&) const = default;
};

// ---- Block kinds -------------------------------------------------------------------------------
enum class Alignment { none, left, center, right };
enum class Task { none, open, done };  ///< GFM task-list state of a list item

struct ListItem {
  Blocks children;
  Task task = Task::none;
  bool operator==(const ListItem&) const;
};

struct Paragraph { Inlines children; bool operator==(const Paragraph&) const = default; };        ///< a run of inline content
struct Heading {                                                                                  ///< section heading, level 1..6
  int level = 1;
  std::string id;
  Inlines children;
  bool operator==(const Heading&) const = default;
};
struct BulletList { std::vector<ListItem> items; bool tight = true; bool operator==(const BulletList&) const = default; };  ///< unordered list; tight = items are not separated by blank lines
struct OrderedList {                                                                              ///< numbered list starting at `start`
  std::vector<ListItem> items;
  int start = 1;
  bool tight = true;
  bool operator==(const OrderedList&) const = default;
};
struct BlockQuote { Blocks children; bool operator==(const BlockQuote&) const; };               ///< quotation
struct CodeBlock { std::string language; std::string text; bool operator==(const CodeBlock&) const = default; };  ///< literal text; language may be empty
struct ThematicBreak { bool operator==(const ThematicBreak&) const = default; };                  ///< <hr>, ---
struct TableCell {
  Blocks content;
  Alignment align = Alignment::none;
  int col_span = 1;
  int row_span = 1;
  bool header = false;  ///< a <th> cell (header rows, or a row-header cell in the body)
  bool operator==(const TableCell&) const;
};
struct TableRow { std::vector<TableCell> cells; bool operator==(const TableRow&) const = default; };
struct Table {                                                                                    ///< rows of cells; spans as in HTML
  Inlines caption;
  std::vector<Alignment> columns;  ///< one entry per column; its size is the column count
  std::vector<TableRow> head;
  std::vector<TableRow> body;
  Attr attr;
  bool operator==(const Table&) const = default;
};
struct Figure {                                                                                   ///< an image with its caption and credit
  Image image;
  Inlines caption;
  Inlines credit;  ///< photographer/agency line, kept apart from the caption
  Attr attr;
  bool operator==(const Figure&) const = default;
};
struct DefinitionItem {
  Inlines term;
  std::vector<Blocks> definitions;
  bool operator==(const DefinitionItem&) const;
};
struct DefinitionList { std::vector<DefinitionItem> items; bool operator==(const DefinitionList&) const = default; };  ///< <dl>: terms with definitions
struct Div { Attr attr; Blocks children; bool operator==(const Div&) const; };                   ///< a container kept only where structure needs it (lang, chapter)
struct RawBlock { std::string format; std::string text; bool operator==(const RawBlock&) const = default; };  ///< text with no structural meaning in the model, tagged by format

struct Block {
  std::variant<Paragraph, Heading, BulletList, OrderedList, BlockQuote, CodeBlock, ThematicBreak,
               Table, Figure, DefinitionList, Div, RawBlock>
      node;
  bool operator==(const Block&) const = default;
};

/// The HTML element a Span stands for: "mark", "ins" or "abbr" when its first class names one
/// (the HTML reader's <mark>, <ins>, <abbr>), else "span". Writers that can write HTML use it.
inline const char* span_element(const Attr& a) {
  if (!a.classes.empty())
    for (const char* name : {"mark", "ins", "abbr"})
      if (a.classes.front() == name) return name;
  return "span";
}

inline bool Note::operator==(const Note& o) const { return content == o.content; }
inline bool ListItem::operator==(const ListItem& o) const { return children == o.children && task == o.task; }
inline bool BlockQuote::operator==(const BlockQuote& o) const { return children == o.children; }
inline bool TableCell::operator==(const TableCell& o) const {
  return content == o.content && align == o.align && col_span == o.col_span &&
         row_span == o.row_span && header == o.header;
}
inline bool DefinitionItem::operator==(const DefinitionItem& o) const {
  return term == o.term && definitions == o.definitions;
}
inline bool Div::operator==(const Div& o) const { return attr == o.attr && children == o.children; }

// ---- Metadata ----------------------------------------------------------------------------------
struct MetaValue;
struct MetaField;
using MetaList = std::vector<MetaValue>;
using MetaMap = std::vector<MetaField>;  ///< source order kept; keys unique

struct MetaNull { bool operator==(const MetaNull&) const = default; };

/// A typed front-matter value, as YAML gave it. Dates stay strings (the original text).
struct MetaValue {
  std::variant<MetaNull, bool, std::int64_t, double, std::string, MetaList, MetaMap> value;
  bool operator==(const MetaValue&) const;
};
struct MetaField {
  std::string key;
  MetaValue value;
  bool operator==(const MetaField&) const;
};
inline bool MetaValue::operator==(const MetaValue& o) const { return value == o.value; }
inline bool MetaField::operator==(const MetaField& o) const { return key == o.key && value == o.value; }

/// Well-known metadata keys (docs/document-model.md gives their meaning).
namespace meta_key {
inline constexpr const char* title = "title";
inline constexpr const char* author = "author";
inline constexpr const char* date = "date";
inline constexpr const char* lang = "lang";
inline constexpr const char* description = "description";
inline constexpr const char* tags = "tags";
inline constexpr const char* categories = "categories";
inline constexpr const char* image = "image";
inline constexpr const char* from = "from";
inline constexpr const char* source = "source";
inline constexpr const char* slug = "slug";
inline constexpr const char* site = "site";  ///< the site or publication name (og:site_name, _config.yml title)
inline constexpr const char* derived = "derived_keys";  ///< list of the keys a reader derived (not in the source's front matter); front-matter writers leave them and this key out
}  // namespace meta_key

/// The root: metadata, body, and where it came from.
struct Document {
  MetaMap meta;
  Blocks blocks;
  std::string source_name;  ///< path as given, or "-" for stdin; used in every message
  std::string base;         ///< directory or URL that relative references resolve against
  bool operator==(const Document&) const = default;
};

}  // namespace sheaf
