#pragma once
// Terse constructors for documents built by hand in tests: `p({t("a "), em({t("b")})})`. Writer
// tests pull them into their own namespace (`using namespace sheaf::build;`) next to their
// writer-specific helpers.
#include <string>
#include <utility>
#include <vector>

#include "core/document.hpp"

namespace sheaf::build {

inline Inline t(std::string s) { return Inline{Text{std::move(s)}}; }
inline Inline em(Inlines c) { return Inline{Emph{std::move(c)}}; }
inline Inline strong(Inlines c) { return Inline{Strong{std::move(c)}}; }
inline Inline del(Inlines c) { return Inline{Strikeout{std::move(c)}}; }
inline Inline sup(Inlines c) { return Inline{Superscript{std::move(c)}}; }
inline Inline sub(Inlines c) { return Inline{Subscript{std::move(c)}}; }
inline Inline code(std::string s) { return Inline{Code{std::move(s)}}; }
inline Inline link(std::string url, Inlines c, std::string title = "") {
  return Inline{Link{std::move(url), std::move(title), std::move(c)}};
}
inline Inline br() { return Inline{LineBreak{}}; }
inline Inline note(Blocks b) { return Inline{Note{std::move(b)}}; }
inline Inline math(std::string tex, bool display = false) { return Inline{Math{std::move(tex), display}}; }
inline Inline span(Attr a, Inlines c) { return Inline{Span{std::move(a), std::move(c)}}; }
inline Inline image(std::string src, std::string alt, std::string title = "") {
  Image i;
  i.src = std::move(src);
  i.alt = std::move(alt);
  i.title = std::move(title);
  return Inline{i};
}

inline Block p(Inlines c) { return Block{Paragraph{std::move(c)}}; }
inline Block p(std::string s) { return p(Inlines{t(std::move(s))}); }
inline Block h(int level, Inlines c) { return Block{Heading{level, "", std::move(c)}}; }
inline Block h(int level, std::string s) { return h(level, Inlines{t(std::move(s))}); }
inline Block quote(Blocks b) { return Block{BlockQuote{std::move(b)}}; }
inline Block code_block(std::string s, std::string lang = "") {
  return Block{CodeBlock{std::move(lang), std::move(s)}};
}
inline Block rule() { return Block{ThematicBreak{}}; }
inline Block raw(std::string format, std::string text) { return Block{RawBlock{std::move(format), std::move(text)}}; }
inline Block div(Attr a, Blocks b) { return Block{Div{std::move(a), std::move(b)}}; }
inline ListItem item(Blocks b, Task task = Task::none) { return ListItem{std::move(b), task}; }
inline Block bullets(std::vector<ListItem> items, bool tight = true) {
  return Block{BulletList{std::move(items), tight}};
}
inline Block ordered(std::vector<ListItem> items, int start = 1, bool tight = true) {
  return Block{OrderedList{std::move(items), start, tight}};
}
inline Block figure(std::string src, std::string alt, Inlines caption, Inlines credit = {}) {
  Figure f;
  f.image.src = std::move(src);
  f.image.alt = std::move(alt);
  f.caption = std::move(caption);
  f.credit = std::move(credit);
  return Block{std::move(f)};
}

}  // namespace sheaf::build
