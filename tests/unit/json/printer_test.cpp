// The JSON printer on its own: layout of event streams (the expected texts are those of the
// printer that held events back before laying them out, which this one replaced byte for byte),
// string escaping against a plain reference escaper, and output handed on in chunks.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "converters/json/json_encoder.hpp"
#include "converters/json/json_printer.hpp"
#include "core/utf8.hpp"
#include "tests/unit/json/json_helpers.hpp"
#include "tests/unit/json/kitchen_sink.hpp"

namespace sheaf::json {
namespace {

Event begin_object(bool expand = false) { return Event{EventKind::begin_object, expand, {}, 0, 0}; }
Event begin_array(bool expand = false) { return Event{EventKind::begin_array, expand, {}, 0, 0}; }
Event end_object() { return Event{EventKind::end_object, false, {}, 0, 0}; }
Event end_array() { return Event{EventKind::end_array, false, {}, 0, 0}; }
Event key(std::string_view k) { return Event{EventKind::key, false, k, 0, 0}; }
Event string(std::string_view s) { return Event{EventKind::string, false, s, 0, 0}; }
Event integer(std::int64_t i) { return Event{EventKind::integer, false, {}, i, 0}; }
Event floating(double d) { return Event{EventKind::floating, false, {}, 0, d}; }
Event boolean(bool b) { return Event{EventKind::boolean, b, {}, 0, 0}; }
Event null() { return Event{EventKind::null, false, {}, 0, 0}; }

std::string printed(const Events& events, bool pretty) {
  std::string out;
  print(events, pretty, out);
  return out;
}

struct LayoutCase {
  Events events;
  std::string_view pretty;
  std::string_view compact;
};

// Each case turns one layout decision: a held (one-line so far) container expanding when a child
// gets content, with strings holding the ", " that separates values; empty children staying on
// its line; flagged containers inside; the expansion cascading down nested arrays.
const std::vector<LayoutCase>& layout_cases() {
  static const std::vector<LayoutCase> cases = {
      {{begin_array(), begin_array(), begin_array(), integer(1), end_array(), end_array(), end_array()},
       "[\n  [\n    [1]\n  ]\n]\n", "[[[1]]]\n"},
      {{begin_object(), key("a, b"), string("c\", d"), key("k\\"), begin_array(), integer(1), end_array(), end_object()},
       "{\n  \"a, b\": \"c\\\", d\",\n  \"k\\\\\": [1]\n}\n", "{\"a, b\":\"c\\\", d\",\"k\\\\\":[1]}\n"},
      {{begin_object(), key("a"), begin_array(), end_array(), key("b"), begin_object(), end_object(), key("c"),
        begin_array(), begin_object(), end_object(), end_array(), key("d"), begin_array(), begin_array(), end_array(),
        end_array(), end_object()},
       "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [{}],\n  \"d\": [[]]\n}\n", "{\"a\":[],\"b\":{},\"c\":[{}],\"d\":[[]]}\n"},
      {{begin_object(), key("a"), integer(1), key("m"), begin_object(true), key("x"), integer(1), end_object(), key("z"),
        begin_object(true), end_object(), end_object()},
       "{\n  \"a\": 1,\n  \"m\": {\n    \"x\": 1\n  },\n  \"z\": {}\n}\n", "{\"a\":1,\"m\":{\"x\":1},\"z\":{}}\n"},
      {{begin_array(), integer(1), integer(2), string("x"), begin_array(), end_array(), begin_object(), key("y"),
        begin_array(), boolean(true), null(), floating(2.5), end_array(), end_object(), integer(3), end_array()},
       "[\n  1,\n  2,\n  \"x\",\n  [],\n  {\n    \"y\": [true, null, 2.5]\n  },\n  3\n]\n",
       "[1,2,\"x\",[],{\"y\":[true,null,2.5]},3]\n"},
      {{string("x")}, "\"x\"\n", "\"x\"\n"},
      {{begin_array(), end_array()}, "[]\n", "[]\n"},
      {{begin_object(true), end_object()}, "{}\n", "{}\n"},
      {{begin_array(), begin_array(), integer(1), integer(2), end_array(), begin_array(), integer(3), begin_array(),
        integer(4), end_array(), end_array(), begin_object(), key("a"), begin_object(), key("b"), begin_object(), key("c"),
        begin_object(), end_object(), end_object(), end_object(), end_object(), end_array()},
       "[\n  [1, 2],\n  [\n    3,\n    [4]\n  ],\n  {\n    \"a\": {\n      \"b\": {\"c\": {}}\n    }\n  }\n]\n",
       "[[1,2],[3,[4]],{\"a\":{\"b\":{\"c\":{}}}}]\n"},
      {{begin_object(), key("k"), begin_array(), begin_object(true), key("a"), integer(1), end_object(), end_array(),
        end_object()},
       "{\n  \"k\": [\n    {\n      \"a\": 1\n    }\n  ]\n}\n", "{\"k\":[{\"a\":1}]}\n"},
      {{begin_array(), string("\n, \""), string("\\"), begin_object(), key("a"), begin_array(), integer(1), end_array(),
        end_object(), end_array()},
       "[\n  \"\\n, \\\"\",\n  \"\\\\\",\n  {\n    \"a\": [1]\n  }\n]\n", "[\"\\n, \\\"\",\"\\\\\",{\"a\":[1]}]\n"},
      {{begin_array(), begin_array(), begin_array(), begin_array(), end_array(), end_array(), end_array(), end_array()},
       "[\n  [\n    [[]]\n  ]\n]\n", "[[[[]]]]\n"},
      {{begin_object(true), key("meta"), begin_object(true), key("t"), string("T"), key("l"), begin_array(), string("a"),
        string("b"), end_array(), end_object(), key("e"), begin_array(true), end_array(), key("f"), begin_array(true),
        integer(1), end_array(), end_object()},
       "{\n  \"meta\": {\n    \"t\": \"T\",\n    \"l\": [\"a\", \"b\"]\n  },\n  \"e\": [],\n  \"f\": [\n    1\n  ]\n}\n",
       "{\"meta\":{\"t\":\"T\",\"l\":[\"a\",\"b\"]},\"e\":[],\"f\":[1]}\n"},
      {{begin_object(), key(""), string(""), key("n"), begin_array(), begin_object(), key("x"), null(), end_object(),
        begin_object(), end_object(), end_array(), end_object()},
       "{\n  \"\": \"\",\n  \"n\": [\n    {\"x\": null},\n    {}\n  ]\n}\n",
       "{\"\":\"\",\"n\":[{\"x\":null},{}]}\n"},
  };
  return cases;
}

TEST(JsonPrinter, LaysOutEachCaseAsTheFormatSays) {
  for (std::size_t n = 0; n < layout_cases().size(); ++n) {
    const LayoutCase& c = layout_cases()[n];
    EXPECT_EQ(printed(c.events, true), c.pretty) << "case " << n;
    EXPECT_EQ(printed(c.events, false), c.compact) << "case " << n;
  }
}

TEST(JsonPrinter, ExpandsAContainerWithManyValuesBeforeItsFirstChild) {
  Events events = {begin_array()};
  std::string pretty = "[\n";
  std::string compact = "[";
  for (int n = 0; n < 30; ++n) {
    events.push_back(integer(n));
    pretty += "  " + std::to_string(n) + ",\n";
    compact += std::to_string(n) + ",";
  }
  for (const Event& e : {begin_array(), integer(1), end_array(), end_array()}) events.push_back(e);
  EXPECT_EQ(printed(events, true), pretty + "  [1]\n]\n");
  EXPECT_EQ(printed(events, false), compact + "[1]]\n");
}

// The escaping rules of docs/json-format.md, spelled out byte by byte.
std::string reference_literal(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b >= 0x80) {
      const std::size_t start = pos;
      const char32_t cp = utf8::decode(s, pos);
      if (cp == utf8::replacement && pos - start != 3) out += "\xEF\xBF\xBD";
      else out.append(s.substr(start, pos - start));
      continue;
    }
    ++pos;
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (b < 0x20) {
          out += "\\u00";
          out += hex[b >> 4];
          out += hex[b & 0xF];
        } else {
          out += static_cast<char>(b);
        }
    }
  }
  return out + "\"";
}

