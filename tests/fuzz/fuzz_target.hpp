#pragma once
// The body shared by every libFuzzer target: read the bytes with one reader, optionally write the
// document with one writer, in a hermetic MemoryContext (no file or network access). A sheaf::Error
// is an expected answer to hostile input; any other exception, a crash, a leak or a sanitizer
// report is a bug (libFuzzer stops and saves the input).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string_view>

#include "core/registry.hpp"
#include "core/error.hpp"

namespace sheaf::fuzz {

/// Runs `read` on the input and, when `write` is given, `write` on the result. The converters are
/// called directly (not through builtin_registry) so each target links only its own libraries.
inline int run_one(ReadFn read, WriteFn write, const std::uint8_t* data, std::size_t size) {
  Input input{std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.md", "/nonexistent"};
  ReaderOptions reader_options;
  MemoryContext context;
  try {
    Document doc = read(input, reader_options, context);
    if (write) {
      WriterOptions writer_options;
      std::ostringstream out;
      write(doc, writer_options, context, out);
    }
  } catch (const Error&) {
    // Expected: a clear error for input sheaf refuses.
  } catch (const std::exception&) {
    // Anything else is a bug: let libFuzzer record the input.
    std::abort();
  }
  return 0;
}

}  // namespace sheaf::fuzz
