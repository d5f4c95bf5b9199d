#include "converters/json/json_decoder.hpp"

#include <array>
#include <climits>
#include <cstdint>
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "converters/json/json.hpp"
#include "converters/json/json_names.hpp"
#include "converters/json/json_printer.hpp"
#include "core/error.hpp"
#include "core/overloaded.hpp"

namespace sheaf::json {
namespace {

// Fields each object may hold, in the order the writer emits them (docs/json-format.md).
using FieldNames = std::span<const std::string_view>;
constexpr std::string_view kDocumentFields[] = {"sheaf", "source", "meta", "blocks"};
constexpr std::string_view kVersionFields[] = {"version"};
constexpr std::string_view kSourceFields[] = {"name", "base"};
constexpr std::string_view kContentFields[] = {"type", "content"};
constexpr std::string_view kHeadingFields[] = {"type", "level", "id", "content"};
constexpr std::string_view kBulletListFields[] = {"type", "tight", "items"};
constexpr std::string_view kOrderedListFields[] = {"type", "start", "tight", "items"};
constexpr std::string_view kListItemFields[] = {"task", "content"};
constexpr std::string_view kCodeBlockFields[] = {"type", "language", "text"};
constexpr std::string_view kTypeOnlyFields[] = {"type"};
constexpr std::string_view kTableFields[] = {"type", "id", "classes", "lang", "caption", "columns", "head", "body"};
constexpr std::string_view kRowFields[] = {"cells"};
constexpr std::string_view kCellFields[] = {"align", "col_span", "row_span", "header", "content"};
constexpr std::string_view kFigureFields[] = {"type", "id", "classes", "lang", "image", "caption", "credit"};
constexpr std::string_view kDefinitionListFields[] = {"type", "items"};
constexpr std::string_view kDefinitionItemFields[] = {"term", "definitions"};
constexpr std::string_view kAttrContentFields[] = {"type", "id", "classes", "lang", "content"};
constexpr std::string_view kRawBlockFields[] = {"type", "format", "text"};
constexpr std::string_view kTextFields[] = {"type", "text"};
constexpr std::string_view kLinkFields[] = {"type", "url", "title", "content"};
constexpr std::string_view kImageFields[] = {"type", "src", "alt", "title", "width", "height"};
constexpr std::string_view kMathFields[] = {"type", "tex", "display"};
constexpr std::size_t kMaxFields = 8;

// HTML clamps colspan to 1000 and rowspan to 65534; writers may allocate a grid from them.
constexpr int kMaxColSpan = 1000;
constexpr int kMaxRowSpan = 65534;

/// "an object", "a string"… for messages.
std::string_view kind_name(const JsonValue& v) {
  return std::visit(overloaded{
                        [](std::nullptr_t) { return std::string_view("null"); },
                        [](bool) { return std::string_view("a boolean"); },
                        [](std::int64_t) { return std::string_view("an integer"); },
                        [](std::uint64_t) { return std::string_view("an integer"); },
                        [](double) { return std::string_view("a float"); },
                        [](const std::string&) { return std::string_view("a string"); },
                        [](const JsonArray&) { return std::string_view("an array"); },
                        [](const JsonObject&) { return std::string_view("an object"); },
                    },
                    v.value);
}

bool is_identifier(std::string_view key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::string in_quotes(std::string_view s) {
  std::string out;
  append_string(out, s);
  return out;
}

class Decoder;

/// The members of one object, checked against the fields its kind allows: an unknown or repeated
/// member is an error at the object's path. Binding is linear in the member count.
class Fields {
 public:
  Fields(Decoder& decoder, JsonObject& object, FieldNames allowed, std::string_view what);
  /// The member named `name` (one of `allowed`), or nullptr when absent.
  [[nodiscard]] JsonValue* find(std::string_view name) const;
  [[nodiscard]] std::string_view what() const { return what_; }

 private:
  FieldNames allowed_;
  std::array<JsonValue*, kMaxFields> slots_{};
  std::string_view what_;
};

class Decoder {
 public:
  Decoder(const Input& input, const ReaderOptions& options)
      : input_(input), max_depth_(options.max_depth), depth_limit_(depth_limit(options.max_depth)) {}

  Document document(JsonValue& root) {
    JsonObject& object = as_object(root);
    read_version(object);
    Fields f(*this, object, kDocumentFields, "the document");
    Document doc;
    if (JsonValue* source = f.find("source")) {
      Step step(*this, "source");
      Fields s(*this, as_object(*source), kSourceFields, "source");
      doc.source_name = string_field(s, "name", false);
      doc.base = string_field(s, "base", false);
    } else {
      doc.source_name = input_.name;
      doc.base = input_.base;
    }
    if (JsonValue* meta = f.find("meta")) {
      Step step(*this, "meta");
      doc.meta = meta_map(as_object(*meta));
    }
    doc.blocks = blocks_field(f, "blocks", true);
    return doc;
  }

  // ---- errors and paths ------------------------------------------------------------------------
  // The failure paths stay out of line: their string temporaries would otherwise enlarge the
  // frames of the functions that recurse once per level of nesting.
  [[noreturn, gnu::cold, gnu::noinline]] void fail(std::string_view message, ErrorCode code = ErrorCode::parse) const {
    throw Error(code, path() + ": " + std::string(message), input_.name);
  }

  /// Appended to "unknown …" messages when the document is of a newer minor version.
  [[nodiscard]] std::string newer_hint() const {
    if (minor_ <= kFormatVersionMinor) return {};
    return " (the document's format " + std::to_string(kFormatVersionMajor) + "." + std::to_string(minor_) +
           " is newer than the " + std::to_string(kFormatVersionMajor) + "." +
           std::to_string(kFormatVersionMinor) + " this sheaf reads)";
  }

  [[noreturn, gnu::cold, gnu::noinline]] void too_deep() const {
    fail(depth_limit_message(max_depth_), ErrorCode::limit);
  }

  /// Pushes one path step for its lifetime.
  class Step {
   public:
    Step(Decoder& d, std::string_view key) : d_(d) { d_.path_.push_back(PathStep{key, 0, false}); }
    Step(Decoder& d, std::size_t index) : d_(d) { d_.path_.push_back(PathStep{{}, index, true}); }
    ~Step() { d_.path_.pop_back(); }
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

   private:
    Decoder& d_;
  };

 private:
  struct PathStep {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };

  /// `blocks[3].content[0]`, `meta["two words"]`; "top level" for the root. Very deep paths
  /// keep their two ends, so a depth-limit message stays one readable line.
  [[nodiscard]] std::string path() const {
    if (path_.empty()) return "top level";
    constexpr std::size_t head = 8, tail = 16;
    std::string out;
    for (std::size_t i = 0; i < path_.size(); ++i) {
      if (path_.size() > head + tail + 1 && i == head) {
        out += "…";
        i = path_.size() - tail - 1;
        continue;
      }
      const PathStep& s = path_[i];
      if (s.is_index) out.append("[").append(std::to_string(s.index)).append("]");
      else if (!is_identifier(s.key)) out.append("[").append(in_quotes(s.key)).append("]");
      else {
        if (!out.empty()) out += '.';
        out += s.key;
      }
    }
    return out;
  }

  /// One more level of node or metadata nesting for its lifetime; beyond depth_limit() is a
  /// limit error, which also bounds this decoder's recursion.
  class Nest {
   public:
    explicit Nest(Decoder& d) : d_(d) {
      if (d_.depth_ >= d_.depth_limit_) d_.too_deep();
      ++d_.depth_;
    }
    ~Nest() { --d_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Decoder& d_;
  };

  // ---- scalars ---------------------------------------------------------------------------------
  [[noreturn, gnu::cold, gnu::noinline]] void expected(std::string_view what, const JsonValue& got) const {
    fail("expected " + std::string(what) + ", got " + std::string(kind_name(got)));
  }

  JsonObject& as_object(JsonValue& v) const {
    if (auto* o = std::get_if<JsonObject>(&v.value)) return *o;
    expected("an object", v);
  }
  JsonArray& as_array(JsonValue& v) const {
    if (auto* a = std::get_if<JsonArray>(&v.value)) return *a;
    expected("an array", v);
  }
  std::string take_string(JsonValue& v) const {
    if (auto* s = std::get_if<std::string>(&v.value)) return std::move(*s);
    expected("a string", v);
  }
  bool as_bool(const JsonValue& v) const {
    if (const auto* b = std::get_if<bool>(&v.value)) return *b;
    expected("true or false", v);
  }
  int as_int(const JsonValue& v, std::int64_t min, std::int64_t max) const {
    const auto* i = std::get_if<std::int64_t>(&v.value);
    if (!i && !std::holds_alternative<std::uint64_t>(v.value)) expected("an integer", v);
    if (!i || *i < min || *i > max)
      fail("integer out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
    return static_cast<int>(*i);
  }
  template <std::size_t N>
  std::size_t as_name(JsonValue& v, const std::array<std::string_view, N>& table, std::string_view what) const {
    const std::string s = take_string(v);
    if (auto index = names::find(table, s)) return *index;
    std::string choices;
    for (std::string_view name : table) choices.append(choices.empty() ? "" : ", ").append(in_quotes(name));
    fail("unknown " + std::string(what) + " " + in_quotes(s) + " (expected one of " + choices + ")" + newer_hint());
  }

  // ---- fields ----------------------------------------------------------------------------------
  std::string string_field(const Fields& f, std::string_view key, bool required) {
    JsonValue* v = field(f, key, required);
    if (!v) return {};
    Step step(*this, key);
    return take_string(*v);
  }
  bool bool_field(const Fields& f, std::string_view key, bool fallback) {
    JsonValue* v = f.find(key);
    if (!v) return fallback;
    Step step(*this, key);
    return as_bool(*v);
  }
  int int_field(const Fields& f, std::string_view key, bool required, int fallback, std::int64_t min,
                std::int64_t max) {
    JsonValue* v = field(f, key, required);
    if (!v) return fallback;
    Step step(*this, key);
    return as_int(*v, min, max);
  }
  Blocks blocks_field(const Fields& f, std::string_view key, bool required) {
    JsonValue* v = field(f, key, required);
    if (!v) return {};
    Step step(*this, key);
    return blocks(*v);
  }
  Inlines inlines_field(const Fields& f, std::string_view key, bool required) {
    JsonValue* v = field(f, key, required);
    if (!v) return {};
    Step step(*this, key);
    return inlines(*v);
  }
  JsonValue* field(const Fields& f, std::string_view key, bool required) const {
    JsonValue* v = f.find(key);
    if (!v && required) missing(key, f.what());
    return v;
  }
  [[noreturn, gnu::cold, gnu::noinline]] void missing(std::string_view key, std::string_view what) const {
    fail("missing field " + in_quotes(key) + " in " + std::string(what));
  }
  /// `type` names no kind of the wanted category.
  [[noreturn, gnu::cold, gnu::noinline]] void bad_kind(std::string_view type, bool want_block) const {
    const bool other = want_block ? names::find(names::inlines, type).has_value()
                                  : names::find(names::blocks, type).has_value();
    if (other)
      fail(in_quotes(type) + (want_block ? " is an inline, expected a block" : " is a block, expected an inline"));
    fail(std::string("unknown ") + (want_block ? "block" : "inline") + " type " + in_quotes(type) + newer_hint());
  }
  /// Attr is flattened into its node: "id", "classes", "lang".
  Attr attr(const Fields& f) {
    Attr a;
    a.id = string_field(f, "id", false);
    if (JsonValue* classes = f.find("classes")) {
      Step step(*this, "classes");
      JsonArray& list = as_array(*classes);
      a.classes.reserve(list.size());
      for (std::size_t i = 0; i < list.size(); ++i) {
        Step item(*this, i);
        a.classes.push_back(take_string(list[i]));
      }
    }
    a.lang = string_field(f, "lang", false);
    return a;
  }

  // ---- version ---------------------------------------------------------------------------------
  void read_version(JsonObject& document) {
    JsonValue* sheaf = nullptr;
    for (JsonMember& m : document)
      if (m.key == "sheaf") { sheaf = &m.value; break; }
    if (!sheaf) fail("missing field \"sheaf\": not a sheaf JSON document (docs/json-format.md)");
    Step step(*this, "sheaf");
    Fields f(*this, as_object(*sheaf), kVersionFields, "sheaf");
    JsonValue& version = *field(f, "version", true);
    Step vstep(*this, "version");
    JsonArray& numbers = as_array(version);
    if (numbers.size() != 2) fail("expected [major, minor]");
    int major = 0;
    {
      Step s(*this, std::size_t{0});
      major = as_int(numbers[0], 0, INT_MAX);
    }
    {
      Step s(*this, std::size_t{1});
      minor_ = as_int(numbers[1], 0, INT_MAX);
    }
    if (major != kFormatVersionMajor)
      fail("unsupported format version " + std::to_string(major) + "." + std::to_string(minor_) +
           " (this sheaf reads version " + std::to_string(kFormatVersionMajor) + ".x)");
  }

  // ---- blocks ----------------------------------------------------------------------------------
  // Nodes are decoded in place (emplace_back, then fill): a Block temporary is ~300 bytes, and
  // these functions recurse once per level of nesting.
  Blocks blocks(JsonValue& v) {
    JsonArray& list = as_array(v);
    Blocks out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Step step(*this, i);
      block(list[i], out.emplace_back());
    }
    return out;
  }

  void block(JsonValue& v, Block& out) {
    Nest nest(*this);
    JsonObject& object = as_object(v);
    const std::string_view type = node_type(object);
    const auto index = names::find(names::blocks, type);
    if (!index) bad_kind(type, true);
    read_alternative(out.node, *index, object);
  }

  Inlines inlines(JsonValue& v) {
    JsonArray& list = as_array(v);
    Inlines out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Step step(*this, i);
      inline_node(list[i], out.emplace_back());
    }
    return out;
  }

  void inline_node(JsonValue& v, Inline& out) {
    Nest nest(*this);
    JsonObject& object = as_object(v);
    const std::string_view type = node_type(object);
    const auto index = names::find(names::inlines, type);
    if (!index) bad_kind(type, false);
    read_alternative(out.node, *index, object);
  }

  /// The "type" member of a node object (checked again, as an allowed field, by Fields).
  std::string_view node_type(JsonObject& object) {
    for (JsonMember& m : object) {
      if (m.key != "type") continue;
      Step step(*this, "type");
      if (const auto* s = std::get_if<std::string>(&m.value.value)) return *s;
      expected("a string", m.value);
    }
    fail("missing field \"type\"");
  }

  /// Sets `node` to its alternative number `index`, read from `object`. Each alternative needs a
  /// read() overload, so a new node kind does not compile until it is decoded. The calls go
  /// through a table so that each read() keeps its own frame: inlined into one function, every
  /// kind's locals would sit on the stack at each level of nesting (2 KB instead of ~0.3 KB).
  template <class Variant>
  void read_alternative(Variant& node, std::size_t index, JsonObject& object) {
    static constexpr auto table = []<std::size_t... I>(std::index_sequence<I...>) {
      return std::array{&Decoder::read_into<Variant, I>...};
    }(std::make_index_sequence<std::variant_size_v<Variant>>{});
    (this->*table[index])(node, object);
  }
  template <class Variant, std::size_t I>
  void read_into(Variant& node, JsonObject& object) {
    read(object, node.template emplace<I>());
  }

  void read(JsonObject& o, Paragraph& p) {
    Fields f(*this, o, kContentFields, "paragraph");
    p.children = inlines_field(f, "content", true);
  }
  void read(JsonObject& o, Heading& h) {
    Fields f(*this, o, kHeadingFields, "heading");
    h.level = int_field(f, "level", true, 1, 1, 6);
    h.id = string_field(f, "id", false);
    h.children = inlines_field(f, "content", true);
  }
  void read(JsonObject& o, BulletList& l) {
    Fields f(*this, o, kBulletListFields, "bullet_list");
    l.tight = bool_field(f, "tight", true);
    l.items = list_items(f);
  }
  void read(JsonObject& o, OrderedList& l) {
    Fields f(*this, o, kOrderedListFields, "ordered_list");
    l.start = int_field(f, "start", false, 1, INT_MIN, INT_MAX);
    l.tight = bool_field(f, "tight", true);
    l.items = list_items(f);
  }
  std::vector<ListItem> list_items(const Fields& f) {
    JsonValue& v = *field(f, "items", true);
    Step step(*this, "items");
    JsonArray& list = as_array(v);
    std::vector<ListItem> items;
    items.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Step item_step(*this, i);
      Fields item(*this, as_object(list[i]), kListItemFields, "a list item");
      ListItem& out = items.emplace_back();
      if (JsonValue* task = item.find("task")) {
        Step task_step(*this, "task");
        out.task = static_cast<Task>(as_name(*task, names::tasks, "task state"));
      }
      out.children = blocks_field(item, "content", true);
    }
    return items;
  }
  void read(JsonObject& o, BlockQuote& q) {
    Fields f(*this, o, kContentFields, "block_quote");
    q.children = blocks_field(f, "content", true);
  }
  void read(JsonObject& o, CodeBlock& c) {
    Fields f(*this, o, kCodeBlockFields, "code_block");
    c.language = string_field(f, "language", false);
    c.text = string_field(f, "text", true);
  }
  void read(JsonObject& o, ThematicBreak&) { Fields f(*this, o, kTypeOnlyFields, "thematic_break"); }
  void read(JsonObject& o, Table& t) {
    Fields f(*this, o, kTableFields, "table");
    t.attr = attr(f);
    t.caption = inlines_field(f, "caption", false);
    {
      JsonValue& v = *field(f, "columns", true);
      Step step(*this, "columns");
      JsonArray& list = as_array(v);
      t.columns.reserve(list.size());
      for (std::size_t i = 0; i < list.size(); ++i) {
        Step item(*this, i);
        t.columns.push_back(static_cast<Alignment>(as_name(list[i], names::alignments, "alignment")));
      }
    }
    t.head = rows(f, "head", false);
    t.body = rows(f, "body", true);
  }
  std::vector<TableRow> rows(const Fields& f, std::string_view key, bool required) {
    JsonValue* v = field(f, key, required);
    if (!v) return {};
    Step step(*this, key);
    JsonArray& list = as_array(*v);
    std::vector<TableRow> out;
    out.reserve(list.size());
    for (std::size_t r = 0; r < list.size(); ++r) {
      Step row_step(*this, r);
      Fields row(*this, as_object(list[r]), kRowFields, "a table row");
      JsonValue& cells_value = *field(row, "cells", true);
      Step cells_step(*this, "cells");
      JsonArray& cells = as_array(cells_value);
      TableRow& row_out = out.emplace_back();
      row_out.cells.reserve(cells.size());
      for (std::size_t c = 0; c < cells.size(); ++c) {
        Step cell_step(*this, c);
        Fields cell(*this, as_object(cells[c]), kCellFields, "a table cell");
        TableCell& cell_out = row_out.cells.emplace_back();
        if (JsonValue* align = cell.find("align")) {
          Step align_step(*this, "align");
          cell_out.align = static_cast<Alignment>(as_name(*align, names::alignments, "alignment"));
        }
        cell_out.col_span = int_field(cell, "col_span", false, 1, 1, kMaxColSpan);
        cell_out.row_span = int_field(cell, "row_span", false, 1, 1, kMaxRowSpan);
        cell_out.header = bool_field(cell, "header", false);
        cell_out.content = blocks_field(cell, "content", true);
      }
    }
    return out;
  }
  void read(JsonObject& o, Figure& fig) {
    Fields f(*this, o, kFigureFields, "figure");
    fig.attr = attr(f);
    {
      JsonValue& v = *field(f, "image", true);
      Step step(*this, "image");
      JsonObject& image = as_object(v);
      if (const std::string_view type = node_type(image); type != names::inline_name<Image>)
        fail("expected an image, got " + in_quotes(type));
      read(image, fig.image);
    }
    fig.caption = inlines_field(f, "caption", false);
    fig.credit = inlines_field(f, "credit", false);
  }
  void read(JsonObject& o, DefinitionList& d) {
    Fields f(*this, o, kDefinitionListFields, "definition_list");
    JsonValue& v = *field(f, "items", true);
    Step step(*this, "items");
    JsonArray& list = as_array(v);
    d.items.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Step item_step(*this, i);
      Fields item(*this, as_object(list[i]), kDefinitionItemFields, "a definition item");
      DefinitionItem& out = d.items.emplace_back();
      out.term = inlines_field(item, "term", true);
      JsonValue& defs_value = *field(item, "definitions", true);
      Step defs_step(*this, "definitions");
      JsonArray& defs = as_array(defs_value);
      out.definitions.reserve(defs.size());
      for (std::size_t n = 0; n < defs.size(); ++n) {
        Step def_step(*this, n);
        out.definitions.push_back(blocks(defs[n]));
      }
    }
  }
  void read(JsonObject& o, Div& d) {
    Fields f(*this, o, kAttrContentFields, "div");
    d.attr = attr(f);
    d.children = blocks_field(f, "content", true);
  }
  void read(JsonObject& o, RawBlock& r) {
    Fields f(*this, o, kRawBlockFields, "raw_block");
    r.format = string_field(f, "format", true);
    r.text = string_field(f, "text", true);
  }

