// The JSON reader: malformed text, wrong shapes, versions, limits, and what it restores.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/unit/json/json_helpers.hpp"

namespace sheaf {
namespace {

using test::read_error;
using test::read_json;
using test::with_blocks;

/// The message of the error reading `text` throws, with its code checked.
std::string message_of(std::string_view text, ErrorCode code = ErrorCode::parse, const ReaderOptions& options = {}) {
  const auto e = read_error(text, options);
  if (!e) return "<no error>";
  EXPECT_EQ(e->code(), code) << e->what();
  EXPECT_EQ(e->source_name(), "in.json");
  return e->what();
}

TEST(JsonReader, HandWrittenMinimalDocument) {
  const Document doc = read_json(with_blocks(R"([
    {"type": "heading", "level": 2, "content": [{"type": "text", "text": "Title"}]},
    {"content": [{"text": "Body", "type": "text"}], "type": "paragraph"}
  ])"));
  EXPECT_EQ(doc.source_name, "in.json");  // no "source": the input's name and base
  EXPECT_EQ(doc.base, "base-dir");
  ASSERT_EQ(doc.blocks.size(), 2u);
  const auto& h = std::get<Heading>(doc.blocks[0].node);
  EXPECT_EQ(h.level, 2);
  EXPECT_TRUE(h.children == Inlines{Inline{Text{"Title"}}});
  EXPECT_TRUE(std::get<Paragraph>(doc.blocks[1].node).children == Inlines{Inline{Text{"Body"}}});
}

TEST(JsonReader, AbsentOptionalFieldsTakeTheirDefaults) {
  const Document doc = read_json(with_blocks(R"([
    {"type": "ordered_list", "items": [{"content": []}]},
    {"type": "table", "columns": ["left"], "body": [{"cells": [{"content": []}]}]},
    {"type": "figure", "image": {"type": "image", "src": "a.png"}},
    {"type": "paragraph", "content": [{"type": "math", "tex": "x"}, {"type": "link", "url": "u", "content": []}]}
  ])"));
  const auto& list = std::get<OrderedList>(doc.blocks[0].node);
  EXPECT_EQ(list.start, 1);
  EXPECT_TRUE(list.tight);
  EXPECT_EQ(list.items[0].task, Task::none);
  const auto& cell = std::get<Table>(doc.blocks[1].node).body[0].cells[0];
  EXPECT_EQ(cell.col_span, 1);
  EXPECT_EQ(cell.row_span, 1);
  EXPECT_EQ(cell.align, Alignment::none);
  EXPECT_FALSE(cell.header);
  EXPECT_TRUE(std::get<Figure>(doc.blocks[2].node).caption.empty());
  const auto& inlines = std::get<Paragraph>(doc.blocks[3].node).children;
  EXPECT_FALSE(std::get<Math>(inlines[0].node).display);
  EXPECT_EQ(std::get<Link>(inlines[1].node).title, "");
}

TEST(JsonReader, MalformedJsonGivesLineAndColumn) {
  const auto e = read_error("{\n  \"sheaf\": {\"version\": [1, 0]},\n  \"blocks\": [tru]\n}");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::parse);
  EXPECT_EQ(e->source_name(), "in.json");
  EXPECT_EQ(e->pos(), (SourcePos{3, 17}));  // the "]" that ends the bad literal
  EXPECT_EQ(std::string(e->what()).rfind("invalid JSON: syntax error while parsing value - invalid literal", 0), 0u)
      << e->what();

  const auto trailing = read_error("{\"a\": 1,}");
  ASSERT_TRUE(trailing);
  EXPECT_EQ(trailing->pos(), (SourcePos{1, 9}));

  const auto empty = read_error("");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->code(), ErrorCode::parse);
  EXPECT_EQ(empty->pos(), (SourcePos{1, 1}));
  EXPECT_NE(std::string(empty->what()).find("unexpected end of input"), std::string::npos);

  const auto garbage = read_error(with_blocks("[]") + " extra");
  ASSERT_TRUE(garbage);
  EXPECT_NE(std::string(garbage->what()).find("expected end of input"), std::string::npos) << garbage->what();

  // A raw newline inside a string: the position is the newline itself, on line 1.
  const auto newline = read_error("[\"ab\ncd\"]");
  ASSERT_TRUE(newline);
  EXPECT_EQ(newline->pos(), (SourcePos{1, 5}));
}

