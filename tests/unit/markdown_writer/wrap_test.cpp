// --wrap auto: lines fit the column limit where a safe break exists; breaks never go between
// CJK characters, never start a line with a block marker, and rendering is unchanged.
#include "build.hpp"
#include "converters/shared/unicode.hpp"
#include "tests/support/lines.hpp"

namespace sheaf::test_md {
namespace {

MarkdownWriterOptions wrap_at(int columns) {
  MarkdownWriterOptions o;
  o.wrap = Wrap::auto_wrap;
  o.columns = columns;
  o.front_matter = false;
  return o;
}

TEST(MarkdownWriterWrap, LatinTextFitsTheColumns) {
  const Document d = doc({p("The quick brown fox jumps over the lazy dog and keeps running through the "
                            "field until the sun goes down behind the hills.")});
  const std::string md = write_md(d, wrap_at(30));
  EXPECT_EQ(md,
            "The quick brown fox jumps over\nthe lazy dog and keeps running\nthrough the field until the\n"
            "sun goes down behind the\nhills.\n");
  for (const std::string& line : test::split_lines(md)) EXPECT_LE(unicode::display_width(line), 30u) << line;
  EXPECT_TRUE(renders_as_written(d, wrap_at(30)));
}

TEST(MarkdownWriterWrap, NeverStartsALineWithABlockMarker) {
  const Document d = doc({p("aaaa # bbbb - cccc 1. dddd > eeee + ffff = gggg | hhhh 12) iiii * jjjj")});
  const std::string md = write_md(d, wrap_at(6));
  for (const std::string& line : test::split_lines(md)) {
    ASSERT_FALSE(line.empty());
    EXPECT_TRUE(std::isalpha(static_cast<unsigned char>(line[0]))) << line;
  }
  EXPECT_TRUE(renders_as_written(d, wrap_at(6)));
}

TEST(MarkdownWriterWrap, CjkIsNeverBrokenAndSpacesBetweenCjkStay) {
  const Document d = doc({p("中文段落没有空格所以不会被折行，即使它比列宽长得多。 两个 汉字 之间 的 空格 也 保留。")});
  EXPECT_EQ(write_md(d, wrap_at(10)),
            "中文段落没有空格所以不会被折行，即使它比列宽长得多。 两个 汉字 之间 的 空格 也 保留。\n");
  const Document mixed = doc({p("English words 和 中文 mixed together in one line of text")});
  const std::string md = write_md(mixed, wrap_at(16));
  EXPECT_EQ(md, "English words\n和 中文 mixed\ntogether in one\nline of text\n");  // 和 中文 cannot split
  EXPECT_TRUE(renders_as_written(mixed, wrap_at(16)));
}

TEST(MarkdownWriterWrap, ContainerPrefixesCount) {
  const Document d = doc({quote({bullets({item({p("one two three four five six seven eight")})})})});
  const std::string md = write_md(d, wrap_at(16));
  EXPECT_EQ(md, "> - one two\n>   three four\n>   five six\n>   seven eight\n");
  EXPECT_TRUE(renders_as_written(d, wrap_at(16)));
}

TEST(MarkdownWriterWrap, HeadingsTablesAndCodeAreNotWrapped) {
  const Document d = doc({h(2, "a heading that is much longer than the limit"),
                          code_block("code that is much longer than the limit\n"),
                          table({Alignment::none}, {row({cell({t("a cell that is much longer than the limit")}, true)})}, {})});
  const std::string md = write_md(d, wrap_at(10));
  EXPECT_EQ(md,
            "## a heading that is much longer than the limit\n\n```\ncode that is much longer than the limit\n```\n\n"
            "| a cell that is much longer than the limit |\n| --- |\n");
}

TEST(MarkdownWriterWrap, NoneAndPreserveWriteOneLinePerParagraph) {
  const Document d = doc({p("a b c d e f g h i j k l m n o p q r s t u v w x y z")});
  MarkdownWriterOptions none = wrap_at(5);
  none.wrap = Wrap::none;
  MarkdownWriterOptions preserve = wrap_at(5);
  preserve.wrap = Wrap::preserve;
  EXPECT_EQ(write_md(d, none), "a b c d e f g h i j k l m n o p q r s t u v w x y z\n");
  EXPECT_EQ(write_md(d, preserve), "a b c d e f g h i j k l m n o p q r s t u v w x y z\n");
}

TEST(MarkdownWriterWrap, HardBreaksStayAndLinesAfterThemWrapToo) {
  const Document d = doc({p({t("first line here"), br(), t("second line is longer than ten")})});
  EXPECT_EQ(write_md(d, wrap_at(10)), "first line\nhere\\\nsecond\nline is\nlonger\nthan ten\n");
  EXPECT_TRUE(renders_as_written(d, wrap_at(10)));
}

}  // namespace
}  // namespace sheaf::test_md