  // ---- inlines ---------------------------------------------------------------------------------
  void read(JsonObject& o, Text& t) {
    Fields f(*this, o, kTextFields, "text");
    t.text = string_field(f, "text", true);
  }
  void read(JsonObject& o, Emph& e) { e.children = children(o, names::inline_name<Emph>); }
  void read(JsonObject& o, Strong& s) { s.children = children(o, names::inline_name<Strong>); }
  void read(JsonObject& o, Strikeout& s) { s.children = children(o, names::inline_name<Strikeout>); }
  void read(JsonObject& o, Superscript& s) { s.children = children(o, names::inline_name<Superscript>); }
  void read(JsonObject& o, Subscript& s) { s.children = children(o, names::inline_name<Subscript>); }
  Inlines children(JsonObject& o, std::string_view what) {
    Fields f(*this, o, kContentFields, what);
    return inlines_field(f, "content", true);
  }
  void read(JsonObject& o, Code& c) {
    Fields f(*this, o, kTextFields, "code");
    c.text = string_field(f, "text", true);
  }
  void read(JsonObject& o, Link& l) {
    Fields f(*this, o, kLinkFields, "link");
    l.url = string_field(f, "url", true);
    l.title = string_field(f, "title", false);
    l.children = inlines_field(f, "content", true);
  }
  void read(JsonObject& o, Image& i) {
    Fields f(*this, o, kImageFields, "image");
    i.src = string_field(f, "src", true);
    i.alt = string_field(f, "alt", false);
    i.title = string_field(f, "title", false);
    i.width = string_field(f, "width", false);
    i.height = string_field(f, "height", false);
  }
  void read(JsonObject& o, LineBreak&) { Fields f(*this, o, kTypeOnlyFields, "line_break"); }
  void read(JsonObject& o, Note& n) {
    Fields f(*this, o, kContentFields, "note");
    n.content = blocks_field(f, "content", true);
  }
  void read(JsonObject& o, Math& m) {
    Fields f(*this, o, kMathFields, "math");
    m.tex = string_field(f, "tex", true);
    m.display = bool_field(f, "display", false);
  }
  void read(JsonObject& o, Span& s) {
    Fields f(*this, o, kAttrContentFields, "span");
    s.attr = attr(f);
    s.children = inlines_field(f, "content", true);
  }
  void read(JsonObject& o, RawInline& r) {
    Fields f(*this, o, kRawBlockFields, "raw_inline");
    r.format = string_field(f, "format", true);
    r.text = string_field(f, "text", true);
  }

