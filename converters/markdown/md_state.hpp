#pragma once
// What one call of the Markdown writer accumulates while it walks the document: footnotes and
// reference links to define at the end, and the diagnostics context. One per call, never shared.
#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::markdown {

struct MdReference {
  std::string url;
  std::string title;
};

class MdState {
 public:
  MdState(const MarkdownWriterOptions& writer_options, Context& ctx, std::string name)
      : options(writer_options), context(ctx), source_name(std::move(name)) {}

  /// Registers a footnote at its call site; returns its label (1, 2, ... in call order). The
  /// content is copied: the inline tree it came from is a temporary.
  std::size_t add_note(const Note& note) {
    notes.push_back(note.content);
    return notes.size();
  }
  /// The label of the reference definition for (url, title), defining it on first use.
  std::size_t reference_label(const std::string& url, const std::string& title) {
    auto [it, inserted] = reference_labels.try_emplace({url, title}, references.size() + 1);
    if (inserted) references.push_back({url, title});
    return it->second;
  }
  /// Reports a warning with a stable id (docs/errors.md).
  void warn(std::string id, std::string message) {
    context.report(Diagnostic{Severity::warning, std::move(id), std::move(message), source_name, {}});
  }

  const MarkdownWriterOptions& options;
  /// The output is a Jekyll post (it has front matter): Jekyll renders Liquid, then kramdown,
  /// whose math is `$$…$$` with the TeX as written.
  bool jekyll = false;
  Context& context;
  std::string source_name;
  std::deque<Blocks> notes;               ///< footnote n is notes[n - 1]; stable while growing
  std::vector<MdReference> references;    ///< reference label n is references[n - 1]

 private:
  std::map<std::pair<std::string, std::string>, std::size_t> reference_labels;
};

}  // namespace sheaf::markdown
