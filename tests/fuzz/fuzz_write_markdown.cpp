// libFuzzer target: the jekyll reader, then the markdown writer (tests/fuzz/README.md).
#include "converters/jekyll/jekyll.hpp"
#include "converters/markdown/markdown.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sheaf::fuzz::run_one(sheaf::jekyll::read, sheaf::markdown::write, data, size);
}
