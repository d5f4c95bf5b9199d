// --incremental's manifest (cli/manifest.hpp): content hashes, and when an output counts as up to
// date.
#include "cli/manifest.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using sheaf::cli::ContentHash;
using sheaf::cli::content_hash;
using sheaf::cli::Manifest;

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sheaf-manifest-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  fs::path dir_;
};

TEST(ContentHash, KnownValuesAndSensitivity) {
  // SHA-256 test vectors (FIPS 180-4).
  EXPECT_EQ(content_hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(content_hash("a"), "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
  EXPECT_NE(content_hash("post one\n"), content_hash("post one \n"));
  // Parts are length-prefixed: ("ab", "c") and ("a", "bc") differ.
  EXPECT_NE(ContentHash().add_part("ab").add_part("c").hex(), ContentHash().add_part("a").add_part("bc").hex());
}

TEST_F(ManifestTest, AnOutputIsUpToDateOnlyWithTheSameHashesAndAnUntouchedFile) {
  write("a.txt", "One.\n");
  Manifest m = Manifest::load(dir_);
  EXPECT_FALSE(m.up_to_date("a.txt", "in", "opt"));
  m.record("a.txt", "in", "opt");
  m.save();
  const Manifest again = Manifest::load(dir_);
  EXPECT_TRUE(again.up_to_date("a.txt", "in", "opt"));
  EXPECT_FALSE(again.up_to_date("a.txt", "in2", "opt"));
  EXPECT_FALSE(again.up_to_date("a.txt", "in", "opt2"));
  write("a.txt", "Edited, and longer.\n");
  EXPECT_FALSE(again.up_to_date("a.txt", "in", "opt"));
  fs::remove(dir_ / "a.txt");
  EXPECT_FALSE(again.up_to_date("a.txt", "in", "opt"));
}

TEST_F(ManifestTest, RecordsInputsAndTheirGroups) {
  Manifest m = Manifest::load(dir_);
  m.record_input("/site/a.md", {"h", "o", {{"tag-rust", "Rust"}}});
  m.save();
  const Manifest again = Manifest::load(dir_);
  ASSERT_NE(again.find_input("/site/a.md"), nullptr);
  EXPECT_EQ(again.find_input("/site/a.md")->groups.front().second, "Rust");
  EXPECT_EQ(again.find_input("/site/b.md"), nullptr);
}

TEST_F(ManifestTest, ABrokenManifestIsEmptyAndNothingChangedIsNotRewritten) {
  write(Manifest::kFileName, "{not json");
  write("a.txt", "x");
  Manifest broken = Manifest::load(dir_);
  EXPECT_FALSE(broken.up_to_date("a.txt", "in", "opt"));
  broken.save();  // rewritten: it was not one sheaf can read
  std::ifstream in(dir_ / Manifest::kFileName);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "{");
  const auto stamp = fs::last_write_time(dir_ / Manifest::kFileName);
  Manifest clean = Manifest::load(dir_);
  fs::last_write_time(dir_ / Manifest::kFileName, stamp - std::chrono::hours(1));
  clean.save();  // nothing changed: not written
  EXPECT_EQ(fs::last_write_time(dir_ / Manifest::kFileName), stamp - std::chrono::hours(1));
}

}  // namespace
