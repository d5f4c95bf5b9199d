// libFuzzer target: the jekyll reader, then the epub writer (tests/fuzz/README.md).
#include "converters/epub/epub.hpp"
#include "converters/jekyll/jekyll.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sheaf::fuzz::run_one(sheaf::jekyll::read, sheaf::epub::write, data, size);
}