TEST(JsonReader, LongBadTokensAreCutInTheMessage) {
  const std::string text = "[\"" + std::string(100000, 'x') + "\n\"]";
  const auto e = read_error(text);
  ASSERT_TRUE(e);
  EXPECT_LT(std::string(e->what()).size(), 260u);
}

TEST(JsonReader, WrongShapesNameThePath) {
  EXPECT_EQ(message_of("[]"), "top level: expected an object, got an array");
  EXPECT_EQ(message_of(R"({"blocks": []})"),
            "top level: missing field \"sheaf\": not a sheaf JSON document (docs/json-format.md)");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}})"), "top level: missing field \"blocks\" in the document");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}, "blocks": [], "extra": 1})"),
            "top level: unknown field \"extra\" in the document");
  EXPECT_EQ(message_of(with_blocks(R"({})")), "blocks: expected an array, got an object");
  EXPECT_EQ(message_of(with_blocks(R"([{"content": []}])")), "blocks[0]: missing field \"type\"");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": 3}])")), "blocks[0].type: expected a string, got an integer");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "chapter"}])")), "blocks[0]: unknown block type \"chapter\"");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "paragraph"}])")),
            "blocks[0]: missing field \"content\" in paragraph");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "paragraph", "content": [], "children": []}])")),
            "blocks[0]: unknown field \"children\" in paragraph");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "paragraph", "content": [], "content": []}])")),
            "blocks[0]: duplicate field \"content\" in paragraph");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "thematic_break"}, {"type": "thematic_break"}, {"type": "paragraph",
      "content": [{"type": "text", "text": "x"}, {"type": "foo"}]}])")),
            "blocks[2].content[1]: unknown inline type \"foo\"");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "text", "text": "x"}])")),
            "blocks[0]: \"text\" is an inline, expected a block");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "paragraph", "content": [{"type": "paragraph", "content": []}]}])")),
            "blocks[0].content[0]: \"paragraph\" is a block, expected an inline");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "heading", "level": 7, "content": []}])")),
            "blocks[0].level: integer out of range (1 to 6)");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "heading", "level": 2.0, "content": []}])")),
            "blocks[0].level: expected an integer, got a float");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "bullet_list", "tight": "yes", "items": []}])")),
            "blocks[0].tight: expected true or false, got a string");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "bullet_list", "start": 2, "items": []}])")),
            "blocks[0]: unknown field \"start\" in bullet_list");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "bullet_list", "items": [{"task": "maybe", "content": []}]}])")),
            "blocks[0].items[0].task: unknown task state \"maybe\" (expected one of \"none\", \"open\", \"done\")");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "table", "columns": ["middle"], "body": []}])")),
            "blocks[0].columns[0]: unknown alignment \"middle\" (expected one of \"none\", \"left\", \"center\", \"right\")");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "table", "columns": [], "body": [{"cells": [{"col_span": 0, "content": []}]}]}])")),
            "blocks[0].body[0].cells[0].col_span: integer out of range (1 to 1000)");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "figure", "image": {"type": "text", "text": "x"}}])")),
            "blocks[0].image: expected an image, got \"text\"");
  EXPECT_EQ(message_of(with_blocks(R"([{"type": "div", "classes": ["a", 1], "content": []}])")),
            "blocks[0].classes[1]: expected a string, got an integer");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}, "source": {"name": 1}, "blocks": []})"),
            "source.name: expected a string, got an integer");
}

TEST(JsonReader, MetadataIsCheckedToo) {
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}, "meta": [], "blocks": []})"),
            "meta: expected an object, got an array");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}, "meta": {"a": 1, "a": 2}, "blocks": []})"),
            "meta: duplicate key \"a\"");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 0]}, "meta": {"x": {"two words": [1, 18446744073709551615]}}, "blocks": []})"),
            "meta.x[\"two words\"][1]: integer out of range (above 9223372036854775807)");
}

TEST(JsonReader, MetadataKeepsOrderAndTypes) {
  const Document doc = read_json(
      R"({"sheaf": {"version": [1, 0]}, "meta": {"z": 1, "a": 2.0, "m": [true, null, "s"], "o": {"k": -1e3}}, "blocks": []})");
  ASSERT_EQ(doc.meta.size(), 4u);
  EXPECT_EQ(doc.meta[0].key, "z");
  EXPECT_TRUE(doc.meta[0].value == MetaValue{std::int64_t{1}});
  EXPECT_TRUE(doc.meta[1].value == MetaValue{2.0});
  EXPECT_TRUE(doc.meta[2].value ==
              (MetaValue{MetaList{MetaValue{true}, MetaValue{MetaNull{}}, MetaValue{std::string("s")}}}));
  EXPECT_TRUE(doc.meta[3].value == (MetaValue{MetaMap{{"k", MetaValue{-1000.0}}}}));
}

