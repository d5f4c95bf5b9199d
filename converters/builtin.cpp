#include "converters/builtin.hpp"

#include "converters/epub/epub.hpp"
#include "converters/html/html.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "converters/json/json.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/text/text.hpp"

namespace sheaf {

const Registry& builtin_registry() {
  static const Registry registry(
      {
          {"jekyll", {}, {".md", ".markdown", ".mkd", ".mdown"},
           "Jekyll post: YAML front matter + Markdown (GFM) with raw HTML parsed", jekyll::read},
          {"markdown", {"md", "gfm", "commonmark"}, {},
           "Markdown (GitHub-Flavored) with raw HTML parsed; no front matter", markdown::read},
          {"html", {"htm"}, {".html", ".htm", ".xhtml"},
           "HTML page or fragment (libxml2, recovering)", html::read},
          {"json", {}, {".json"}, "sheaf's JSON document format (docs/json-format.md)", json::read},
      },
      {
          {"epub", {"epub3"}, {".epub"}, OutputKind::binary, "EPUB 3.3 book (valid for epubcheck)",
           epub::write},
          {"markdown", {"md", "gfm"}, {".md", ".markdown"}, OutputKind::text,
           "GitHub-Flavored Markdown with YAML front matter", markdown::write},
          {"json", {}, {".json"}, OutputKind::text, "sheaf's JSON document format", json::write},
          {"text", {"plain", "txt"}, {".txt", ".text"}, OutputKind::text,
           "plain text for terminals and tools", text::write},
      });
  return registry;
}

}  // namespace sheaf
