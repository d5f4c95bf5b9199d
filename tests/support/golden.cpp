#include "tests/support/golden.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sheaf::test {

std::filesystem::path source_path(std::string_view relative) {
  return std::filesystem::path(SHEAF_SOURCE_DIR) / std::string(relative);
}

std::string read_source_file(std::string_view relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << source_path(relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

::testing::AssertionResult matches_golden(std::string_view relative, std::string_view actual) {
  const auto path = source_path("tests/golden") / std::string(relative);
  const char* accept = std::getenv("SHEAF_ACCEPT");
  if (accept && std::string_view(accept) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << actual;
    return ::testing::AssertionSuccess() << "accepted " << path;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return ::testing::AssertionFailure() << "no golden file " << path << " (run with SHEAF_ACCEPT=1)";
  std::ostringstream s;
  s << in.rdbuf();
  const std::string expected = s.str();
  if (expected == actual) return ::testing::AssertionSuccess();
  std::istringstream e(expected), a{std::string(actual)};
  std::string le, la;
  int line = 0;
  while (true) {
    ++line;
    bool ge = static_cast<bool>(std::getline(e, le));
    bool ga = static_cast<bool>(std::getline(a, la));
    if (!ge && !ga) break;
    if (le != la || ge != ga)
      return ::testing::AssertionFailure() << path << ":" << line << ": golden differs\n  expected: "
                                           << (ge ? le : "<end>") << "\n  actual:   " << (ga ? la : "<end>")
                                           << "\n(SHEAF_ACCEPT=1 rewrites it; review with git diff)";
  }
  return ::testing::AssertionFailure() << path << ": differs only in line endings";
}

}  // namespace sheaf::test
