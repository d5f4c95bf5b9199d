// The writer's output reads back into the same Document, and writing that again gives the same
// bytes; the kitchen sink's JSON is a reviewed golden file.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/golden.hpp"
#include "tests/unit/json/json_helpers.hpp"
#include "tests/unit/json/kitchen_sink.hpp"

namespace sheaf {
namespace {

using test::kitchen_sink;
using test::read_json;
using test::write_json;

TEST(JsonRoundTrip, KitchenSinkMatchesGolden) {
  EXPECT_TRUE(test::matches_golden("json/kitchen_sink.json", write_json(kitchen_sink())));
}

TEST(JsonRoundTrip, ReadOfWriteIsTheSameDocument) {
  const Document doc = kitchen_sink();
  for (bool pretty : {true, false}) {
    MemoryContext context;
    const Document back = read_json(write_json(doc, pretty), {}, &context);
    EXPECT_TRUE(back == doc) << (pretty ? "pretty" : "compact");
    EXPECT_TRUE(context.diagnostics.empty());
  }
}

TEST(JsonRoundTrip, JsonToJsonIsByteIdentical) {
  for (bool pretty : {true, false}) {
    const std::string first = write_json(kitchen_sink(), pretty);
    const std::string second = write_json(read_json(first), pretty);
    EXPECT_EQ(first, second);
  }
}

TEST(JsonRoundTrip, GoldenFileReadsBackByteIdentical) {
  const std::string golden = test::read_source_file("tests/golden/json/kitchen_sink.json");
  ASSERT_FALSE(golden.empty());
  EXPECT_EQ(write_json(read_json(golden)), golden);
}

TEST(JsonRoundTrip, SameDocumentSameBytes) {
  EXPECT_EQ(write_json(kitchen_sink()), write_json(kitchen_sink()));
  EXPECT_EQ(write_json(kitchen_sink(), false), write_json(kitchen_sink(), false));
}

TEST(JsonRoundTrip, FloatsStayFloatsAndIntegersStayIntegers) {
  Document doc;
  doc.meta = {{"two_float", MetaValue{2.0}}, {"two_int", MetaValue{std::int64_t{2}}},
              {"neg_zero", MetaValue{-0.0}}, {"big", MetaValue{1e300}}, {"small", MetaValue{5e-324}}};
  const std::string text = write_json(doc, false);
  EXPECT_NE(text.find(R"("two_float":2.0,"two_int":2,"neg_zero":-0.0,"big":1e+300,"small":5e-324)"),
            std::string::npos)
      << text;
  const Document back = read_json(text);
  ASSERT_EQ(back.meta.size(), 5u);
  EXPECT_TRUE(std::holds_alternative<double>(back.meta[0].value.value));
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(back.meta[1].value.value));
  EXPECT_TRUE(std::signbit(std::get<double>(back.meta[2].value.value)));
  EXPECT_TRUE(back == doc);
  EXPECT_EQ(write_json(back, false), text);
}

TEST(JsonRoundTrip, EmptyDocumentAndEmptyContainers) {
  Document empty;
  EXPECT_TRUE(read_json(write_json(empty)) == empty);
  // Model invariants forbid some of these, but the format still carries them exactly.
  Document odd;
  odd.blocks = {Block{Paragraph{}}, Block{Heading{3, "", {}}}, Block{BulletList{{}, false}},
                Block{Paragraph{{Inline{Text{""}}, Inline{Link{"", "", {}}}, Inline{Image{}}}}},
                Block{Table{}}, Block{Figure{}}, Block{CodeBlock{}}, Block{RawBlock{}}};
  const std::string text = write_json(odd);
  EXPECT_TRUE(read_json(text) == odd);
  EXPECT_EQ(write_json(read_json(text)), text);
}

TEST(JsonRoundTrip, SourceComesFromTheJsonNotFromTheInputName) {
  Document doc;
  doc.source_name = "posts/original.md";
  doc.base = "posts";
  const Document back = read_json(write_json(doc), {}, nullptr, "copy.json");
  EXPECT_EQ(back.source_name, "posts/original.md");
  EXPECT_EQ(back.base, "posts");
}

}  // namespace
}  // namespace sheaf
