#include "converters/epub/xhtml_page.hpp"
#include "converters/epub/nav.hpp"

#include <algorithm>

#include "converters/epub/labels.hpp"
#include "converters/epub/language.hpp"
#include "converters/epub/xml_writer.hpp"

namespace sheaf::epub {
namespace {

void nav_list(XmlWriter& w, const std::vector<NavEntry>& entries) {
  w.open("ol");
  w.newline();
  for (const NavEntry& e : entries) {
    w.open("li");
    w.open("a");
    w.attr("href", e.href);
    w.text(e.label);
    w.close();
    if (!e.children.empty()) {
      w.newline();
      nav_list(w, e.children);
    }
    w.close();
    w.newline();
  }
  w.close();
  w.newline();
}

int depth(const std::vector<NavEntry>& entries) {
  int d = 0;
  for (const NavEntry& e : entries) d = std::max(d, 1 + depth(e.children));
  return d;
}

void nav_points(XmlWriter& w, const std::vector<NavEntry>& entries, int& order) {
  for (const NavEntry& e : entries) {
    ++order;
    w.open("navPoint");
    w.attr("id", "navpoint-" + std::to_string(order));
    w.attr("playOrder", std::to_string(order));
    w.newline();
    w.open("navLabel");
    w.element("text", e.label);
    w.close();
    w.newline();
    w.open("content");
    w.attr("src", e.href);
    w.close();
    w.newline();
    nav_points(w, e.children, order);
    w.close();
    w.newline();
  }
}

}  // namespace

std::string nav_document(const BookInfo& book, const std::vector<NavEntry>& toc, const Landmarks& landmarks) {
  const std::string& lang = book.languages.front();
  const Labels& labels = labels_for(lang);
  XmlWriter w;
  open_xhtml_page(w, lang, labels.contents, {"styles/sheaf.css"});
  w.open("nav");
  w.attr("epub:type", "toc");
  w.attr("id", "toc");
  w.attr("role", "doc-toc");
  w.newline();
  w.element("h1", labels.contents);
  w.newline();
  nav_list(w, toc);
  w.close();
  w.newline();
  w.open("nav");
  w.attr("epub:type", "landmarks");
  w.attr("id", "landmarks");
  w.attr("hidden", "hidden");
  w.newline();
  w.element("h2", "Landmarks");
  w.newline();
  w.open("ol");
  w.newline();
  const auto landmark = [&](const char* type, const std::string& href, std::string_view label) {
    w.open("li");
    w.open("a");
    w.attr("epub:type", type);
    w.attr("href", href);
    w.text(label);
    w.close();
    w.close();
    w.newline();
  };
  if (!landmarks.cover.empty()) landmark("cover", landmarks.cover, labels.cover);
  if (!landmarks.toc.empty()) landmark("toc", landmarks.toc, labels.contents);
  landmark("bodymatter", landmarks.bodymatter, book.title);
  w.close();
  w.newline();
  w.close();
  w.newline();
  w.close();
  w.newline();
  w.close();
  w.newline();
  return w.take();
}

std::string ncx_document(const BookInfo& book, const std::vector<NavEntry>& toc) {
  XmlWriter w;
  w.declaration();
  w.open("ncx");
  w.attr("xmlns", "http://www.daisy.org/z3986/2005/ncx/");
  w.attr("version", "2005-1");
  w.attr("xml:lang", book.languages.front());
  w.newline();
  w.open("head");
  w.newline();
  const auto meta = [&](const char* name, const std::string& content) {
    w.open("meta");
    w.attr("name", name);
    w.attr("content", content);
    w.close();
    w.newline();
  };
  meta("dtb:uid", book.identifier);
  meta("dtb:depth", std::to_string(std::max(1, depth(toc))));
  meta("dtb:totalPageCount", "0");
  meta("dtb:maxPageNumber", "0");
  w.close();
  w.newline();
  w.open("docTitle");
  w.element("text", book.title);
  w.close();
  w.newline();
  w.open("navMap");
  w.newline();
  int order = 0;
  nav_points(w, toc, order);
  w.close();
  w.newline();
  w.close();
  w.newline();
  return w.take();
}

}  // namespace sheaf::epub
