// Model → events. Field order and default omission follow docs/json-format.md; the decoder
// (json_decoder.cpp) restores every omitted default.
#include "converters/json/json_encoder.hpp"

#include <cmath>
#include <string>

#include "converters/json/json.hpp"
#include "converters/json/json_names.hpp"
#include "core/overloaded.hpp"

namespace sheaf::json {
namespace {

/// Sends a Document's values to `Sink` in document order, one call per event: begin_object(expand),
/// end_object(), begin_array(), end_array(), key, string, name_key, name_string, integer,
/// floating, boolean, null (the Printer's typed entry points, or EventForwarder's).
template <class Sink>
class Encoder {
 public:
  Encoder(const Document& doc, Context& context, Sink& sink) : doc_(doc), context_(context), sink_(sink) {}

  void run() {
    begin_object(/*expand=*/true);
    key("sheaf");
    begin_object();
    key("version");
    begin_array();
    integer(kFormatVersionMajor);
    integer(kFormatVersionMinor);
    end_array();
    end_object();
    key("source");
    begin_object();
    field("name", doc_.source_name);
    field("base", doc_.base);
    end_object();
    key("meta");
    meta_map(doc_.meta);
    key("blocks");
    blocks(doc_.blocks);
    end_object();
  }

 private:
  // ---- events ----------------------------------------------------------------------------------
  void begin_object(bool expand = false) { sink_.begin_object(expand); }
  void end_object() { sink_.end_object(); }
  void begin_array() { sink_.begin_array(); }
  void end_array() { sink_.end_array(); }
  void key(Name k) { sink_.name_key(k); }
  void string(std::string_view s) { sink_.string(s); }
  void integer(std::int64_t i) { sink_.integer(i); }
  void boolean(bool b) { sink_.boolean(b); }

  void field(Name k, std::string_view s) { key(k); string(s); }
  void optional(Name k, std::string_view s) { if (!s.empty()) field(k, s); }
  void type(Name kind) {
    key("type");
    sink_.name_string(kind);
  }

  // ---- shared parts ----------------------------------------------------------------------------
  /// Attr is flattened into its node: "id", "classes", "lang", each only when non-empty.
  void attr(const Attr& a) {
    optional("id", a.id);
    if (!a.classes.empty()) {
      key("classes");
      begin_array();
      for (const std::string& c : a.classes) string(c);
      end_array();
    }
    optional("lang", a.lang);
  }

  void blocks(const Blocks& bs) {
    begin_array();
    for (const Block& b : bs) block(b);
    end_array();
  }
  void inlines(const Inlines& is) {
    begin_array();
    for (const Inline& i : is) inline_node(i);
    end_array();
  }
  void content(const Blocks& bs) { key("content"); blocks(bs); }
  void content(const Inlines& is) { key("content"); inlines(is); }

  /// The fields of an image node; a figure's image is the same object as an inline image.
  void image_fields(const Image& i) {
    type(names::inline_name<Image>);
    field("src", i.src);
    optional("alt", i.alt);
    optional("title", i.title);
    optional("width", i.width);
    optional("height", i.height);
  }

  void items(const std::vector<ListItem>& list) {
    key("items");
    begin_array();
    for (const ListItem& item : list) {
      begin_object();
      if (item.task != Task::none) field("task", names::tasks[static_cast<std::size_t>(item.task)]);
      content(item.children);
      end_object();
    }
    end_array();
  }

  void rows(Name name, const std::vector<TableRow>& rs, bool omit_empty) {
    if (omit_empty && rs.empty()) return;
    key(name);
    begin_array();
    for (const TableRow& row : rs) {
      begin_object();
      key("cells");
      begin_array();
      for (const TableCell& cell : row.cells) {
        begin_object();
        if (cell.align != Alignment::none) field("align", alignment(cell.align));
        if (cell.col_span != 1) { key("col_span"); integer(cell.col_span); }
        if (cell.row_span != 1) { key("row_span"); integer(cell.row_span); }
        if (cell.header) { key("header"); boolean(true); }
        content(cell.content);
        end_object();
      }
      end_array();
      end_object();
    }
    end_array();
  }

