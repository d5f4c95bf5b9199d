#pragma once
// kramdown's own span rules where they differ from CommonMark's (cmark-gfm): emphasis, code
// spans, backslash escapes and image alt text. Applied with `input: kramdown` to the span text
// rewrite_kramdown has already rewritten (typography, math and IALs done), before cmark.
// docs/formats/jekyll.md ("kramdown syntax") lists the rules.
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::jekyll {

/// One paragraph's span text (its lines joined by '\n', block prefixes such as list markers and
/// `>` already removed) rewritten so that cmark reads it as kramdown does:
///   - emphasis follows kramdown's parser: `*`/`**`/`_`/`__` open only before a non-space; they
///     close at the first matching delimiter after a non-space with some content in between; an
///     element does not nest in itself (`*a _b_ c*`: the inner `_` is text); a failed `**` is
///     retried as `*` (`**a *b*` is `<em>*a *b</em>`); `_` after a letter or digit does not open
///     and before one does not close. Emphasis becomes `<em>`/`<strong>`, delimiters left as text
///     are escaped;
///   - a code span runs from a backtick run to the first same run after it (not necessarily a run
///     of the same length); a lone backtick with whitespace (or the start) before it and
///     whitespace after it is text, as is a run without its close; a multi-backtick span loses one
///     space at each end. Written as a code span cmark reads the same way;
///   - `\` escapes only kramdown's characters (``\ . * _ + - ` ( ) [ ] { } # ! : | " ' $ = < >``);
///     before any other punctuation the backslash is text (`\&` shows `\&`);
///   - an image's alt text is taken as written (`![a ![b](c) d](e)` has the alt `a ![b](c) d`).
/// Newlines are kept, so the caller can split the result back into its lines. Raw HTML tags,
/// link destinations and `{:…}` attribute lists are passed through. Returns the text unchanged
/// when the (backtracking) emphasis search would take more than a linear budget of steps.
/// `labels` are the link definition ids (normalize_link_label): a `[text]` or `[text][]` naming
/// one is a reference link, copied as written so cmark matches it with its definition.
std::string kramdown_spans(std::string_view text, const std::set<std::string>& labels = {});

/// kramdown_spans over the paragraphs among `lines` (Markdown lines out of rewrite_kramdown):
/// `span_lines` are the indices, in increasing order, of the lines holding paragraph text.
/// Consecutive ones form one paragraph unless a line opens a list item or a footnote definition
/// or changes the quote depth; each line's block prefix (indentation, `>` markers, a list
/// marker, `[^id]:`) is kept; link definition lines are left as they are.
void apply_kramdown_spans(std::vector<std::string>& lines, const std::vector<std::size_t>& span_lines,
                          const std::set<std::string>& labels = {});

}  // namespace sheaf::jekyll
