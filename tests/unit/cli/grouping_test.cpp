// --group-by (cli/grouping.hpp): which books a post goes into, and safe group file names.
#include "cli/grouping.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using sheaf::MetaList;
using sheaf::MetaMap;
using sheaf::MetaValue;
using sheaf::cli::GroupBy;
using sheaf::cli::group_names;
using sheaf::cli::slugify;

std::vector<std::string> stems(const MetaMap& meta, GroupBy by) {
  std::vector<std::string> out;
  for (const auto& g : group_names(meta, by)) out.push_back(g.stem);
  return out;
}

MetaMap with(std::string key, MetaValue value) { return MetaMap{{std::move(key), std::move(value)}}; }

TEST(GroupNames, MonthAndYearComeFromTheDateAsWritten) {
  // 23:30 at -0800 is already the next year in UTC; the author's date is what counts.
  const MetaMap late = with("date", MetaValue{std::string("2023-12-31 23:30:00 -0800")});
  EXPECT_EQ(stems(late, GroupBy::month), std::vector<std::string>{"2023-12"});
  EXPECT_EQ(stems(late, GroupBy::year), std::vector<std::string>{"2023"});
  EXPECT_EQ(stems(with("date", MetaValue{std::string("2024/06/25")}), GroupBy::month), std::vector<std::string>{"2024-06"});
}

TEST(GroupNames, PostsWithoutTheKeyGoIntoTheirOwnGroup) {
  EXPECT_EQ(stems({}, GroupBy::month), std::vector<std::string>{"undated"});
  EXPECT_EQ(stems(with("date", MetaValue{std::string("yesterday")}), GroupBy::year), std::vector<std::string>{"undated"});
  EXPECT_EQ(stems(with("date", MetaValue{std::string("2024-13-01")}), GroupBy::month), std::vector<std::string>{"undated"});
  EXPECT_EQ(stems({}, GroupBy::tag), std::vector<std::string>{"untagged"});
  EXPECT_EQ(stems({}, GroupBy::category), std::vector<std::string>{"uncategorized"});
  EXPECT_EQ(stems({}, GroupBy::author), std::vector<std::string>{"anonymous"});
  EXPECT_EQ(stems(with("tags", MetaValue{MetaList{}}), GroupBy::tag), std::vector<std::string>{"untagged"});
}

TEST(GroupNames, EveryTagIsABookOnceAndSpellingsThatSlugAlikeMerge) {
  MetaMap meta = with("tags", MetaValue{MetaList{MetaValue{std::string("Rust")}, MetaValue{std::string("c++")},
                                                 MetaValue{std::string("rust")}}});
  meta.push_back({"tag", MetaValue{std::string("Go")}});
  const auto groups = group_names(meta, GroupBy::tag);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].stem, "tag-rust");
  EXPECT_EQ(groups[0].label, "Rust");
  EXPECT_EQ(groups[1].stem, "tag-c-plus-plus");
  EXPECT_EQ(groups[2].stem, "tag-go");
}

TEST(GroupNames, SpaceSeparatedTagsAreWordsButAnAuthorIsOneName) {
  EXPECT_EQ(stems(with("tags", MetaValue{std::string("a b")}), GroupBy::tag), (std::vector<std::string>{"tag-a", "tag-b"}));
  EXPECT_EQ(stems(with("author", MetaValue{std::string("Jane Q. Doe")}), GroupBy::author),
            std::vector<std::string>{"author-jane-q-doe"});
  const MetaValue mapped{MetaMap{{"name", MetaValue{std::string("Li Lei")}}}};
  EXPECT_EQ(stems(with("authors", MetaValue{MetaList{mapped}}), GroupBy::author), std::vector<std::string>{"author-li-lei"});
}

TEST(Slugify, GivesSafeFileNames) {
  EXPECT_EQ(slugify("Town Hall"), "town-hall");
  EXPECT_EQ(slugify("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slugify("C#"), "c-sharp");
  EXPECT_EQ(slugify("新闻 联播"), "新闻-联播");
  EXPECT_EQ(slugify("//").substr(0, 2), "x-");  // nothing left: named by its hash
  EXPECT_NE(slugify("//"), slugify("--"));
}

TEST(Slugify, CutsLongNamesAtACharacterBoundaryAndKeepsThemDistinct) {
  const std::string a = std::string(100, 'a') + std::string(40, 'b');
  const std::string b = std::string(100, 'a') + std::string(40, 'c') + "x";
  std::string chinese;
  for (int i = 0; i < 60; ++i) chinese += "新";  // 3 bytes each
  EXPECT_LE(slugify(a).size(), 129u);
  EXPECT_NE(slugify(a.substr(0, 130)), slugify(b.substr(0, 130)));
  const std::string cut = slugify(chinese);
  EXPECT_LE(cut.size(), 129u);
  EXPECT_EQ(cut.substr(0, 120), chinese.substr(0, 120));  // 40 whole characters
  EXPECT_EQ(cut[120], '-');
}

}  // namespace