  static std::string_view alignment(Alignment a) { return names::alignments[static_cast<std::size_t>(a)]; }

  // ---- blocks ----------------------------------------------------------------------------------
  void block(const Block& b) {
    begin_object();
    std::visit(
        overloaded{
            [&](const Paragraph& p) {
              type(names::block_name<Paragraph>);
              content(p.children);
            },
            [&](const Heading& h) {
              type(names::block_name<Heading>);
              key("level");
              integer(h.level);
              optional("id", h.id);
              content(h.children);
            },
            [&](const BulletList& l) {
              type(names::block_name<BulletList>);
              if (!l.tight) { key("tight"); boolean(false); }
              items(l.items);
            },
            [&](const OrderedList& l) {
              type(names::block_name<OrderedList>);
              if (l.start != 1) { key("start"); integer(l.start); }
              if (!l.tight) { key("tight"); boolean(false); }
              items(l.items);
            },
            [&](const BlockQuote& q) {
              type(names::block_name<BlockQuote>);
              content(q.children);
            },
            [&](const CodeBlock& c) {
              type(names::block_name<CodeBlock>);
              optional("language", c.language);
              field("text", c.text);
            },
            [&](const ThematicBreak&) { type(names::block_name<ThematicBreak>); },
            [&](const Table& t) {
              type(names::block_name<Table>);
              attr(t.attr);
              if (!t.caption.empty()) { key("caption"); inlines(t.caption); }
              key("columns");
              begin_array();
              for (Alignment a : t.columns) string(alignment(a));
              end_array();
              rows("head", t.head, /*omit_empty=*/true);
              rows("body", t.body, /*omit_empty=*/false);
            },
            [&](const Figure& f) {
              type(names::block_name<Figure>);
              attr(f.attr);
              key("image");
              begin_object();
              image_fields(f.image);
              end_object();
              if (!f.caption.empty()) { key("caption"); inlines(f.caption); }
              if (!f.credit.empty()) { key("credit"); inlines(f.credit); }
            },
            [&](const DefinitionList& d) {
              type(names::block_name<DefinitionList>);
              key("items");
              begin_array();
              for (const DefinitionItem& item : d.items) {
                begin_object();
                key("term");
                inlines(item.term);
                key("definitions");
                begin_array();
                for (const Blocks& def : item.definitions) blocks(def);
                end_array();
                end_object();
              }
              end_array();
            },
            [&](const Div& d) {
              type(names::block_name<Div>);
              attr(d.attr);
              content(d.children);
            },
            [&](const RawBlock& r) {
              type(names::block_name<RawBlock>);
              field("format", r.format);
              field("text", r.text);
            },
        },
        b.node);
    end_object();
  }

  // ---- inlines ---------------------------------------------------------------------------------
  void inline_node(const Inline& i) {
    begin_object();
    std::visit(
        overloaded{
            [&](const Text& t) {
              type(names::inline_name<Text>);
              field("text", t.text);
            },
            [&](const Emph& e) { container(names::inline_name<Emph>, e.children); },
            [&](const Strong& s) { container(names::inline_name<Strong>, s.children); },
            [&](const Strikeout& s) { container(names::inline_name<Strikeout>, s.children); },
            [&](const Superscript& s) { container(names::inline_name<Superscript>, s.children); },
            [&](const Subscript& s) { container(names::inline_name<Subscript>, s.children); },
            [&](const Code& c) {
              type(names::inline_name<Code>);
              field("text", c.text);
            },
            [&](const Link& l) {
              type(names::inline_name<Link>);
              field("url", l.url);
              optional("title", l.title);
              content(l.children);
            },
            [&](const Image& img) { image_fields(img); },
            [&](const LineBreak&) { type(names::inline_name<LineBreak>); },
            [&](const Note& n) {
              type(names::inline_name<Note>);
              content(n.content);
            },
            [&](const Math& m) {
              type(names::inline_name<Math>);
              field("tex", m.tex);
              if (m.display) { key("display"); boolean(true); }
            },
            [&](const Span& s) {
              type(names::inline_name<Span>);
              attr(s.attr);
              content(s.children);
            },
            [&](const RawInline& r) {
              type(names::inline_name<RawInline>);
              field("format", r.format);
              field("text", r.text);
            },
        },
        i.node);
    end_object();
  }

