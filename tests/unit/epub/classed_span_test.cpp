// Spans whose first class is mark, ins or abbr (the HTML reader's <mark>, <ins>, <abbr>) are
// written as those XHTML5 elements; other spans stay <span>.
#include <gtest/gtest.h>

#include "tests/unit/epub/epub_test_util.hpp"

namespace sheaf::test::epub {
namespace {

Inline span(std::vector<std::string> classes, std::string text, std::string lang = {}) {
  return Inline{Span{Attr{{}, std::move(classes), std::move(lang)}, {Inline{Text{std::move(text)}}}}};
}

TEST(EpubClassedSpan, MarkInsAbbrBecomeTheirElements) {
  Document doc;
  doc.meta.push_back(MetaField{"title", MetaValue{std::string("T")}});
  doc.blocks.push_back(Block{Paragraph{{span({"mark", "hl"}, "hot"), Inline{Text{" "}}, span({"ins"}, "new"),
                                        Inline{Text{" "}}, span({"abbr"}, "ONU", "fr"), Inline{Text{" "}},
                                        span({"other", "mark"}, "plain")}}});
  MemoryContext context;
  const std::string x = entries(write_epub(doc, context)).at("EPUB/text/ch001.xhtml");
  EXPECT_NE(x.find("<mark class=\"hl\">hot</mark> <ins>new</ins> <abbr lang=\"fr\" xml:lang=\"fr\">ONU</abbr> "
                   "<span class=\"other mark\">plain</span>"),
            std::string::npos)
      << x;
}

}  // namespace
}  // namespace sheaf::test::epub