  // ---- metadata --------------------------------------------------------------------------------
  MetaMap meta_map(JsonObject& object) {
    MetaMap out;
    out.reserve(object.size());
    std::unordered_set<std::string_view> seen;
    seen.reserve(object.size());
    for (JsonMember& m : object) {
      if (!seen.insert(m.key).second) fail("duplicate key " + in_quotes(m.key));
      Step step(*this, m.key);
      out.push_back(MetaField{m.key, meta_value(m.value)});
    }
    return out;
  }

  MetaValue meta_value(JsonValue& v) {
    return std::visit(
        overloaded{
            [](std::nullptr_t) { return MetaValue{MetaNull{}}; },
            [](bool b) { return MetaValue{b}; },
            [](std::int64_t i) { return MetaValue{i}; },
            [&](std::uint64_t) -> MetaValue { fail("integer out of range (above 9223372036854775807)"); },
            [](double d) { return MetaValue{d}; },
            [](std::string& s) { return MetaValue{std::move(s)}; },
            [&](JsonArray& list) {
              Nest nest(*this);
              MetaList out;
              out.reserve(list.size());
              for (std::size_t i = 0; i < list.size(); ++i) {
                Step step(*this, i);
                out.push_back(meta_value(list[i]));
              }
              return MetaValue{std::move(out)};
            },
            [&](JsonObject& object) {
              Nest nest(*this);
              return MetaValue{meta_map(object)};
            },
        },
        v.value);
  }

