#pragma once
// kramdown's HTML rules (kramdown/parser/html.rb and kramdown/parser/kramdown/html.rb): which
// elements start an HTML block, each element's content model (raw HTML, kramdown spans or
// kramdown blocks), the `markdown` attribute, and the reading of raw HTML content, where what is
// not a well-formed tag, comment or CDATA section is text. Pure functions over the source text;
// kramdown_syntax.cpp drives them and writes the result for cmark-gfm.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "converters/jekyll/text_search.hpp"

namespace sheaf::jekyll::kramdown_html {

/// How an element's content is read: as HTML whose text is escaped, as kramdown span text, or as
/// kramdown blocks.
enum class Model { raw, span, block };

/// A start tag (kramdown's HTML_TAG_RE: `<name attr="v" a=b c />`).
struct StartTag {
  std::string name;        // as kramdown names the element: known HTML names in lower case
  std::string html;        // the tag to write: as in the source, without the `markdown` attribute
  std::optional<std::string> markdown;  // the `markdown` attribute's value
  bool closed = false;     // `<x />`, or an element without content (`br`, `img`, `hr`…)
  std::size_t end = 0;     // just after `>`
};

/// The start tag at `text[pos]` (`<`), or nullopt.
std::optional<StartTag> start_tag(std::string_view text, std::size_t pos);

/// The end tag at `text[pos]` (`</name >`): its name (lower case for known HTML names) and the
/// position after `>`; nullopt when there is none.
std::optional<std::pair<std::string, std::size_t>> end_tag(std::string_view text, std::size_t pos);

/// kramdown's span-level elements (`a`, `em`, `span`, `kbd`…): they never start an HTML block.
bool span_element(std::string_view name);

/// An element whose content the source shows raw in every mode (`script`, `style`): read up to its
/// end tag without looking inside.
bool raw_text_element(std::string_view name);

/// The content model kramdown gives `name` when HTML is parsed (`parse_block_html`, or
/// `markdown="1"`): block for `div`, `li`, `td`…; span for `p`, `h1`, `th`, `dt`…; raw for the
/// rest (`pre`, `code`, `table`, `ul`, unknown names).
Model content_model(std::string_view name);

/// The model for an element's content after its `markdown` attribute: `0` raw, `1` the element's
/// own content_model, `span`, `block`; any other value (or none) keeps `inherited`.
Model with_markdown_attribute(const StartTag& tag, Model inherited);

/// `text` as HTML text: `<`, `>` and an `&` that starts no entity are escaped.
std::string escape_text(std::string_view text);

/// The position after kramdown's TRAILING_WHITESPACE (`[ \t]*\n`) at `pos`, or `pos`.
std::size_t skip_trailing_whitespace(std::string_view text, std::size_t pos);

/// The position of the end tag `</name\s*>` (case-insensitive) at or after `pos`, or npos.
std::size_t find_end_tag(std::string_view text, std::size_t pos, std::string_view name);

/// One open element while HTML is read.
struct Frame {
  std::string name;
  Model model = Model::raw;
};

/// Why read_raw stopped.
enum class RawStop {
  closed,        // the raw elements on top of the stack are closed; `pos` is after the last end tag
  block_opened,  // a child with block content opened (pushed on the stack); `pos` is its content
  end,           // the text ended inside raw content (kramdown closes the open elements)
};

/// kramdown's parse_raw_html: reads from `pos` while the top of `stack` is raw, appending HTML to
/// `out`. Tags, comments and processing instructions are kept; CDATA content and everything else
/// is escaped text; an end tag that closes nothing open is text. A child with a `markdown`
/// attribute gets that content model: span content goes through `span` (kramdown text to HTML),
/// block content stops the reading. Linear in the text read.
RawStop read_raw(std::string_view text, std::size_t& pos, std::vector<Frame>& stack, std::string& out,
                 const std::function<std::string(std::string_view)>& span);

/// kramdown's span-level HTML at `line[i]` (`<`), for text cmark reads next: a processing
/// instruction (`<?`), a block element's tag (`<p>`, `<hr>`) or an end tag that closes nothing is
/// text; a CDATA section is its content as text; an element whose content is raw (`kbd`, `code`,
/// `markdown="0"`, unknown names, or any with `parse_span_html` off) has that content up to its
/// end tag written as text (inner tags kept, `markdown="1"` children read by `spans`); the
/// `markdown` attribute is removed; tags with a namespace (`some:url`), which cmark cannot carry,
/// are left out (their content stays). Appends to `out`, moves `i` and returns true; false when
/// cmark's own reading gives kramdown's result (comments, autolinks, span elements such as
/// `<em>` whose content is kramdown). An end tag counts as closing something when its start tag
/// stands earlier on the same line or is an HTML element's (which may open on an earlier line).
/// `index`, when given, is the SpanIndex of `line`, kept by the caller across the calls for
/// one line (issue 9: `</x>` × n is not a scan of the line before each, nor `<![CDATA[` × n
/// one to its end each).
class SpanIndex;
bool span_markup(std::string_view line, std::size_t& i, std::string& out, bool parse_span_html,
                 const std::function<std::string(std::string_view)>& spans, SpanIndex* index = nullptr);

/// What span_markup looks up in one text, each listed in one pass when first asked, so that
/// the lookups from every `<` of a line are not scans of the line each.
class SpanIndex {
 public:
  explicit SpanIndex(std::string_view text) : text_(text), cdata_end_(text, "]]>") {}
  /// Whether `<name`, followed by a space, `>` or `/`, ends its name before `text[end]` (an end
  /// tag's test for closing something).
  bool opened_before(std::size_t end, std::string_view name);
  /// `text.find("]]>", from)`.
  std::size_t cdata_end(std::size_t from) { return cdata_end_(from); }

 private:
  std::string_view text_;
  bool listed_ = false;
  std::map<std::string, std::size_t, std::less<>> first_;  // name → where its first start tag's name ends
  OccurrenceIndex cdata_end_;
};

/// Raw HTML content as Markdown cmark shows as it is: tags kept, text escaped (a `<p>` element
/// that `html_to_native` turns into a paragraph).
std::string raw_as_markdown(std::string_view content);

}  // namespace sheaf::jekyll::kramdown_html