TEST(JsonReader, VersionPolicy) {
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [2, 0]}, "blocks": []})"),
            "sheaf.version: unsupported format version 2.0 (this sheaf reads version 1.x)");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [0, 9]}, "blocks": []})"),
            "sheaf.version: unsupported format version 0.9 (this sheaf reads version 1.x)");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": "1.0"}, "blocks": []})"),
            "sheaf.version: expected an array, got a string");
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1]}, "blocks": []})"), "sheaf.version: expected [major, minor]");
  EXPECT_EQ(message_of(R"({"sheaf": {}, "blocks": []})"), "sheaf: missing field \"version\" in sheaf");
  // The version is checked before anything else, so a newer major says so first.
  EXPECT_EQ(message_of(R"({"blocks": [{"type": "new_kind"}], "sheaf": {"version": [3, 1]}, "new": 1})"),
            "sheaf.version: unsupported format version 3.1 (this sheaf reads version 1.x)");
  // A newer minor reads when it uses nothing new, and says why when it does.
  EXPECT_NO_THROW(read_json(R"({"sheaf": {"version": [1, 99]}, "blocks": []})"));
  EXPECT_EQ(message_of(R"({"sheaf": {"version": [1, 99]}, "blocks": [{"type": "aside", "content": []}]})"),
            "blocks[0]: unknown block type \"aside\" (the document's format 1.99 is newer than the 1.1 this sheaf reads)");
}

/// `n` nested block quotes around one paragraph, as JSON text, built linearly.
std::string nested_quotes(std::size_t n) {
  std::string text = R"({"sheaf": {"version": [1, 0]}, "blocks": [)";
  text.reserve(text.size() + n * 48);
  for (std::size_t i = 0; i < n; ++i) text += R"({"type": "block_quote", "content": [)";
  text += R"({"type": "paragraph", "content": [{"type": "text", "text": "deep"}]})";
  for (std::size_t i = 0; i < n; ++i) text += "]}";
  text += "]}";
  return text;
}

TEST(JsonReader, HundredThousandNestedQuotesHitTheLimitQuickly) {
  const std::string text = nested_quotes(100000);
  const auto start = std::chrono::steady_clock::now();
  const auto e = read_error(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::limit);
  EXPECT_EQ(std::string(e->what()), "nested deeper than the limit of 1024 levels (twice max_depth)");
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(JsonReader, DepthLimitCountsNodesUpToTwiceMaxDepth) {
  ReaderOptions options;
  options.max_depth = 5;
  // 9 quotes + paragraph + text = 11 nested nodes: over 2 × 5; 8 quotes = 10: within.
  const auto e = read_error(nested_quotes(9), options);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::limit);
  EXPECT_EQ(std::string(e->what()),
            "blocks[0].content[0].content[0].content[0].content[0].content[0].content[0].content[0]"
            ".content[0].content[0].content[0]: nested deeper than the limit of 10 levels (twice max_depth)");
  EXPECT_NO_THROW(read_json(nested_quotes(8), options));
  // The default: 1022 quotes + paragraph + text = 1024 reads; one more quote does not.
  EXPECT_NO_THROW(read_json(nested_quotes(1022)));
  const auto over = read_error(nested_quotes(1023));
  ASSERT_TRUE(over);
  EXPECT_EQ(over->code(), ErrorCode::limit);
  EXPECT_NE(std::string(over->what()).find("…"), std::string::npos);  // long path elided
  EXPECT_LT(std::string(over->what()).size(), 400u);
}

/// A one-element vector, moved in (a braced list would copy the whole subtree at every level).
template <class T>
std::vector<T> one(T&& node) {
  std::vector<T> v;
  v.push_back(std::move(node));
  return v;
}

TEST(JsonReader, ReadsBackWhatOtherReadersMakeAtTheirLimit) {
  // The HTML reader keeps 512 levels of elements as structure, and the nodes below the last
  // element (its paragraph and text) or a footnote's body under its call site go deeper.
  Block inner{Paragraph{{Inline{Text{"deep"}}}}};
  for (int i = 0; i < 600; ++i) inner = Block{BlockQuote{one(std::move(inner))}};
  Document doc;
  doc.blocks.push_back(std::move(inner));
  const std::string text = test::write_json(doc);
  const Document back = read_json(text);
  EXPECT_TRUE(back == doc);
  EXPECT_EQ(test::write_json(back), text);
}

