// libFuzzer target: the html reader (tests/fuzz/README.md).
#include "converters/html/html.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sheaf::fuzz::run_one(sheaf::html::read, nullptr, data, size);
}
