// Input clean-up shared by the Markdown and Jekyll readers.
#include "converters/markdown/text_input.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

std::string clean(std::string_view bytes, MemoryContext& context, ReaderOptions options = {}) {
  return clean_text_input(Input{bytes, "in.md", "."}, options, context, "markdown");
}

TEST(TextInput, CleanTextIsUnchanged) {
  MemoryContext context;
  EXPECT_EQ(clean("# 标题\n\ntext\n", context), "# 标题\n\ntext\n");
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(TextInput, CrlfAndLoneCrBecomeLf) {
  MemoryContext context;
  EXPECT_EQ(clean("a\r\nb\rc\r\n\r\nd", context), "a\nb\nc\n\nd");
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(TextInput, BomIsDropped) {
  MemoryContext context;
  EXPECT_EQ(clean("\xEF\xBB\xBF---\r\na: 1\r\n", context), "---\na: 1\n");
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(TextInput, InvalidUtf8IsRepairedWithOneWarningAtTheFirstBadByte) {
  MemoryContext context;
  const std::string bytes = std::string("ok\nab\xFF") + "c\n\xC3(" + std::string(1, '\0');
  EXPECT_EQ(clean(bytes, context), "ok\nab\uFFFDc\n\uFFFD(\uFFFD");
  ASSERT_EQ(context.diagnostics.size(), 1u);
  const Diagnostic& d = context.diagnostics[0];
  EXPECT_EQ(d.id, "markdown.invalid_utf8");
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_EQ(d.source_name, "in.md");
  EXPECT_EQ(d.pos, (SourcePos{2, 3}));
  EXPECT_NE(d.message.find("3 invalid"), std::string::npos) << d.message;
}

TEST(TextInput, PositionIgnoresTheBom) {
  MemoryContext context;
  clean("\xEF\xBB\xBF" "ab\xFE", context);
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{1, 3}));
}

TEST(TextInput, GenuineReplacementCharacterIsNotReported) {
  MemoryContext context;
  EXPECT_EQ(clean("\xEF\xBB\xBFx \uFFFD", context), "x \uFFFD");
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(TextInput, TheIdPrefixNamesTheReader) {
  MemoryContext context;
  clean_text_input(Input{"\xFF", "p.md", ""}, ReaderOptions{}, context, "jekyll");
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "jekyll.invalid_utf8");
}

/// UTF-16 code units as bytes in the given order, after a byte-order mark.
std::string utf16(std::u16string_view text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t u : text) {
    const char lo = static_cast<char>(u & 0xFF);
    const char hi = static_cast<char>(u >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

TEST(TextInput, Utf16WithByteOrderMarkIsDecoded) {
  MemoryContext context;
  EXPECT_EQ(clean(utf16(u"---\r\ntitle: 中文\r\n---\r\n", true), context), "---\ntitle: 中文\n---\n");
  EXPECT_EQ(clean(utf16(u"a\U0001F600b", false), context), "a\U0001F600b");
  EXPECT_TRUE(context.diagnostics.empty());
}

TEST(TextInput, BrokenUtf16IsRepairedWithAWarning) {
  MemoryContext context;
  std::string bytes = utf16(u"ab\nc", true);
  bytes += std::string("\x00\xD8", 2);  // a lone high surrogate
  bytes += "z";           // an odd trailing byte
  EXPECT_EQ(clean(bytes, context), "ab\nc\uFFFD\uFFFD");
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{2, 2}));
}

TEST(TextInput, LargerThanTheLimitIsAnError) {
  MemoryContext context;
  ReaderOptions options;
  options.max_input_bytes = 4;
  EXPECT_EQ(clean("1234", context, options), "1234");
  try {
    clean("12345", context, options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::limit);
    EXPECT_EQ(e.source_name(), "in.md");
  }
}

}  // namespace
}  // namespace sheaf::markdown
