#include "converters/epub/book_plan.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "converters/epub/inline_text.hpp"
#include "converters/epub/language.hpp"
#include "converters/epub/urls.hpp"
#include "core/meta.hpp"
#include "core/overloaded.hpp"

namespace sheaf::epub {
namespace {

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

void add_author(std::vector<std::string>& out, const MetaValue& v) {
  if (const auto* map = std::get_if<MetaMap>(&v.value)) {
    if (auto name = meta_string(*map, "name")) add_author(out, MetaValue{*name});
    return;
  }
  if (auto text = meta_text(v)) {
    std::string name = trimmed(*text);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
}

// Registers every source id of the document (pass 1), so links to them can be rewritten before
// the elements are written.
struct IdCollector {
  IdSet& ids;
  void add(const std::string& id) {
    if (!id.empty()) ids.add_source(id);
  }
  void inlines(const Inlines& list) {
    for (const Inline& in : list)
      std::visit(overloaded{
                     [&](const Text&) {},
                     [&](const Emph& e) { inlines(e.children); },
                     [&](const Strong& e) { inlines(e.children); },
                     [&](const Strikeout& e) { inlines(e.children); },
                     [&](const Superscript& e) { inlines(e.children); },
                     [&](const Subscript& e) { inlines(e.children); },
                     [&](const Code&) {},
                     [&](const Link& l) { inlines(l.children); },
                     [&](const Image&) {},
                     [&](const LineBreak&) {},
                     [&](const Note& n) { blocks(n.content); },
                     [&](const Math&) {},
                     [&](const Span& s) {
                       add(s.attr.id);
                       inlines(s.children);
                     },
                     [&](const RawInline&) {},  // never written into the book
                 },
                 in.node);
  }
  void blocks(const Blocks& list) {
    for (const Block& b : list)
      std::visit(overloaded{
                     [&](const Paragraph& p) { inlines(p.children); },
                     [&](const Heading& h) {
                       add(h.id);
                       inlines(h.children);
                     },
                     [&](const BulletList& l) {
                       for (const ListItem& i : l.items) blocks(i.children);
                     },
                     [&](const OrderedList& l) {
                       for (const ListItem& i : l.items) blocks(i.children);
                     },
                     [&](const BlockQuote& q) { blocks(q.children); },
                     [&](const CodeBlock&) {},
                     [&](const ThematicBreak&) {},
                     [&](const Table& t) {
                       add(t.attr.id);
                       inlines(t.caption);
                       for (const auto* rows : {&t.head, &t.body})
                         for (const TableRow& r : *rows)
                           for (const TableCell& c : r.cells) blocks(c.content);
                     },
                     [&](const Figure& f) {
                       add(f.attr.id);
                       inlines(f.caption);
                       inlines(f.credit);
                     },
                     [&](const DefinitionList& d) {
                       for (const DefinitionItem& i : d.items) {
                         inlines(i.term);
                         for (const Blocks& def : i.definitions) blocks(def);
                       }
                     },
                     [&](const Div& d) {
                       add(d.attr.id);
                       blocks(d.children);
                     },
                     [&](const RawBlock&) {},
                 },
                 b.node);
  }
};

std::string first_heading_text(const Blocks& blocks) {
  for (const Block& b : blocks) {
    if (const auto* h = std::get_if<Heading>(&b.node)) {
      return trimmed(label_text(h->children));
    }
    if (const auto* d = std::get_if<Div>(&b.node)) {
      if (std::string t = first_heading_text(d->children); !t.empty()) return t;
    }
  }
  return {};
}

// "2024-06-25-my-post.md" → "my-post"; "notes.html" → "notes".
std::string slug_from_name(const std::string& source_name) {
  std::string stem = std::filesystem::path(source_name).stem().string();
  if (stem.size() > 11 && stem[4] == '-' && stem[7] == '-' && stem[10] == '-' &&
      std::all_of(stem.begin(), stem.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    stem.erase(0, 11);
  return stem == "-" ? std::string{} : stem;
}

}  // namespace

std::vector<std::string> meta_authors(const MetaMap& meta) {
  std::vector<std::string> out;
  for (const char* key : {"author", "authors"}) {
    const MetaValue* v = meta_find(meta, key);
    if (!v) continue;
    if (const auto* list = std::get_if<MetaList>(&v->value)) {
      for (const MetaValue& item : *list) add_author(out, item);
    } else {
      add_author(out, *v);
    }
  }
  return out;
}

std::vector<ChapterPlan> plan_chapters(const std::vector<const Document*>& docs,
                                       const EpubWriterOptions& options, Context& context) {
  std::vector<ChapterPlan> chapters;
  std::set<std::string> seen_sources;
  for (const Document* doc : docs) {
    ChapterPlan c;
    c.doc = doc;
    c.source_url = trimmed(meta_string(doc->meta, meta_key::from).value_or(""));
    if (c.source_url.empty()) c.source_url = trimmed(meta_string(doc->meta, meta_key::source).value_or(""));
    if (!c.source_url.empty()) {
      if (!seen_sources.insert(url_key(c.source_url)).second) {
        Diagnostic d;
        d.severity = Severity::info;
        d.id = "epub.duplicate_post";
        d.message = "post with the same source as an earlier one included once: " + c.source_url;
        d.source_name = doc->source_name;
        context.report(std::move(d));
        continue;
      }
    }
    if (!url_scheme(doc->base).empty()) c.url_base = doc->base;
    else if (is_remote_url(c.source_url)) c.url_base = c.source_url;
    c.title = trimmed(meta_string(doc->meta, meta_key::title).value_or(""));
    if (c.title.empty()) c.title = first_heading_text(doc->blocks);
    if (c.title.empty()) c.title = slug_from_name(doc->source_name);
    if (c.title.empty()) c.title = "Untitled";
    c.authors = meta_authors(doc->meta);
    if (auto date = meta_string(doc->meta, meta_key::date)) c.date = parse_post_date(*date);
    if (auto lang = meta_string(doc->meta, meta_key::lang)) {
      if (auto tag = normalize_language(*lang)) c.language = *tag;
    }
    if (c.language.empty()) c.language = infer_language(*doc);
    c.slug = trimmed(meta_string(doc->meta, meta_key::slug).value_or(""));
    if (c.slug.empty()) c.slug = slug_from_name(doc->source_name);
    IdCollector{c.ids}.blocks(doc->blocks);
    chapters.push_back(std::move(c));
  }
  if (options.order_by_date) {
    std::stable_sort(chapters.begin(), chapters.end(), [](const ChapterPlan& a, const ChapterPlan& b) {
      if (a.date && b.date) return a.date->utc < b.date->utc;
      return a.date.has_value() && !b.date.has_value();
    });
  }
  const int width = chapters.size() >= 1000 ? static_cast<int>(std::to_string(chapters.size()).size()) : 3;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    char name[40];
    std::snprintf(name, sizeof name, "ch%0*zu.xhtml", width, i + 1);
    chapters[i].file = name;
  }
  return chapters;
}

}  // namespace sheaf::epub