// Escapes, valid and invalid UTF-8 (overlong, surrogate, truncated, beyond U+10FFFF, a genuine
// U+FFFD) at every offset of strings around the 4-, 8- and 16-byte steps of the fast paths.
TEST(JsonPrinter, EscapesLikeTheReferenceAtEveryOffset) {
  const std::vector<std::string> atoms = {
      "\"", "\\", "\n", "\t", "\b", "\f", "\r", std::string(1, '\0'), "\x01", "\x1f", "\x7f", "\x80", "\xC3\xA9",
      "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "\xED\xA0\x80", "\xC0\xAF", "\xE4\xB8", "\xF4\x90\x80\x80",
      "\xFF", "\xE0\x80\x80", "\xF0\x9F\x98", " ", "~"};
  std::vector<std::string> inputs;
  for (std::size_t len = 0; len <= 34; ++len)
    for (const std::string& atom : atoms)
      for (std::size_t at = 0; at <= len; ++at) inputs.push_back(std::string(len, 'x').insert(at, atom));
  std::mt19937 rng(7);
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (unsigned parts = rng() % 10; parts > 0; --parts)
      s += rng() % 2 == 0 ? std::string(rng() % 20, static_cast<char>('a' + rng() % 26)) : atoms[rng() % atoms.size()];
    inputs.push_back(s);
  }
  for (const std::string& s : inputs) {
    const std::string expected = reference_literal(s);
    std::string appended = "before ";
    append_string(appended, s);
    ASSERT_EQ(appended, "before " + expected) << testing::PrintToString(s);
    ASSERT_EQ(printed({string(s)}, false), expected + "\n") << testing::PrintToString(s);
    ASSERT_EQ(printed({begin_object(), key(s), integer(1), end_object()}, true), "{" + expected + ": 1}\n")
        << testing::PrintToString(s);
  }
}