  void container(Name name, const Inlines& children) {
    type(name);
    content(children);
  }

  // ---- metadata --------------------------------------------------------------------------------
  void meta_map(const MetaMap& map) {
    begin_object(/*expand=*/true);
    for (const MetaField& f : map) {
      sink_.key(f.key);
      path_.push_back(PathStep{f.key, 0, false});
      meta_value(f.value);
      path_.pop_back();
    }
    end_object();
  }

  void meta_value(const MetaValue& v) {
    std::visit(
        overloaded{
            [&](const MetaNull&) { sink_.null(); },
            [&](bool b) { boolean(b); },
            [&](std::int64_t i) { integer(i); },
            [&](double d) {
              if (std::isfinite(d)) {
                sink_.floating(d);
                return;
              }
              sink_.null();
              context_.report(Diagnostic{Severity::warning, "json.non_finite_number",
                                         path() + ": " + (std::isnan(d) ? "NaN" : "infinity") +
                                             " has no JSON spelling; written as null",
                                         doc_.source_name, {}});
            },
            [&](const std::string& s) { string(s); },
            [&](const MetaList& list) {
              begin_array();
              for (std::size_t n = 0; n < list.size(); ++n) {
                path_.push_back(PathStep{{}, n, true});
                meta_value(list[n]);
                path_.pop_back();
              }
              end_array();
            },
            [&](const MetaMap& map) { meta_map(map); },
        },
        v.value);
  }

  /// Where a metadata value sits, for diagnostics: a map key or a list index.
  struct PathStep {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };
  /// "meta.tags[2]"; formatted only when a diagnostic needs it.
  std::string path() const {
    std::string out = "meta";
    for (const PathStep& step : path_) {
      if (step.is_index) out.append("[").append(std::to_string(step.index)).append("]");
      else out.append(".").append(step.key);
    }
    return out;
  }

  const Document& doc_;
  Context& context_;
  Sink& sink_;
  std::vector<PathStep> path_;
};

/// Builds an Event for each call and hands it to an EventSink.
class EventForwarder {
 public:
  explicit EventForwarder(EventSink& sink) : sink_(sink) {}
  void begin_object(bool expand) { send(EventKind::begin_object, expand); }
  void end_object() { send(EventKind::end_object); }
  void begin_array(bool expand = false) { send(EventKind::begin_array, expand); }
  void end_array() { send(EventKind::end_array); }
  void key(std::string_view k) { sink_.event(Event{EventKind::key, false, k, 0, 0}); }
  void string(std::string_view s) { sink_.event(Event{EventKind::string, false, s, 0, 0}); }
  void name_key(Name k) { key(k.text()); }
  void name_string(Name s) { string(s.text()); }
  void integer(std::int64_t i) { sink_.event(Event{EventKind::integer, false, {}, i, 0}); }
  void floating(double d) { sink_.event(Event{EventKind::floating, false, {}, 0, d}); }
  void boolean(bool b) { send(EventKind::boolean, b); }
  void null() { send(EventKind::null); }

 private:
  void send(EventKind kind, bool flag = false) { sink_.event(Event{kind, flag, {}, 0, 0}); }
  EventSink& sink_;
};

}  // namespace

void encode(const Document& doc, Context& context, EventSink& sink) {
  EventForwarder forwarder(sink);
  Encoder<EventForwarder>(doc, context, forwarder).run();
}

void encode(const Document& doc, Context& context, Printer& printer) {
  Encoder<Printer>(doc, context, printer).run();
}

}  // namespace sheaf::json
