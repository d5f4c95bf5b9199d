#include "converters/markdown/cmark_bridge.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdint>
#include <memory>
#include <mutex>

#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const noexcept { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const noexcept { cmark_node_free(n); }
};
/// cmark_render_html allocates with the node's allocator; the parser uses the default one.
struct BufferDeleter {
  void operator()(char* s) const noexcept { cmark_get_default_mem_allocator()->free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using BufferPtr = std::unique_ptr<char, BufferDeleter>;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};
constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
constexpr std::size_t kMaxBytes = std::size_t{1} << 30;

/// cmark-gfm 0.29 keeps two pieces of process-wide state: the extension registry (filled once by
/// cmark_gfm_core_extensions_ensure_registered, which is not thread-safe) and the inline parser's
/// table of special characters, which every parse with extensions adds to and then removes from
/// (cmark_manage_extensions_special_characters). Two concurrent parses would corrupt each other
/// (a `~` or `|` silently ignored), so parsing is serialised; rendering and the HTML reader that
/// follows run in parallel. This lock is synchronisation only, never converter state.
std::mutex& cmark_global_state_lock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

std::string render_gfm_html(std::string_view markdown) {
  if (markdown.size() > kMaxBytes)
    throw Error(ErrorCode::limit, "Markdown text larger than 1 GiB cannot be parsed by cmark-gfm");

  NodePtr document;
  ParserPtr parser;
  {
    const std::lock_guard<std::mutex> guard(cmark_global_state_lock());
    cmark_gfm_core_extensions_ensure_registered();
    parser.reset(cmark_parser_new(kOptions));
    if (!parser) throw Error(ErrorCode::internal, "cmark-gfm could not create a parser");
    for (const char* name : kExtensions) {
      cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
      if (!extension || !cmark_parser_attach_syntax_extension(parser.get(), extension))
        throw Error(ErrorCode::internal,
                    std::string("cmark-gfm extension '") + name + "' is not available");
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    document.reset(cmark_parser_finish(parser.get()));
  }
  if (!document) throw Error(ErrorCode::internal, "cmark-gfm failed to parse the Markdown text");

  // The extension list tells the renderer how to write tables, strikethrough and task items.
  BufferPtr html(cmark_render_html(document.get(), kOptions,
                                   cmark_parser_get_syntax_extensions(parser.get())));
  if (!html) throw Error(ErrorCode::internal, "cmark-gfm failed to render HTML");
  return std::string(html.get());
}

}  // namespace sheaf::markdown
