#include "converters/html/markdown_marks.hpp"

#include "converters/html/libxml_document.hpp"

namespace sheaf::html::markdown_marks {

bool authored_by_markdown(const xmlNode* el) noexcept {
  return has_attribute(el, authored) || has_attribute(el, sourcepos);
}

bool read_raw_mark(const xmlNode* el, Flow& flow) {
  if (has_attribute(el, raw_block)) {
    std::string text = attribute(el, raw_block);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    flow.block(Block{RawBlock{"html", std::move(text)}});
    return true;
  }
  if (has_attribute(el, raw_inline)) {
    flow.atom(Inline{RawInline{"html", attribute(el, raw_inline)}});
    return true;
  }
  return false;
}

}  // namespace sheaf::html::markdown_marks
