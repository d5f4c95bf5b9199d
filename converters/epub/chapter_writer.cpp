#include "converters/epub/xhtml_page.hpp"
#include "converters/epub/chapter_writer.hpp"

#include <algorithm>

#include "converters/epub/inline_text.hpp"
#include "converters/epub/labels.hpp"
#include "converters/epub/language.hpp"
#include "converters/epub/urls.hpp"
#include "converters/epub/xml_writer.hpp"
#include "core/overloaded.hpp"

namespace sheaf::epub {
namespace {

// Class tokens carried from the source, reduced to ASCII names so they stay single tokens.
std::string class_list(const std::vector<std::string>& classes) {
  std::string out;
  for (const std::string& c : classes) {
    const bool ok = !c.empty() && std::all_of(c.begin(), c.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    });
    if (!ok) continue;
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() < 7 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         s.find_first_not_of('0') != std::string::npos;
}

std::string_view align_class(Alignment a) {
  switch (a) {
    case Alignment::left: return "align-left";
    case Alignment::center: return "align-center";
    case Alignment::right: return "align-right";
    case Alignment::none: return "";
  }
  return "";
}

std::string collapse_space(std::string s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

class ChapterWriter {
 public:
  ChapterWriter(std::size_t index, std::vector<ChapterPlan>& chapters, const BookLinks& links,
                ImageStore& images, const EpubWriterOptions& options, Context& context)
      : index_(index),
        chapter_(chapters[index]),
        links_(links),
        images_(images),
        options_(options),
        context_(context),
        labels_(labels_for(chapter_.language)) {}

  ChapterResult run(const std::vector<std::string>& stylesheets) {
    std::vector<std::string> hrefs;  // chapters live in text/, one level below the stylesheets
    for (const std::string& css : stylesheets) hrefs.push_back("../" + css);
    open_xhtml_page(w_, chapter_.language, chapter_.title, hrefs);
    const std::string title_id = chapter_.ids.fresh("title");
    w_.open("section");
    w_.attr("epub:type", "chapter");
    w_.attr("role", "doc-chapter");
    w_.attr("aria-labelledby", title_id);
    w_.newline();
    header(title_id);
    blocks(chapter_.doc->blocks);
    footnotes();
    w_.close();  // section
    w_.newline();
    w_.close();  // body
    w_.newline();
    w_.close();  // html
    w_.newline();
    result_.xhtml = w_.take();
    return std::move(result_);
  }

 private:
  // ---- attributes -------------------------------------------------------------------------------
  // The file id for a source id, once: a repeated source id is written only on its first element.
  std::string claim_id(const std::string& source_id) {
    if (source_id.empty()) return {};
    const std::string* id = chapter_.ids.find(source_id);
    if (!id || !chapter_.ids.claim(source_id)) return {};
    return *id;
  }

  void id_attr(const std::string& source_id) {
    if (std::string id = claim_id(source_id); !id.empty()) w_.attr("id", id);
  }

  void lang_attrs(const std::string& lang) {
    if (lang.empty()) return;
    if (auto tag = normalize_language(lang)) {
      w_.attr("lang", *tag);
      w_.attr("xml:lang", *tag);
      if (is_rtl(*tag) != is_rtl(chapter_.language)) w_.attr("dir", is_rtl(*tag) ? "rtl" : "ltr");
    }
  }

  void common_attrs(const Attr& attr) {
    id_attr(attr.id);
    if (std::string classes = class_list(attr.classes); !classes.empty()) w_.attr("class", classes);
    lang_attrs(attr.lang);
  }

  void report(Severity severity, std::string id, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.id = std::move(id);
    d.message = std::move(message);
    d.source_name = chapter_.doc->source_name;
    context_.report(std::move(d));
  }

  // ---- header -----------------------------------------------------------------------------------
  void header(const std::string& title_id) {
    w_.open("header");
    w_.attr("class", "chapter-header");
    w_.newline();
    w_.open("h1");
    w_.attr("id", title_id);
    w_.attr("class", "chapter-title");
    w_.text(chapter_.title);
    w_.close();
    w_.newline();
    if (!chapter_.authors.empty() || chapter_.date) {
      w_.open("p");
      w_.attr("class", "byline");
      for (std::size_t i = 0; i < chapter_.authors.size(); ++i) {
        if (i) w_.text(labels_.list_separator);
        w_.open("span");
        w_.attr("class", "author");
        w_.text(chapter_.authors[i]);
        w_.close();
      }
      if (chapter_.date) {
        if (!chapter_.authors.empty()) w_.text(" · ");
        w_.open("time");
        w_.attr("datetime", w3c_date(*chapter_.date));
        w_.text(iso_day(chapter_.date->utc));
        w_.close();
      }
      w_.close();
      w_.newline();
    }
    if (!chapter_.source_url.empty()) {
      const std::string href = is_remote_url(chapter_.source_url) ? clean_href(chapter_.source_url) : "";
      w_.open("p");
      w_.attr("class", "source");
      w_.text(labels_.source);
      if (!href.empty()) {
        w_.open("a");
        w_.attr("href", href);
      }
      w_.text(chapter_.source_url);
      if (!href.empty()) w_.close();
      w_.close();
      w_.newline();
    }
    w_.close();  // header
    w_.newline();
  }

  // ---- blocks -----------------------------------------------------------------------------------
  void blocks(const Blocks& list) {
    for (const Block& b : list) block(b);
  }

  // Blocks of a list item, cell or definition: a lone first paragraph is written without <p>
  // when `unwrap`, as tight lists and simple cells read in HTML.
  void content(const Blocks& list, bool unwrap) {
    std::size_t start = 0;
    if (unwrap && !list.empty()) {
      const auto* p = std::get_if<Paragraph>(&list.front().node);
      const bool next_is_paragraph = list.size() > 1 && std::holds_alternative<Paragraph>(list[1].node);
      if (p && !next_is_paragraph) {
        inlines(p->children);
        start = 1;
        if (list.size() > 1) w_.newline();
      }
    }
    for (std::size_t i = start; i < list.size(); ++i) block(list[i]);
  }

  // Containers other than Div take their headings out of the table of contents.
  struct Nested {
    int& depth;
    explicit Nested(int& d) : depth(d) { ++depth; }
    ~Nested() { --depth; }
  };

  void block(const Block& b) {
    std::visit(overloaded{
                   [&](const Paragraph& p) {
                     w_.open("p");
                     inlines(p.children);
                     w_.close();
                     w_.newline();
                   },
                   [&](const Heading& h) { heading(h); },
                   [&](const BulletList& l) {
                     Nested n(nested_);
                     w_.open("ul");
                     w_.newline();
                     for (const ListItem& item : l.items) list_item(item, l.tight);
                     w_.close();
                     w_.newline();
                   },
                   [&](const OrderedList& l) {
                     Nested n(nested_);
                     w_.open("ol");
                     if (l.start != 1) w_.attr("start", std::to_string(l.start));
                     w_.newline();
                     for (const ListItem& item : l.items) list_item(item, l.tight);
                     w_.close();
                     w_.newline();
                   },
                   [&](const BlockQuote& q) {
                     Nested n(nested_);
                     w_.open("blockquote");
                     w_.newline();
                     blocks(q.children);
                     w_.close();
                     w_.newline();
                   },
                   [&](const CodeBlock& c) {
                     w_.open("pre");
                     w_.open("code");
                     std::string language;
                     for (char ch : c.language)
                       if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           ch == '-' || ch == '_' || ch == '+' || ch == '.' || ch == '#')
                         language += ch;
                     if (!language.empty()) w_.attr("class", "language-" + language);
                     std::string_view text = c.text;
                     if (text.ends_with('\n')) text.remove_suffix(1);
                     w_.text(text);
                     w_.close();
                     w_.close();
                     w_.newline();
                   },
                   [&](const ThematicBreak&) {
                     w_.open("hr");
                     w_.close();
                     w_.newline();
                   },
                   [&](const Table& t) {
                     Nested n(nested_);
                     table(t);
                   },
                   [&](const Figure& f) { figure(f); },
                   [&](const DefinitionList& d) {
                     Nested n(nested_);
                     definition_list(d);
                   },
                   [&](const Div& d) {
                     w_.open("div");
                     common_attrs(d.attr);
                     w_.newline();
                     blocks(d.children);
                     w_.close();
                     w_.newline();
                   },
                   [&](const RawBlock& r) { raw_block(r); },
               },
               b.node);
  }

  void heading(const Heading& h) {
    const int level = std::clamp(h.level, 1, 6);
    std::string id = claim_id(h.id);
    const bool in_toc = nested_ == 0 && !in_notes_;
    std::string text;
    if (in_toc) text = collapse_space(label_text(h.children));
    // Headings get a generated id only when the contents will point at them.
    if (id.empty() && in_toc && options_.toc_depth > 1 && !text.empty()) id = chapter_.ids.fresh("sec");
    w_.open(heading_tags_[level - 1]);
    if (!id.empty()) w_.attr("id", id);
    inlines(h.children);
    w_.close();
    w_.newline();
    if (in_toc && !id.empty() && !text.empty()) result_.headings.push_back({level, id, text});
  }

  void list_item(const ListItem& item, bool tight) {
    w_.open("li");
    if (item.task != Task::none) {
      w_.attr("class", item.task == Task::done ? "task task-done" : "task task-open");
      w_.text(item.task == Task::done ? "\u2611 " : "\u2610 ");
    }
    content(item.children, tight);
    w_.close();
    w_.newline();
  }

  void definition_list(const DefinitionList& d) {
    w_.open("dl");
    w_.newline();
    for (const DefinitionItem& item : d.items) {
      w_.open("dt");
      inlines(item.term);
      w_.close();
      w_.newline();
      // HTML requires a <dd> after each group of terms.
      if (item.definitions.empty()) {
        w_.open("dd");
        w_.close();
        w_.newline();
      }
      for (const Blocks& def : item.definitions) {
        w_.open("dd");
        content(def, true);
        w_.close();
        w_.newline();
      }
    }
    w_.close();
    w_.newline();
  }

  void table(const Table& t) {
    w_.open("table");
    common_attrs(t.attr);
    w_.newline();
    if (!t.caption.empty()) {
      w_.open("caption");
      inlines(t.caption);
      w_.close();
      w_.newline();
    }
    const auto rows = [&](const std::vector<TableRow>& list, const char* group) {
      if (list.empty()) return;
      w_.open(group);
      w_.newline();
      for (const TableRow& row : list) {
        w_.open("tr");
        std::size_t column = 0;
        for (const TableCell& cell : row.cells) {
          w_.open(cell.header ? "th" : "td");
          if (cell.col_span > 1) w_.attr("colspan", std::to_string(cell.col_span));
          if (cell.row_span > 1) w_.attr("rowspan", std::to_string(cell.row_span));
          Alignment align = cell.align;
          if (align == Alignment::none && column < t.columns.size()) align = t.columns[column];
          if (std::string_view c = align_class(align); !c.empty()) w_.attr("class", c);
          content(cell.content, true);
          w_.close();
          column += static_cast<std::size_t>(std::max(cell.col_span, 1));
        }
        w_.close();
        w_.newline();
      }
      w_.close();
      w_.newline();
    };
    rows(t.head, "thead");
    rows(t.body, "tbody");
    w_.close();
    w_.newline();
  }

  void figure(const Figure& f) {
    const ImageRef ref = images_.resolve(f.image.src, *chapter_.doc);
    const std::string caption_text = collapse_space(label_text(f.caption));
    const bool has_caption = !f.caption.empty() || !f.credit.empty();
    if (ref.kind == ImageRef::Kind::unavailable && !has_caption) {
      // Nothing but an image that cannot be shown: keep its text alternative.
      if (!f.image.alt.empty()) {
        w_.open("p");
        w_.attr("class", "image-missing");
        w_.text(f.image.alt);
        w_.close();
        w_.newline();
      }
      return;
    }
    w_.open("figure");
    common_attrs(f.attr);
    w_.newline();
    switch (ref.kind) {
      case ImageRef::Kind::embedded:
        img(f.image, ref.target, caption_text);
        w_.newline();
        break;
      case ImageRef::Kind::remote: {
        result_.remote_images = true;
        w_.open("p");
        w_.attr("class", "remote-image");
        w_.open("a");
        w_.attr("href", ref.target);
        const std::string alt = collapse_space(f.image.alt);
        w_.text(!alt.empty() && alt != caption_text ? alt : std::string(labels_.image));
        w_.close();
        w_.close();
        w_.newline();
        break;
      }
      case ImageRef::Kind::unavailable:
        if (!f.image.alt.empty() && collapse_space(f.image.alt) != caption_text) {
          w_.open("p");
          w_.attr("class", "image-missing");
          w_.text(f.image.alt);
          w_.close();
          w_.newline();
        }
        break;
    }
    if (has_caption) {
      w_.open("figcaption");
      inlines(f.caption);
      if (!f.credit.empty()) {
        if (!f.caption.empty()) w_.text(" ");
        w_.open("span");
        w_.attr("class", "credit");
        inlines(f.credit);
        w_.close();
      }
      w_.close();
      w_.newline();
    }
    w_.close();
    w_.newline();
  }

  void img(const Image& image, const std::string& href, const std::string& described_by_caption) {
    std::string alt = collapse_space(image.alt);
    if (alt.empty()) alt = collapse_space(image.title);
    ++result_.images_embedded;
    if (alt.empty() && described_by_caption.empty()) ++result_.images_without_alt;
    w_.open("img");
    w_.attr("src", "../" + href);
    w_.attr("alt", alt);
    if (!image.title.empty() && collapse_space(image.title) != alt) w_.attr("title", image.title);
    if (all_digits(image.width)) w_.attr("width", image.width);
    if (all_digits(image.height)) w_.attr("height", image.height);
    w_.close();
  }

  void raw_block(const RawBlock& r) {
    if (r.format == "text" || r.format == "plain") {
      w_.open("pre");
      w_.attr("class", "raw");
      w_.text(r.text);
      w_.close();
      w_.newline();
      return;
    }
    // Raw markup is never copied into the book (it could break validity); the readers already
    // turned every meaningful part of it into the model.
    if (!raw_reported_) {
      raw_reported_ = true;
      report(Severity::info, "epub.raw_dropped", "raw " + r.format + " left out of the EPUB");
    }
  }

  // ---- inlines ----------------------------------------------------------------------------------
  void inlines(const Inlines& list) {
    for (const Inline& in : list) inline_node(in);
  }

  void wrap(const char* tag, const Inlines& children) {
    w_.open(tag);
    inlines(children);
    w_.close();
  }

  void inline_node(const Inline& in) {
    std::visit(overloaded{
                   [&](const Text& t) { w_.text(t.text); },
                   [&](const Emph& e) { wrap("em", e.children); },
                   [&](const Strong& e) { wrap("strong", e.children); },
                   [&](const Strikeout& e) { wrap("del", e.children); },
                   [&](const Superscript& e) { wrap("sup", e.children); },
                   [&](const Subscript& e) { wrap("sub", e.children); },
                   [&](const Code& c) { w_.element("code", c.text); },
                   [&](const Link& l) { link(l); },
                   [&](const Image& i) { inline_image(i); },
                   [&](const LineBreak&) {
                     w_.open("br");
                     w_.close();
                   },
                   [&](const Note& n) { note(n); },
                   [&](const Math& m) {
                     w_.open("span");
                     w_.attr("class", m.display ? "math display" : "math");
                     w_.text(m.tex);
                     w_.close();
                   },
                   [&](const Span& s) {
                     // A first class mark, ins or abbr (the HTML reader's <mark>, <ins>, <abbr>)
                     // is written as that XHTML5 element; the other classes stay on it.
                     // Literals: the XML writer keeps the open element's name as a view.
                     const std::string_view tag = span_element(s.attr);
                     const bool element = tag != "span";
                     const std::string id = claim_id(s.attr.id);
                     const std::string classes = class_list(
                         element ? std::vector<std::string>(s.attr.classes.begin() + 1, s.attr.classes.end())
                                 : s.attr.classes);
                     const auto lang = normalize_language(s.attr.lang);
                     if (!element && id.empty() && classes.empty() && !lang) {
                       inlines(s.children);
                       return;
                     }
                     w_.open(tag);
                     if (!id.empty()) w_.attr("id", id);
                     if (!classes.empty()) w_.attr("class", classes);
                     if (lang) lang_attrs(*lang);
                     inlines(s.children);
                     w_.close();
                   },
                   [&](const RawInline& r) { raw_inline(r); },
               },
               in.node);
  }

  /// As raw_block: plain text is written as text, markup is left out (reported once).
  void raw_inline(const RawInline& r) {
    if (r.format == "text" || r.format == "plain") {
      w_.text(r.text);
      return;
    }
    if (!raw_reported_) {
      raw_reported_ = true;
      report(Severity::info, "epub.raw_dropped", "raw " + r.format + " left out of the EPUB");
    }
  }

  void link(const Link& l) {
    // HTML forbids nested links: an inner link keeps only its text.
    std::optional<std::string> href = in_link_ ? std::nullopt : links_.resolve(index_, l.url);
    if (!href) {
      if (!in_link_ && !l.url.empty() && l.url.front() != '#') ++dropped_links_;
      if (l.children.empty()) w_.text(l.url);
      inlines(l.children);
      return;
    }
    ++in_link_;
    w_.open("a");
    w_.attr("href", *href);
    if (!l.title.empty()) w_.attr("title", l.title);
    if (l.children.empty()) w_.text(l.url);
    inlines(l.children);
    w_.close();
    --in_link_;
    if (in_link_ == 0 && !pending_refs_.empty()) {
      // Notes called inside the link text: their references follow the link.
      std::vector<std::size_t> refs;
      refs.swap(pending_refs_);
      for (std::size_t n : refs) note_ref(n);
    }
  }

  void inline_image(const Image& i) {
    const ImageRef ref = images_.resolve(i.src, *chapter_.doc);
    const std::string alt = collapse_space(i.alt);
    switch (ref.kind) {
      case ImageRef::Kind::embedded:
        img(i, ref.target, "");
        return;
      case ImageRef::Kind::remote:
        result_.remote_images = true;
        if (in_link_) {
          w_.text(alt);
          return;
        }
        w_.open("a");
        w_.attr("class", "remote-image");
        w_.attr("href", ref.target);
        w_.text(!alt.empty() ? alt : std::string(labels_.image));
        w_.close();
        return;
      case ImageRef::Kind::unavailable:
        w_.text(alt);
        return;
    }
  }

  void note(const Note& n) {
    notes_.push_back(&n);
    note_ids_.push_back(chapter_.ids.fresh("fn-" + std::to_string(notes_.size())));
    ref_ids_.push_back(chapter_.ids.fresh("fnref-" + std::to_string(notes_.size())));
    if (in_link_) {
      pending_refs_.push_back(notes_.size() - 1);
      return;
    }
    note_ref(notes_.size() - 1);
  }

  void note_ref(std::size_t n) {
    w_.open("sup");
    w_.open("a");
    w_.attr("epub:type", "noteref");
    w_.attr("role", "doc-noteref");
    w_.attr("id", ref_ids_[n]);
    w_.attr("href", "#" + note_ids_[n]);
    w_.text(std::to_string(n + 1));
    w_.close();
    w_.close();
  }

  void footnotes() {
    if (notes_.empty()) return;
    in_notes_ = true;
    w_.open("section");
    w_.attr("class", "footnotes");
    w_.attr("epub:type", "footnotes");
    w_.newline();
    w_.open("h2");
    w_.attr("class", "footnotes-title");
    w_.text(labels_.notes);
    w_.close();
    w_.newline();
    // Notes inside notes are appended while this loop runs, and written after their callers.
    for (std::size_t n = 0; n < notes_.size(); ++n) {
      w_.open("aside");
      w_.attr("id", note_ids_[n]);
      w_.attr("class", "footnote");
      w_.attr("epub:type", "footnote");
      w_.attr("role", "doc-footnote");
      w_.newline();
      const Blocks& body = notes_[n]->content;
      const auto* first = body.empty() ? nullptr : std::get_if<Paragraph>(&body.front().node);
      w_.open("p");
      backlink(n);
      if (first) {
        w_.text(" ");
        inlines(first->children);
      }
      w_.close();
      w_.newline();
      for (std::size_t i = first ? 1 : 0; i < body.size(); ++i) block(body[i]);
      w_.close();
      w_.newline();
    }
    w_.close();
    w_.newline();
    in_notes_ = false;
  }

  void backlink(std::size_t n) {
    w_.open("a");
    w_.attr("class", "footnote-back");
    w_.attr("role", "doc-backlink");
    w_.attr("href", "#" + ref_ids_[n]);
    w_.text(std::to_string(n + 1) + ".");
    w_.close();
  }

 public:
  void finish_reports() {
    if (dropped_links_ > 0)
      report(Severity::info, "epub.link_dropped",
             std::to_string(dropped_links_) +
                 " link(s) with no target in the book kept as text (relative with no base URL, or an unsupported scheme)");
  }

 private:
  static constexpr const char* heading_tags_[6] = {"h1", "h2", "h3", "h4", "h5", "h6"};

  std::size_t index_;
  ChapterPlan& chapter_;
  const BookLinks& links_;
  ImageStore& images_;
  const EpubWriterOptions& options_;
  Context& context_;
  const Labels& labels_;
  XmlWriter w_;
  ChapterResult result_;
  std::vector<const Note*> notes_;
  std::vector<std::string> note_ids_, ref_ids_;
  std::vector<std::size_t> pending_refs_;
  int in_link_ = 0;
  int nested_ = 0;
  bool in_notes_ = false;
  bool raw_reported_ = false;
  std::size_t dropped_links_ = 0;
};

}  // namespace

ChapterResult write_chapter(std::size_t index, std::vector<ChapterPlan>& chapters, const BookLinks& links,
                            ImageStore& images, const std::vector<std::string>& stylesheets,
                            const EpubWriterOptions& options, Context& context) {
  ChapterWriter writer(index, chapters, links, images, options, context);
  ChapterResult result = writer.run(stylesheets);
  writer.finish_reports();
  return result;
}

}  // namespace sheaf::epub
