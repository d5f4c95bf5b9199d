#include "converters/epub/inline_text.hpp"

#include "core/overloaded.hpp"

namespace sheaf::epub {
namespace {

void append_label(std::string& out, const Inlines& inlines) {
  for (const Inline& in : inlines)
    std::visit(overloaded{
                   [&](const Text& t) { out += t.text; },
                   [&](const Emph& e) { append_label(out, e.children); },
                   [&](const Strong& e) { append_label(out, e.children); },
                   [&](const Strikeout& e) { append_label(out, e.children); },
                   [&](const Superscript& e) { append_label(out, e.children); },
                   [&](const Subscript& e) { append_label(out, e.children); },
                   [&](const Code& c) { out += c.text; },
                   [&](const Link& l) { append_label(out, l.children); },
                   [&](const Image& i) { out += i.alt; },
                   [&](const LineBreak&) { out += ' '; },
                   [&](const Note&) {},  // notes are not part of a label
                   [&](const Math& m) { out += m.tex; },
                   [&](const Span& s) { append_label(out, s.children); },
                   [&](const RawInline&) {},  // markup is not part of a label
               },
               in.node);
}

}  // namespace

std::string label_text(const Inlines& inlines) {
  std::string out;
  append_label(out, inlines);
  return out;
}

}  // namespace sheaf::epub
