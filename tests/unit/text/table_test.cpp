// Table layout: aligned columns by display width, wrapped columns, the record fallback, spans.
#include <gtest/gtest.h>

#include "converters/shared/unicode.hpp"
#include "tests/unit/text/build.hpp"

namespace sheaf::test_text {
namespace {

TEST(TextTable, AlignedColumnsCountDisplayWidth) {
  EXPECT_EQ(render({table({"名字", "Age", "City"}, {{"张三", "30", "北京"}, {"Bob", "4", "Zürich"}},
                          {Alignment::left, Alignment::right, Alignment::center})}),
            "名字  Age   City\n----  ---  ------\n张三   30   北京\nBob     4  Zürich\n");
}

TEST(TextTable, CombiningMarksTakeNoColumn) {
  // "é" written as e + U+0301 is one column wide.
  EXPECT_EQ(render({table({}, {{"e\u0301", "x"}, {"ab", "y"}})}), "e\u0301   x\nab  y\n");
}

TEST(TextTable, CaptionComesFirst) {
  Block b = table({"A"}, {{"1"}});
  std::get<Table>(b.node).caption = {t("Table 1: numbers")};
  EXPECT_EQ(render({b}), "Table 1: numbers\nA\n-\n1\n");
}

TEST(TextTable, TooWideCellsWrapInsideTheirColumns) {
  const std::string out = render({table({"Name", "Description"},
                                        {{"one", "a fairly long description that cannot fit"},
                                         {"two", "short"}})},
                                 columns(30));
  EXPECT_EQ(out,
            "Name  Description\n----  ------------------------\n"
            "one   a fairly long\n      description that cannot\n      fit\n\ntwo   short\n");
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t nl = out.find('\n', start);
    EXPECT_LE(unicode::display_width(std::string_view(out).substr(start, nl - start)), 30u);
    start = nl + 1;
  }
}

TEST(TextTable, FallsBackToRecordsWhenColumnsCannotFit) {
  const std::string out = render({table({"Key", "Value", "Note"},
                                        {{"alpha", "abcdefghijklmnopqrstu", "xyzxyzxyzxyz"},
                                         {"beta", "", "n"}})},
                                 columns(30));
  EXPECT_EQ(out,
            "- Key: alpha\n  Value: abcdefghijklmnopqrstu\n  Note: xyzxyzxyzxyz\n\n"
            "- Key: beta\n  Note: n\n");
}

TEST(TextTable, RecordsWithoutHeaderListValues) {
  const std::string out = render({table({}, {{"abcdefghijklmnop", "qrstuvwxyzabcdefgh"}})}, columns(30));
  EXPECT_EQ(out, "- abcdefghijklmnop\n  qrstuvwxyzabcdefgh\n");
}

TEST(TextTable, SpansCoverTheirColumns) {
  Table tb;
  tb.columns = {Alignment::none, Alignment::none, Alignment::none};
  TableRow head;
  TableCell wide = cell("Wide header spanning two", true);
  wide.col_span = 2;
  head.cells = {wide, cell("C", true)};
  tb.head.push_back(head);
  TableCell tall = cell("tall");
  tall.row_span = 2;
  TableRow r1;
  r1.cells = {tall, cell("b1"), cell("c1")};
  TableRow r2;
  r2.cells = {cell("b2"), cell("c2")};
  tb.body = {r1, r2};
  EXPECT_EQ(render({Block{tb}}),
            "Wide header spanning two  C\n----  ------------------  --\n"
            "tall  b1                  c1\n      b2                  c2\n");
}

TEST(TextTable, HostileSpansAreClamped) {
  Table tb;
  tb.columns = {Alignment::none, Alignment::none};
  TableCell c = cell("x");
  c.col_span = 1 << 30;
  c.row_span = -5;
  TableRow r;
  r.cells = {c, cell("y")};
  tb.body = {r};
  EXPECT_EQ(render({Block{tb}}), "x  y\n");
}

}  // namespace
}  // namespace sheaf::test_text
