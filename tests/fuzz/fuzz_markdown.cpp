// libFuzzer target: the markdown reader (tests/fuzz/README.md).
#include "converters/markdown/markdown.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sheaf::fuzz::run_one(sheaf::markdown::read, nullptr, data, size);
}
