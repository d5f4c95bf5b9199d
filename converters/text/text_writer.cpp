// The plain-text writer's entry point: title block, body, then notes and link targets
// (docs/formats/text.md). Everything is rendered into one string and written once.
#include <span>
#include <string>

#include "converters/text/blocks.hpp"
#include "converters/text/end_matter.hpp"
#include "converters/text/render_state.hpp"
#include "converters/text/text.hpp"
#include "converters/text/title_block.hpp"
#include "converters/shared/url_resolve.hpp"

namespace sheaf::text {

void write(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  RenderState state(options.text, context, doc.source_name, shared::url_base(doc));
  std::span<const Block> body(doc.blocks);
  if (options.text.header && render_title_block(doc, state)) {
    state.sink.separate(true);
    if (!body.empty() && repeats_title(doc, body.front())) body = body.subspan(1);
  }
  render_blocks(body, state, false);
  state.sink.separate(true);
  render_end_matter(state);
  const std::string text = state.sink.take();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace sheaf::text
