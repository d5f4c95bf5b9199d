#include "core/meta.hpp"

#include <gtest/gtest.h>

namespace sheaf {
namespace {

TEST(Meta, SetReplacesInPlaceAndAppendsNewKeys) {
  MetaMap meta;
  meta_set(meta, "title", MetaValue{std::string("a")});
  meta_set(meta, "date", MetaValue{std::string("2024-01-01")});
  meta_set(meta, "title", MetaValue{std::string("b")});
  ASSERT_EQ(meta.size(), 2u);
  EXPECT_EQ(meta[0].key, "title");
  EXPECT_EQ(meta_string(meta, "title"), "b");
  EXPECT_EQ(meta_find(meta, "missing"), nullptr);
}

TEST(Meta, TextOfScalarsOnly) {
  EXPECT_EQ(meta_text(MetaValue{true}), "true");
  EXPECT_EQ(meta_text(MetaValue{std::int64_t{42}}), "42");
  EXPECT_EQ(meta_text(MetaValue{2.5}), "2.5");
  EXPECT_EQ(meta_text(MetaValue{MetaNull{}}), std::nullopt);
  EXPECT_EQ(meta_text(MetaValue{MetaList{}}), std::nullopt);
}

TEST(Meta, StringListFromListOrSpaceSeparatedString) {
  MetaMap meta;
  meta_set(meta, "tags", MetaValue{std::string("welcome  meta")});
  meta_set(meta, "categories", MetaValue{MetaList{MetaValue{std::string("a")}, MetaValue{std::int64_t{2}}}});
  EXPECT_EQ(meta_string_list(meta, "tags"), (std::vector<std::string>{"welcome", "meta"}));
  EXPECT_EQ(meta_string_list(meta, "categories"), (std::vector<std::string>{"a", "2"}));
  EXPECT_TRUE(meta_string_list(meta, "none").empty());
}

}  // namespace
}  // namespace sheaf
