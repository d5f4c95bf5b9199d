#include "core/sniff.hpp"

#include <gtest/gtest.h>

namespace sheaf {
namespace {

TEST(Sniff, GuessesTheReaderFromTheFirstNonBlankBytes) {
  EXPECT_EQ(sniff_format("---\ntitle: x\n---\nbody"), "jekyll");
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF\n  <p>x</p>"), "html");
  EXPECT_EQ(sniff_format(" {\"sheaf\": {}}"), "json");
  EXPECT_EQ(sniff_format("--- not front matter"), "markdown");
  EXPECT_EQ(sniff_format("# Title"), "markdown");
  EXPECT_EQ(sniff_format(""), "markdown");
}

}  // namespace
}  // namespace sheaf
