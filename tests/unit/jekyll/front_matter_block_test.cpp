// Locating front matter: Jekyll's `---` … `---`/`...` rule.
#include "converters/jekyll/front_matter_block.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace sheaf::jekyll {
namespace {

TEST(FrontMatterBlock, DashesOpenAndClose) {
  const auto b = find_front_matter("---\ntitle: x\n---\n# Body\n", "p.md");
  EXPECT_TRUE(b.present);
  EXPECT_EQ(b.yaml, "title: x\n");
  EXPECT_EQ(b.yaml_line, 2u);
  EXPECT_EQ(b.body, "# Body\n");
  EXPECT_EQ(b.body_line, 4u);
}

TEST(FrontMatterBlock, DotsCloseAndTrailingBlanksAreAllowed) {
  const auto b = find_front_matter("---  \ntitle: x\na: b\n... \t\nbody", "p.md");
  EXPECT_TRUE(b.present);
  EXPECT_EQ(b.yaml, "title: x\na: b\n");
  EXPECT_EQ(b.body, "body");
  EXPECT_EQ(b.body_line, 5u);
}

TEST(FrontMatterBlock, EmptyFrontMatter) {
  const auto b = find_front_matter("---\n---\nText\n", "p.md");
  EXPECT_TRUE(b.present);
  EXPECT_EQ(b.yaml, "");
  EXPECT_EQ(b.body, "Text\n");
}

TEST(FrontMatterBlock, ClosingLineAtEndOfFile) {
  const auto b = find_front_matter("---\na: 1\n---", "p.md");
  EXPECT_TRUE(b.present);
  EXPECT_EQ(b.yaml, "a: 1\n");
  EXPECT_EQ(b.body, "");
}

TEST(FrontMatterBlock, DashesInsideValuesDoNotClose) {
  const auto b = find_front_matter("---\ntitle: a --- b\nx: ----\n---\nbody\n", "p.md");
  EXPECT_EQ(b.yaml, "title: a --- b\nx: ----\n");
  EXPECT_EQ(b.body, "body\n");
}

TEST(FrontMatterBlock, AbsentWhenTheFirstLineIsNotDashes) {
  for (const char* text : {"# Title\n---\n", "----\na: 1\n---\n", " ---\na: 1\n---\n", "---", "",
                           "--- x\n---\n"}) {
    const auto b = find_front_matter(text, "p.md");
    EXPECT_FALSE(b.present) << text;
    EXPECT_EQ(b.body, text);
    EXPECT_EQ(b.body_line, 1u);
  }
}

TEST(FrontMatterBlock, NeverClosedIsAnErrorAtLineOne) {
  for (const char* text : {"---\ntitle: x\n\nBody text\n", "---\n", "---\n----\n"}) {
    try {
      find_front_matter(text, "post.md");
      ADD_FAILURE() << "no error for " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::parse);
      EXPECT_STREQ(e.what(), "front matter opened at line 1 is never closed");
      EXPECT_EQ(e.source_name(), "post.md");
      EXPECT_EQ(e.pos(), (SourcePos{1, 1}));
    }
  }
}

}  // namespace
}  // namespace sheaf::jekyll