TEST(JsonReader, DeepMixedNestingRoundTripsWithinTheLimit) {
  // Every kind of container, cycled to 1020 levels: the reader (and writer) recursion stays
  // well inside a thread's stack at the default limit (it passes under `ulimit -s 1024`).
  Block b{Paragraph{{Inline{Text{"bottom"}}}}};
  std::size_t depth = 2;
  for (int i = 0; depth + 2 <= 1020; ++i) {
    switch (i % 6) {
      case 0: b = Block{BlockQuote{one(std::move(b))}}; break;
      case 1: b = Block{BulletList{one(ListItem{one(std::move(b)), Task::open}), true}}; break;
      case 2: {
        TableCell cell;
        cell.content = one(std::move(b));
        b = Block{Table{{}, {Alignment::left}, {}, one(TableRow{one(std::move(cell))}), {}}};
        break;
      }
      case 3: b = Block{DefinitionList{one(DefinitionItem{{Inline{Text{"t"}}}, one(one(std::move(b)))})}}; break;
      case 4: b = Block{Div{Attr{"d", {}, ""}, one(std::move(b))}}; break;
      case 5:
        b = Block{Paragraph{one(Inline{Strong{one(Inline{Note{one(std::move(b))}})}})}};
        depth += 2;
        break;
    }
    ++depth;
  }
  Document doc;
  doc.blocks.push_back(std::move(b));
  for (bool pretty : {true, false}) {
    const std::string text = test::write_json(doc, pretty);
    const Document back = read_json(text);
    EXPECT_TRUE(back == doc);
    EXPECT_EQ(test::write_json(back, pretty), text);
  }
}

TEST(JsonReader, DeepMetadataHitsTheLimit) {
  const std::string deep = R"({"sheaf": {"version": [1, 0]}, "meta": {"x": )" + std::string(100000, '[') +
                           std::string(100000, ']') + R"(}, "blocks": []})";
  const auto e = read_error(deep);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::limit);
  ReaderOptions options;
  options.max_depth = 2;
  EXPECT_NO_THROW(read_json(R"({"sheaf": {"version": [1, 0]}, "meta": {"x": [[[[1]]]]}, "blocks": []})", options));
  const auto over = read_error(R"({"sheaf": {"version": [1, 0]}, "meta": {"x": [[[[[1]]]]]}, "blocks": []})", options);
  ASSERT_TRUE(over);
  EXPECT_EQ(over->code(), ErrorCode::limit);
  EXPECT_EQ(std::string(over->what()), "meta.x[0][0][0][0]: nested deeper than the limit of 4 levels (twice max_depth)");
}

TEST(JsonReader, InputSizeLimit) {
  ReaderOptions options;
  options.max_input_bytes = 10;
  const auto e = read_error(with_blocks("[]"), options);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::limit);
  EXPECT_EQ(std::string(e->what()), "input is 44 bytes, over the limit of 10 (max_input_bytes)");
}

TEST(JsonReader, InvalidUtf8IsRepairedWithAWarning) {
  MemoryContext context;
  const std::string text =
      "\xEF\xBB\xBF" + with_blocks("[{\"type\": \"code_block\", \"text\": \"a\xFF" "b\"}]");
  const Document doc = read_json(text, {}, &context);
  EXPECT_EQ(std::get<CodeBlock>(doc.blocks[0].node).text, "a\uFFFDb");
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "json.invalid_utf8");
  EXPECT_EQ(context.diagnostics[0].source_name, "in.json");
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{1, 79}));  // bytes, the byte-order mark included
  // A byte-order mark alone is dropped silently.
  MemoryContext quiet;
  EXPECT_NO_THROW(read_json("\xEF\xBB\xBF" + with_blocks("[]"), {}, &quiet));
  EXPECT_TRUE(quiet.diagnostics.empty());
}

TEST(JsonReader, EscapedTextIsDecoded) {
  const Document doc = read_json(with_blocks(
      R"([{"type": "paragraph", "content": [{"type": "text", "text": "\u4e2d\u6587 \ud83d\ude00 \"q\" \\ \/ \u0000"}]}])"));
  const auto& text = std::get<Text>(std::get<Paragraph>(doc.blocks[0].node).children[0].node).text;
  EXPECT_EQ(text, std::string("中文 😀 \"q\" \\ / ") + std::string(1, '\0'));
}

}  // namespace
}  // namespace sheaf
