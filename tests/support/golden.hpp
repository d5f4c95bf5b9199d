#pragma once
// Golden files: compare `actual` with a file under tests/golden/, or rewrite it when the
// environment has SHEAF_ACCEPT=1 (then review the change with `git diff`).
//   EXPECT_TRUE(sheaf::test::matches_golden("json/seed-like.json", output));
#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sheaf::test {

/// Absolute path of `relative` under the project's source tree.
std::filesystem::path source_path(std::string_view relative);

/// Reads a file of the source tree (samples, goldens); fails the test when absent.
std::string read_source_file(std::string_view relative);

/// Compares against tests/golden/<relative>; accept mode writes it instead. On a mismatch the
/// message shows the first differing line.
::testing::AssertionResult matches_golden(std::string_view relative, std::string_view actual);

}  // namespace sheaf::test
