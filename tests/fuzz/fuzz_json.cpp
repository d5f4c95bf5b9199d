// libFuzzer target: the json reader (tests/fuzz/README.md).
#include "converters/json/json.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return sheaf::fuzz::run_one(sheaf::json::read, nullptr, data, size);
}
