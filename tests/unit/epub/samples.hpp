#pragma once
// Hand-built documents for the EPUB writer tests (the readers are tested elsewhere): a kitchen sink
// with every node kind, a post shaped like the reference Chinese news post (text written fresh),
// and a book of three posts that link to each other. Images live in a MemoryContext.
#include <initializer_list>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/document.hpp"
#include "tests/support/model_build.hpp"

namespace sheaf::test::epub {

inline std::string bytes(std::initializer_list<int> list) {
  std::string out;
  for (int b : list) out += static_cast<char>(b);
  return out;
}

/// A valid 2×2 PNG.
inline std::string tiny_png() {
  return bytes({0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
                0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
                0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x21, 0x27, 0x07,
                0x44, 0x0c, 0x10, 0x0a, 0x00, 0x1f, 0x26, 0x04, 0x11, 0x4a, 0x8e, 0x8d, 0x20, 0x00, 0x00, 0x00,
                0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82});
}

/// A valid 1×1 GIF.
inline std::string tiny_gif() {
  return bytes({0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
                0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
                0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b});
}

inline std::string tiny_svg() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">"
         "<rect width=\"10\" height=\"10\" fill=\"#36c\"/></svg>\n";
}

// ---- model shorthands ---------------------------------------------------------------------------
inline Inline text(std::string s) { return Inline{Text{std::move(s)}}; }
inline Inline emph(Inlines c) { return Inline{Emph{std::move(c)}}; }
inline Inline strong(Inlines c) { return Inline{Strong{std::move(c)}}; }
inline Inline link(std::string url, Inlines c) { return Inline{Link{std::move(url), "", std::move(c)}}; }
inline Inline image(std::string src, std::string alt) { return Inline{Image{std::move(src), std::move(alt), "", "", ""}}; }
inline Inline note(Blocks content) { return Inline{Note{std::move(content)}}; }
inline Block para(Inlines c) { return Block{Paragraph{std::move(c)}}; }
inline Block para(std::string s) { return para(Inlines{text(std::move(s))}); }
inline Block heading(int level, std::string id, Inlines c) { return Block{Heading{level, std::move(id), std::move(c)}}; }
inline ListItem item(Blocks b) { return ListItem{std::move(b), Task::none}; }
using sheaf::build::figure;
inline TableCell cell(std::string s, bool header = false, int col_span = 1, int row_span = 1) {
  TableCell c;
  c.content = {para(std::move(s))};
  c.header = header;
  c.col_span = col_span;
  c.row_span = row_span;
  return c;
}

/// Every block and inline kind, CJK and Latin, notes (one nested, one inside a link), a table with
/// spans, nested lists, a definition list, local PNG/GIF/SVG images, remote images, and images that
/// must be refused. Files: /site/_config.yml, /site/posts/img/*.{png,gif,svg}, /site/assets/logo.png,
/// /site/posts/img/fake.png (not an image), /etc/passwd.
Document kitchen_sink();
void add_kitchen_sink_files(MemoryContext& context);

/// The shape of the reference post: front matter like a mirrored news article, a heading linking
/// to the source, a lead figure with caption and credit (remote image), a related-links list, ten
/// paragraphs of Chinese text, a second figure and a staff line.
Document seed_like();

/// Three posts that link to each other by source URL, by permalink-style path and by file name.
std::vector<Document> linked_posts();

}  // namespace sheaf::test::epub
