// End to end: Markdown → cmark-gfm HTML → the HTML reader → the model.
#include "converters/markdown/markdown.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace sheaf::markdown {
namespace {

Document read_text(std::string_view text, MemoryContext& context) {
  return read(Input{text, "doc.md", "dir"}, ReaderOptions{}, context);
}

Blocks blocks_of(std::string_view text) {
  MemoryContext context;
  Document doc = read_text(text, context);
  // Info diagnostics (html.clean.* rules that fired on raw HTML) are no problem.
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::info) << d.id;
  return doc.blocks;
}

Inline text(const char* s) { return Inline{Text{s}}; }
Block para(Inlines children) { return Block{Paragraph{std::move(children)}}; }
ListItem item(const char* s, Task task = Task::none) { return ListItem{{para({text(s)})}, task}; }

TEST(MarkdownReader, SourceAndBaseAreKeptAndThereIsNoMetadata) {
  MemoryContext context;
  const Document doc = read_text("---\ntitle: x\n---\n", context);
  EXPECT_EQ(doc.source_name, "doc.md");
  EXPECT_EQ(doc.base, "dir");
  EXPECT_TRUE(doc.meta.empty());
  // No front-matter handling: `---` is a thematic break and `title: x` a setext heading.
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ThematicBreak>(doc.blocks[0].node));
  EXPECT_EQ(doc.blocks[1], (Block{Heading{2, "", {text("title: x")}}}));
}

TEST(MarkdownReader, HeadingWithLink) {
  const Blocks blocks = blocks_of("# Head [link](http://x.org \"t\")\n");
  const Blocks expected = {Block{Heading{1, "", {text("Head "), Inline{Link{"http://x.org", "t", {text("link")}}}}}}};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownReader, TightAndLooseLists) {
  const Blocks blocks = blocks_of("- a\n- b\n\n3. x\n\n   y\n4. z\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0], (Block{BulletList{{item("a"), item("b")}, true}}));
  const Block ordered{OrderedList{{ListItem{{para({text("x")}), para({text("y")})}}, item("z")}, 3, false}};
  EXPECT_EQ(blocks[1], ordered);
}

TEST(MarkdownReader, CodeBlockKeepsItsLanguage) {
  const Blocks blocks = blocks_of("```python\nprint(1)\n```\n\n    indented <b>\n");
  ASSERT_EQ(blocks.size(), 2u);
  const auto* fenced = std::get_if<CodeBlock>(&blocks[0].node);
  ASSERT_NE(fenced, nullptr);
  EXPECT_EQ(fenced->language, "python");
  EXPECT_EQ(fenced->text.substr(0, 8), "print(1)");
  const auto* indented = std::get_if<CodeBlock>(&blocks[1].node);
  ASSERT_NE(indented, nullptr);
  EXPECT_EQ(indented->language, "");
  EXPECT_EQ(indented->text.substr(0, 12), "indented <b>");
}

TEST(MarkdownReader, TableWithAlignmentAndStrikeout) {
  const Blocks blocks = blocks_of("| a | b |\n|:-|-:|\n| 1 | ~~2~~ |\n");
  ASSERT_EQ(blocks.size(), 1u);
  const auto* table = std::get_if<Table>(&blocks[0].node);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->columns, (std::vector<Alignment>{Alignment::left, Alignment::right}));
  ASSERT_EQ(table->head.size(), 1u);
  ASSERT_EQ(table->body.size(), 1u);
  ASSERT_EQ(table->head[0].cells.size(), 2u);
  EXPECT_TRUE(table->head[0].cells[0].header);
  EXPECT_EQ(table->head[0].cells[0].content, (Blocks{para({text("a")})}));
  ASSERT_EQ(table->body[0].cells.size(), 2u);
  EXPECT_FALSE(table->body[0].cells[1].header);
  EXPECT_EQ(table->body[0].cells[1].align, Alignment::right);
  EXPECT_EQ(table->body[0].cells[1].content, (Blocks{para({Inline{Strikeout{{text("2")}}}})}));
}

TEST(MarkdownReader, FootnoteBecomesANoteAtItsCallSite) {
  const Blocks blocks = blocks_of("Text[^n] more.\n\n[^n]: The *note*.\n");
  const Blocks expected = {para({text("Text"),
                                 Inline{Note{{para({text("The "), Inline{Emph{{text("note")}}}, text(".")})}}},
                                 text(" more.")})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownReader, TaskListItems) {
  const Blocks blocks = blocks_of("- [ ] open\n- [x] done\n- plain\n");
  const Blocks expected = {Block{BulletList{{item("open", Task::open), item("done", Task::done), item("plain")}, true}}};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownReader, AutolinksAndStrikethrough) {
  const Blocks blocks = blocks_of("See www.example.com and ~~old~~.\n");
  const Blocks expected = {para({text("See "), Inline{Link{"http://www.example.com", "", {text("www.example.com")}}},
                                 text(" and "), Inline{Strikeout{{text("old")}}}, text(".")})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownReader, RawHtmlIsParsedIntoTheModelNotKeptAsText) {
  const Blocks blocks = blocks_of(
      "<!--1719358742000-->\n<div>\n<p>raw <b>bold</b></p>\n<span style=\"font-weight: 400;\">plain</span>\n</div>\n\n"
      "Inline <em>html</em> and <script>drop()</script>.\n");
  const Blocks expected = {para({text("raw "), Inline{Strong{{text("bold")}}}}), para({text("plain")}),
                           para({text("Inline "), Inline{Emph{{text("html")}}}, text(" and .")})};
  EXPECT_EQ(blocks, expected);
}

TEST(MarkdownReader, InvalidUtf8IsRepairedWithAWarning) {
  MemoryContext context;
  const Document doc = read_text("ok\n\nbad \xFF here\n", context);
  ASSERT_EQ(context.diagnostics.size(), 1u);
  EXPECT_EQ(context.diagnostics[0].id, "markdown.invalid_utf8");
  EXPECT_EQ(context.diagnostics[0].pos, (SourcePos{3, 5}));
  const Blocks expected = {para({text("ok")}), para({text("bad \uFFFD here")})};
  EXPECT_EQ(doc.blocks, expected);
}

TEST(MarkdownReader, CrlfInputReadsLikeLf) {
  MemoryContext a;
  MemoryContext b;
  EXPECT_EQ(read_text("# T\r\n\r\n- x\r\n- y\r\n", a).blocks, read_text("# T\n\n- x\n- y\n", b).blocks);
}

TEST(MarkdownReader, TooLargeInputIsALimitError) {
  MemoryContext context;
  ReaderOptions options;
  options.max_input_bytes = 3;
  try {
    read(Input{"abcd", "big.md", ""}, options, context);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::limit);
    EXPECT_EQ(e.source_name(), "big.md");
  }
}

TEST(MarkdownReader, LongSingleLineKeepsEveryPiece) {
  // News-mirror bodies are single lines of up to 680 KB; this one is ~1 MB of inline HTML.
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "<span style=\"x\">词语 word</span> <b>b</b> ";
  MemoryContext context;
  const Document doc = read_text(line + "\n", context);
  ASSERT_EQ(doc.blocks.size(), 1u);
  const auto* p = std::get_if<Paragraph>(&doc.blocks[0].node);
  ASSERT_NE(p, nullptr);
  std::size_t strong = 0;
  for (const Inline& i : p->children) strong += std::holds_alternative<Strong>(i.node);
  EXPECT_EQ(strong, 20000u);
}

}  // namespace
}  // namespace sheaf::markdown
