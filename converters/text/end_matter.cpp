#include "converters/text/end_matter.hpp"

#include <string>

#include "converters/text/blocks.hpp"
#include "converters/shared/unicode.hpp"
#include "converters/text/flow.hpp"

namespace sheaf::text {
namespace {

void render_notes(RenderState& state) {
  // Notes met while printing notes are appended to the queue and printed in turn.
  for (std::size_t i = 0; i < state.notes.size(); ++i) {
    const std::string first = marker(i + 1, true) + " ";
    state.sink.push(first, std::string(first.size(), ' '));
    const std::size_t before = state.sink.lines();
    render_blocks(state.notes.at(i).content, state, false);
    if (state.sink.lines() == before) state.sink.line("");
    state.sink.pop();
    state.sink.separate(true);
  }
}

void render_links(RenderState& state) {
  const auto& urls = state.links.urls();
  const std::size_t widest = std::to_string(urls.size()).size() + 2;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    std::string label = marker(i + 1);
    FlowBuilder clean(true);
    clean.literal(urls[i]);  // controls dropped; a URL is printed whole, never wrapped
    const std::string url = clean.finish().text;
    const std::size_t width = state.width();
    // A URL too long to follow its marker within the width goes on a line of its own, so only
    // the URL itself can ever overflow.
    if (width > 0 && widest + 1 + unicode::display_width(url) > width) {
      state.sink.line(label);
      state.sink.line(url);
      continue;
    }
    label.append(widest + 1 - label.size(), ' ');
    state.sink.line(label + url);
  }
  state.sink.separate(true);
}

}  // namespace

void render_end_matter(RenderState& state) {
  render_notes(state);
  render_links(state);
}

}  // namespace sheaf::text