  const Input& input_;
  std::size_t max_depth_;
  std::size_t depth_limit_;
  std::size_t depth_ = 0;
  int minor_ = 0;
  std::vector<PathStep> path_;
};

Fields::Fields(Decoder& decoder, JsonObject& object, FieldNames allowed, std::string_view what)
    : allowed_(allowed), what_(what) {
  if (allowed_.size() > kMaxFields) throw Error(ErrorCode::internal, "json: too many fields for Fields");
  for (JsonMember& m : object) {
    std::size_t i = 0;
    while (i < allowed_.size() && allowed_[i] != m.key) ++i;
    if (i == allowed_.size())
      decoder.fail("unknown field " + in_quotes(m.key) + " in " + std::string(what) + decoder.newer_hint());
    if (slots_[i]) decoder.fail("duplicate field " + in_quotes(m.key) + " in " + std::string(what));
    slots_[i] = &m.value;
  }
}

JsonValue* Fields::find(std::string_view name) const {
  for (std::size_t i = 0; i < allowed_.size(); ++i)
    if (allowed_[i] == name) return slots_[i];
  return nullptr;  // a field this kind does not have is never present
}

}  // namespace

std::size_t depth_limit(std::size_t max_depth) noexcept {
  return max_depth > SIZE_MAX / 2 ? SIZE_MAX : 2 * max_depth;
}

std::string depth_limit_message(std::size_t max_depth) {
  return "nested deeper than the limit of " + std::to_string(depth_limit(max_depth)) +
         " levels (twice max_depth)";
}

Document decode(JsonValue&& root, const Input& input, const ReaderOptions& options) {
  JsonValue tree = std::move(root);
  return Decoder(input, options).document(tree);
}

}  // namespace sheaf::json
