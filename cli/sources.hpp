#pragma once
// What a run converts: one Source per document. A named input is one source; a JSON Lines input
// (`-f jsonl`, a .jsonl file, or sniffed on standard input) is one source per line.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/registry.hpp"

namespace sheaf::cli {

struct Source {
  std::string name;        ///< the input as given ("-" = standard input); messages name it
  std::uint32_t line = 0;  ///< JSON Lines: the 1-based line of this document in `name`; else 0
  /// Bytes read ahead (standard input, JSON Lines, inputs that must be sniffed), shared by the
  /// sources of one input; null: the file is read when this source is converted.
  std::shared_ptr<const std::string> bytes;
  std::string_view text;       ///< the part of *bytes that is this document
  std::optional<Error> error;  ///< reading ahead failed: converting this source reports it
};

/// The sources of the (folder-expanded) inputs, in order. `from` is -f or nullptr. Reading
/// errors are kept in the sources, so that a batch reports them per input and goes on.
std::vector<Source> plan_sources(const std::vector<std::string>& inputs, const ReaderSpec* from,
                                 std::size_t max_input_bytes);

}  // namespace sheaf::cli
