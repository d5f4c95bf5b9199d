// The JSON writer: layout, escaping, default omission, diagnostics.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "tests/unit/json/json_helpers.hpp"
#include "tests/unit/json/kitchen_sink.hpp"

namespace sheaf {
namespace {

using test::write_json;

Document one_block(Block b) {
  Document doc;
  doc.source_name = "a.md";
  doc.blocks.push_back(std::move(b));
  return doc;
}

TEST(JsonWriter, PrettyLayoutPutsScalarOnlyNodesOnOneLine) {
  Document doc = one_block(Block{Paragraph{{Inline{Text{"Hello "}}, Inline{Emph{{Inline{Text{"world"}}}}}}}});
  doc.meta = {{"title", MetaValue{std::string("Hi")}},
              {"tags", MetaValue{MetaList{MetaValue{std::string("a")}, MetaValue{std::string("b")}}}}};
  EXPECT_EQ(write_json(doc), R"({
  "sheaf": {
    "version": [1, 1]
  },
  "source": {"name": "a.md", "base": ""},
  "meta": {
    "title": "Hi",
    "tags": ["a", "b"]
  },
  "blocks": [
    {
      "type": "paragraph",
      "content": [
        {"type": "text", "text": "Hello "},
        {
          "type": "emph",
          "content": [
            {"type": "text", "text": "world"}
          ]
        }
      ]
    }
  ]
}
)");
}

TEST(JsonWriter, CompactIsOneLineEndingInNewline) {
  const std::string text = write_json(test::kitchen_sink(), false);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  Document doc = one_block(Block{ThematicBreak{}});
  EXPECT_EQ(write_json(doc, false),
            R"({"sheaf":{"version":[1,1]},"source":{"name":"a.md","base":""},"meta":{},)"
            R"("blocks":[{"type":"thematic_break"}]})"
            "\n");
}

TEST(JsonWriter, OutputIsValidJsonWithTheSameStructure) {
  const std::string text = write_json(test::kitchen_sink());
  const auto parsed = nlohmann::ordered_json::parse(text);  // throws on invalid JSON
  EXPECT_EQ(parsed["sheaf"]["version"], nlohmann::ordered_json::array({json::kFormatVersionMajor, json::kFormatVersionMinor}));
  EXPECT_EQ(parsed["source"]["name"], "posts/2024-06-25-kitchen-sink.md");
  EXPECT_EQ(parsed["meta"].begin().key(), "title");  // source order kept
  EXPECT_EQ(parsed["meta"]["ratio"].type(), nlohmann::ordered_json::value_t::number_float);
  EXPECT_EQ(parsed["meta"]["views"].type(), nlohmann::ordered_json::value_t::number_unsigned);
  EXPECT_EQ(parsed["meta"]["int_min"].get<std::int64_t>(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(parsed["blocks"][0]["type"], "heading");
  EXPECT_EQ(parsed["blocks"][0]["level"], 1);
  EXPECT_EQ(parsed["blocks"][0]["id"], "kitchen-sink");
  // Compact output is the same value.
  EXPECT_EQ(nlohmann::ordered_json::parse(write_json(test::kitchen_sink(), false)), parsed);
}

TEST(JsonWriter, NonAsciiIsWrittenAsItself) {
  const std::string text = write_json(one_block(Block{Paragraph{{Inline{Text{"中文，全角　空格 😀 é"}}}}}));
  EXPECT_NE(text.find(R"("text": "中文，全角　空格 😀 é")"), std::string::npos) << text;
  EXPECT_EQ(text.find("\\u"), std::string::npos);
}

TEST(JsonWriter, EscapesOnlyQuotesBackslashesAndControls) {
  const std::string s = std::string("q\" b\\ /\b\f\n\r\t\x01\x1f\x7f end") + std::string(1, '\0');
  const std::string text = write_json(one_block(Block{CodeBlock{"", s}}), false);
  EXPECT_NE(text.find(R"("text":"q\" b\\ /\b\f\n\r\t\u0001\u001f)" "\x7f" R"( end\u0000")"),
            std::string::npos)
      << text;
  EXPECT_TRUE(test::read_json(text) == one_block(Block{CodeBlock{"", s}}));
}

TEST(JsonWriter, InvalidUtf8IsReplacedWithAWarning) {
  MemoryContext context;
  const std::string text =
      write_json(one_block(Block{Paragraph{{Inline{Text{"bad \xC3\x28 and \xFF end \uFFFD"}}}}}), false, &context);
  EXPECT_NE(text.find("\"bad \uFFFD( and \uFFFD end \uFFFD\""), std::string::npos) << text;
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "json.invalid_utf8");
  EXPECT_EQ(context.diagnostics[0].source_name, "a.md");
  EXPECT_NE(context.diagnostics[0].message.find("2 invalid"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::accept(text));
}

TEST(JsonWriter, NonFiniteNumbersBecomeNullWithAWarning) {
  Document doc;
  doc.meta = {{"list", MetaValue{MetaList{MetaValue{1.5}, MetaValue{std::numeric_limits<double>::infinity()}}}},
              {"nan", MetaValue{std::nan("")}}};
  MemoryContext context;
  const std::string text = write_json(doc, false, &context);
  EXPECT_NE(text.find(R"("meta":{"list":[1.5,null],"nan":null})"), std::string::npos) << text;
  ASSERT_EQ(context.diagnostics.size(), 2u);
  EXPECT_EQ(context.diagnostics[0].id, "json.non_finite_number");
  EXPECT_EQ(context.diagnostics[0].message, "meta.list[1]: infinity has no JSON spelling; written as null");
  EXPECT_EQ(context.diagnostics[1].message, "meta.nan: NaN has no JSON spelling; written as null");
}

TEST(JsonWriter, DefaultsAreLeftOut) {
  const std::string defaults = write_json(
      one_block(Block{OrderedList{{ListItem{{Block{Paragraph{{Inline{Text{"x"}}}}}}}}, 1, true}}), false);
  EXPECT_EQ(defaults.find("\"start\""), std::string::npos);
  EXPECT_EQ(defaults.find("\"tight\""), std::string::npos);
  EXPECT_EQ(defaults.find("\"task\""), std::string::npos);
  const std::string set = write_json(
      one_block(Block{OrderedList{{ListItem{{}, Task::done}}, 4, false}}), false);
  EXPECT_NE(set.find(R"({"type":"ordered_list","start":4,"tight":false,"items":[{"task":"done","content":[]}]})"),
            std::string::npos)
      << set;
  const std::string image = write_json(one_block(Block{Paragraph{{Inline{Image{"a.png", "", "", "", ""}}}}}), false);
  EXPECT_NE(image.find(R"({"type":"image","src":"a.png"})"), std::string::npos) << image;
  const std::string cell = write_json(
      one_block(Block{Table{{}, {Alignment::none}, {}, {TableRow{{TableCell{}}}}, {}}}), false);
  EXPECT_NE(cell.find(R"({"type":"table","columns":["none"],"body":[{"cells":[{"content":[]}]}]})"),
            std::string::npos)
      << cell;
}

TEST(JsonWriter, LongSingleLineTextIsLinear) {
  // News bodies can be one 680 KB line; the writer must not slow down on it.
  std::string big;
  for (int i = 0; i < 40000; ++i) big += "一段很长的文字 with \"quotes\" ";
  const Document doc = one_block(Block{Paragraph{{Inline{Text{big}}}}});
  const std::string text = write_json(doc);
  EXPECT_GT(text.size(), big.size());
  EXPECT_TRUE(test::read_json(text) == doc);
}

}  // namespace
}  // namespace sheaf
