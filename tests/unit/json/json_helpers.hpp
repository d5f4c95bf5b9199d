#pragma once
// Shortcuts for the JSON tests: write to a string, read from a string, catch a sheaf::Error.
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "converters/json/json.hpp"
#include "core/error.hpp"

namespace sheaf::test {

inline std::string write_json(const Document& doc, bool pretty = true, MemoryContext* context = nullptr) {
  MemoryContext local;
  WriterOptions options;
  options.json.pretty = pretty;
  std::ostringstream out;
  json::write(doc, options, context ? *context : local, out);
  return out.str();
}

inline Document read_json(std::string_view text, const ReaderOptions& options = {},
                          MemoryContext* context = nullptr, std::string name = "in.json") {
  MemoryContext local;
  return json::read(Input{text, std::move(name), "base-dir"}, options, context ? *context : local);
}

/// The error reading `text` throws, or nullopt when it reads.
inline std::optional<Error> read_error(std::string_view text, const ReaderOptions& options = {}) {
  try {
    read_json(text, options);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

/// A minimal valid document around `blocks` (JSON text of the blocks array).
inline std::string with_blocks(std::string_view blocks) {
  return R"({"sheaf": {"version": [1, 0]}, "blocks": )" + std::string(blocks) + "}";
}

}  // namespace sheaf::test
