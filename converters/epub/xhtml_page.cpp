#include "converters/epub/xhtml_page.hpp"

#include "converters/epub/language.hpp"

namespace sheaf::epub {

void open_xhtml_page(XmlWriter& w, const std::string& lang, std::string_view title,
                     const std::vector<std::string>& stylesheets) {
  w.declaration();
  w.raw("<!DOCTYPE html>\n");
  w.open("html");
  w.attr("xmlns", "http://www.w3.org/1999/xhtml");
  w.attr("xmlns:epub", "http://www.idpf.org/2007/ops");
  w.attr("lang", lang);
  w.attr("xml:lang", lang);
  if (is_rtl(lang)) w.attr("dir", "rtl");
  w.newline();
  w.open("head");
  w.newline();
  w.element("title", title);
  w.newline();
  for (const std::string& css : stylesheets) {
    w.open("link");
    w.attr("rel", "stylesheet");
    w.attr("type", "text/css");
    w.attr("href", css);
    w.close();
    w.newline();
  }
  w.close();  // head
  w.newline();
  w.open("body");
  w.newline();
}

}  // namespace sheaf::epub