TEST(JsonPrinter, CountsInvalidSequences) {
  std::string out;
  EXPECT_EQ(append_string(out, "ok \xEF\xBF\xBD \xC3\x28 \xFF\xFE \xE4\xB8"), 5u);  // U+FFFD itself is valid
  std::string text;
  Printer printer(false, text);
  printer.begin_object();
  printer.key("\xFF");
  printer.string("\xC0\xAF");  // overlong: both bytes are replaced
  printer.end_object();
  EXPECT_EQ(printer.finish().invalid_utf8, 3u);
  EXPECT_EQ(text, "{\"\uFFFD\":\"\uFFFD\uFFFD\"}\n");
}

/// Collects what a Printer hands on, checking that each chunk is at least the size asked for.
class Collector final : public TextSink {
 public:
  explicit Collector(std::size_t chunk) : chunk_(chunk) {}
  void write(std::string_view text) override {
    if (!finished) {
      EXPECT_GE(text.size(), chunk_);
    }
    text_ += text;
  }
  const std::string& text() const { return text_; }
  bool finished = false;

 private:
  std::size_t chunk_;
  std::string text_;
};

/// Records the encoder's events.
class Recorder final : public EventSink {
 public:
  void event(const Event& e) override { events.push_back(e); }
  Events events;
};

TEST(JsonPrinter, ChunkedOutputIsTheSameTextWhateverTheChunkSize) {
  const Document doc = test::kitchen_sink();
  MemoryContext context;
  Recorder recorder;
  encode(doc, context, recorder);
  for (const bool pretty : {true, false}) {
    const std::string whole = printed(recorder.events, pretty);
    EXPECT_EQ(test::write_json(doc, pretty), whole);  // the writer's path, straight to the printer
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}, std::size_t{4096}}) {
      Collector events_out(chunk);
      std::string buffer;
      Printer by_event(pretty, buffer, events_out, chunk);
      for (const Event& e : recorder.events) by_event.event(e);
      events_out.finished = true;
      by_event.finish();
      EXPECT_EQ(events_out.text(), whole) << "chunk " << chunk;
      EXPECT_TRUE(buffer.empty());

      Collector encoded_out(chunk);
      std::string encoded_buffer;
      Printer encoded(pretty, encoded_buffer, encoded_out, chunk);
      encode(doc, context, encoded);
      encoded_out.finished = true;
      encoded.finish();
      EXPECT_EQ(encoded_out.text(), whole) << "chunk " << chunk;
    }
  }
}

TEST(JsonPrinter, HeldTextIsNotHandedOnBeforeItsLayoutIsKnown) {
  // Every value of the array fills a chunk, but the array's layout is open until its last value.
  Events events = {begin_object(true), key("list"), begin_array()};
  for (int n = 0; n < 50; ++n) events.push_back(string("a fairly long string value"));
  for (const Event& e : {begin_object(), key("x"), integer(1), end_object(), end_array(), end_object()})
    events.push_back(e);
  const std::string whole = printed(events, true);
  Collector out(1);
  std::string buffer;
  Printer printer(true, buffer, out, 1);
  for (const Event& e : events) printer.event(e);
  out.finished = true;
  printer.finish();
  EXPECT_EQ(out.text(), whole);
  EXPECT_NE(whole.find("\n    \"a fairly long string value\",\n"), std::string::npos) << whole;
}

}  // namespace
}  // namespace sheaf::json
