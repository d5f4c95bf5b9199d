#pragma once
// The third-party corpus (../shared/corpus) is present in CI but not in a user's clone. Tests that
// need it call SHEAF_REQUIRE_CORPUS() first, which skips with a message when it is absent.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sheaf::test {

/// The corpus root ($SHEAF_CORPUS or the configured ../shared/corpus), when it exists.
std::optional<std::filesystem::path> corpus_dir();

/// All regular files under `dir` with one of `extensions`, sorted by path.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir,
                                               const std::vector<std::string>& extensions);

}  // namespace sheaf::test

#define SHEAF_REQUIRE_CORPUS()                                                               \
  const std::filesystem::path corpus = [] {                                                  \
    auto dir = ::sheaf::test::corpus_dir();                                                  \
    return dir ? *dir : std::filesystem::path();                                             \
  }();                                                                                       \
  if (corpus.empty()) GTEST_SKIP() << "corpus not found (../shared/corpus or $SHEAF_CORPUS)"
