#include "tests/support/markdown_routes.hpp"

#include <optional>

#include "converters/jekyll/jekyll.hpp"
#include "converters/markdown/cmark_bridge.hpp"
#include "converters/markdown/cmark_model.hpp"
#include "converters/markdown/markdown.hpp"
#include "core/error.hpp"
#include "tests/support/describe.hpp"

namespace sheaf::test {
namespace {

std::string render_all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += render(d) + "\n";
  return out;
}

struct Outcome {
  Document document;
  std::string diagnostics;
  std::string error;  // what an Error said, when one was thrown
};

template <class Read>
Outcome run(Read read, ReaderOptions options, bool via_html) {
  options.markdown_via_html = via_html;
  MemoryContext context;
  Outcome out;
  try {
    out.document = read(options, context);
  } catch (const Error& e) {
    out.error = e.what();
  }
  out.diagnostics = render_all(context.diagnostics);
  return out;
}

template <class Read>
RouteComparison compare(Read read, const ReaderOptions& options) {
  RouteComparison result;
  const Outcome tree = run(read, options, false);
  const Outcome html = run(read, options, true);
  if (tree.error != html.error) {
    result.mismatch = "errors differ:\n  tree: " + tree.error + "\n  html: " + html.error;
  } else if (!(tree.document == html.document)) {
    result.mismatch = "documents differ:\n  tree: " + describe(tree.document.blocks) + "\n  html: " +
                      describe(html.document.blocks);
  } else if (tree.diagnostics != html.diagnostics) {
    result.mismatch = "diagnostics differ:\n  tree:\n" + tree.diagnostics + "  html:\n" + html.diagnostics;
  }
  result.document = tree.document;
  return result;
}

}  // namespace

RouteComparison compare_markdown_routes(std::string_view markdown, ReaderOptions options) {
  RouteComparison result = compare(
      [&](const ReaderOptions& o, Context& c) { return markdown::read(Input{markdown, "doc.md", {}}, o, c); }, options);
  // Which route applied: read_tree on the same text, as the reader calls it (no nesting guard
  // finding is expected in route tests' inputs).
  MemoryContext quiet;
  const markdown::TreeReading tree = [&](cmark_node* document, const markdown::TextRestore& restore) {
    return markdown::read_tree(document, options, quiet, "doc.md", {.restore = &restore});
  };
  try {
    result.direct = markdown::read_marked(markdown, options.raw_html == RawHtml::keep, &tree).blocks.has_value();
  } catch (const Error&) {
    result.direct = false;
  }
  return result;
}

RouteComparison compare_jekyll_routes(const Input& input, ReaderOptions options) {
  return compare([&](const ReaderOptions& o, Context& c) { return jekyll::read(input, o, c); }, options);
}

}  // namespace sheaf::test
