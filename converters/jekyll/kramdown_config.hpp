#pragma once
// The `kramdown:` section of a Jekyll site's `_config.yml`: the kramdown options that change what
// a reader sees. Jekyll's defaults apply to every key the site leaves out.
#include <array>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace sheaf::jekyll {

struct KramdownConfig {
  /// `input`: Jekyll's default parser is kramdown's GFM one; `input: kramdown` selects kramdown's
  /// own block rules (a paragraph runs to a blank line: headers, lists, quotes and rules do not
  /// interrupt it; `##x` is a header). Default false (GFM).
  bool kramdown_input = false;
  /// `smart_quotes`: the four characters for ‘ ’ “ ” (entity names lsquo, rsquo, ldquo, rdquo,
  /// apos, quot, laquo, raquo, sbquo, bdquo, lsaquo, rsaquo, or numbers). Default ‘ ’ “ ”.
  std::array<std::string, 4> quotes{"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"};
  /// `typographic_symbols`: what `...`, `---`, `--`, `<<`, `>>`, `<< `, ` >>` become (a map from
  /// the symbol name hellip, mdash, ndash, laquo, raquo, laquo_space, raquo_space to its text).
  /// Default … — – « » «&nbsp; &nbsp;».
  std::string hellip = "\xE2\x80\xA6", mdash = "\xE2\x80\x94", ndash = "\xE2\x80\x93";
  std::string laquo = "\xC2\xAB", raquo = "\xC2\xBB";
  std::string laquo_space = "\xC2\xAB\xC2\xA0", raquo_space = "\xC2\xA0\xC2\xBB";
  /// `toc_levels`: the heading levels a `{:toc}` lists (`2..3`, `[2, 3]`). Default 1..6.
  int toc_min = 1, toc_max = 6;
  /// `auto_ids`: headers without an id get one (kramdown's rule, toc.hpp). Default true.
  bool auto_ids = true;
  /// `math_engine: ~` (nil): `$$…$$` stays text, delimiters included. Default true (mathjax).
  bool math = true;
  /// `parse_block_html`: the content of a block-level HTML element is read as kramdown (block
  /// elements such as `div` as blocks, `p`/`h1`/`th` as spans, `pre`/`table` rows as raw HTML;
  /// kramdown_html.hpp). The `markdown="0|1|block|span"` attribute overrides it per element.
  /// Default false (raw HTML).
  bool parse_block_html = false;
  /// `parse_span_html`: the content of a span-level HTML element (`<span>*x*</span>`) is read as
  /// kramdown spans; elements with raw content (`code`, `kbd`, `samp`, `var`) never are.
  /// Default true.
  bool parse_span_html = true;
  /// `html_to_native`: HTML elements become native elements, so text right after a `<p>` element
  /// (no blank line between) continues that paragraph. Default false.
  bool html_to_native = false;
  /// `link_defs`: predefined link definitions, id → `[url]` or `[url, title]`; a definition in
  /// the document replaces one of the same id. Default none.
  struct LinkDef {
    std::string id, url, title;
  };
  std::vector<LinkDef> link_defs;
};

/// Reads `kramdown:` from the site's `_config.yml` values (nullptr: no site). Unknown keys and
/// values of the wrong type are ignored (Jekyll passes them to kramdown, which ignores them too).
KramdownConfig kramdown_config(const MetaMap* site);

}  // namespace sheaf::jekyll
