#pragma once
// Everything one render of a document shares: options, the line breaker, the sink, and what is
// printed after the body (notes, link targets). Built per call of text::write, never shared.
#include <algorithm>
#include <cstddef>
#include <string>

#include "converters/text/line_breaker.hpp"
#include "converters/text/line_sink.hpp"
#include "converters/text/references.hpp"
#include "core/context.hpp"
#include "core/options.hpp"

namespace sheaf::text {

/// Text keeps at least this many columns (or half the columns, if less) however deep the
/// nesting; past that depth lines overflow instead of shrinking to nothing.
inline constexpr std::size_t kMinTextColumns = 20;

struct RenderState {
  RenderState(const TextWriterOptions& o, Context& c, std::string source, std::string base)
      : options(o), context(c), source_name(std::move(source)), url_base(std::move(base)) {}

  const TextWriterOptions& options;
  Context& context;
  std::string source_name;
  std::string url_base;  ///< relative link targets resolve against it (converters/shared/url_resolve.hpp); may be empty
  LineBreaker breaker;
  LineSink sink;
  LinkTable links;
  NoteQueue notes;

  /// Columns for text after the prefixes in force; 0 means "do not wrap".
  [[nodiscard]] std::size_t width() const noexcept {
    if (options.wrap != Wrap::auto_wrap || options.columns <= 0) return 0;
    const auto columns = static_cast<std::size_t>(options.columns);
    const std::size_t floor = std::min(kMinTextColumns, std::max<std::size_t>(columns / 2, 1));
    const std::size_t indent = sink.indent();
    return indent + floor > columns ? floor : columns - indent;
  }
};

}  // namespace sheaf::text
