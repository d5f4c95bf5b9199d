// The text writer on small hand-built documents: one behaviour of docs/formats/text.md per test.
#include <gtest/gtest.h>

#include "tests/unit/text/build.hpp"

namespace sheaf::test_text {
namespace {

TEST(TextWriter, EmptyDocumentIsEmpty) { EXPECT_EQ(render(Blocks{}), ""); }

TEST(TextWriter, TitleBlockFromMetadata) {
  Document d;
  d.meta = {field("title", "中文标题 Title"), field("author", "Ann"), field("date", "2024-06-25"),
            field("from", "https://example.com/post")};
  d.blocks = {p("Body.")};
  EXPECT_EQ(render(d),
            "中文标题 Title\n==============\nAuthor: Ann\nDate: 2024-06-25\n"
            "Source: https://example.com/post\n\nBody.\n");
  TextWriterOptions no_header;
  no_header.header = false;
  EXPECT_EQ(render(d, no_header), "Body.\n");
}

TEST(TextWriter, TitleBlockDecodesCharacterReferences) {
  Document d;
  d.meta = {field("title", "Vietnam&#x27;s &amp; Laos&#39;s &lt;b&gt; &bogus; &#0; AT&T")};
  EXPECT_EQ(render(d), "Vietnam's & Laos's <b> &bogus; \uFFFD AT&T\n" + std::string(37, '=') + "\n");
}

TEST(TextWriter, AuthorListsAreJoined) {
  Document d;
  d.meta = {MetaField{"author", MetaValue{MetaList{MetaValue{std::string("A")}, MetaValue{std::string("B")}}}}};
  EXPECT_EQ(render(d), "Author: A, B\n");
}

TEST(TextWriter, HeadingRepeatingTheTitleIsLeftOut) {
  Document d;
  d.meta = {field("title", "Same  title"), field("from", "https://example.com/p")};
  d.blocks = {h(2, Inlines{link("https://example.com/p", {t("Same title")})}), p("Text.")};
  EXPECT_EQ(render(d), "Same title\n==========\nSource: https://example.com/p\n\nText.\n");
  // A heading linking elsewhere is content: it stays, with its reference.
  d.blocks.front() = h(2, Inlines{link("https://other.example/", {t("Same title")})});
  EXPECT_NE(render(d).find("Same title[1]\n-------------"), std::string::npos);
}

TEST(TextWriter, HeadingsAreUnderlinedByDisplayWidth) {
  EXPECT_EQ(render({h(1, "标题"), h(2, "Sub"), h(3, "Deeper"), p("x")}),
            "标题\n====\n\nSub\n---\n\nDeeper\n\nx\n");
}

TEST(TextWriter, ParagraphsWrapAtColumns) {
  EXPECT_EQ(render({p("one two three four five six")}, columns(10)), "one two\nthree four\nfive six\n");
  TextWriterOptions none;
  none.wrap = Wrap::none;
  const std::string long_text(200, 'x');
  EXPECT_EQ(render({p("a " + long_text + " b")}, none), "a " + long_text + " b\n");
}

TEST(TextWriter, CjkSplitAcrossSourceLinesGetsNoSpace) {
  const std::string out = render({p("北京时间\n今天上午，\n日本語の\n文章。")});
  EXPECT_EQ(out, "北京时间今天上午，日本語の文章。\n");
}

TEST(TextWriter, HardLineBreaks) {
  EXPECT_EQ(render({p(Inlines{t("one"), br(), t("two")})}), "one\ntwo\n");
}

TEST(TextWriter, NoMarkupCharactersForEmphasis) {
  EXPECT_EQ(render({p(Inlines{t("a "), em({t("b")}), t(" "), strong({t("c")}), t(" "), code("d  e")})}),
            "a b c d  e\n");
}

TEST(TextWriter, ReferenceLinksAreNumberedOncePerUrl) {
  const Blocks doc{p(Inlines{link("https://a.example/", {t("first")}), t(" and "),
                             link("https://b.example/", {t("second")}), t(" and "),
                             link("https://a.example/", {t("again")})})};
  EXPECT_EQ(render(doc),
            "first[1] and second[2] and again[1]\n\n[1] https://a.example/\n[2] https://b.example/\n");
}

TEST(TextWriter, InlineAndNoLinks) {
  const Blocks doc{p(Inlines{t("see "), link("https://a.example/x", {t("this ")}), t("now")})};
  TextWriterOptions inline_links;
  inline_links.links = LinkStyle::inline_links;
  EXPECT_EQ(render(doc, inline_links), "see this (https://a.example/x) now\n");
  TextWriterOptions no_links;
  no_links.links = LinkStyle::none;
  EXPECT_EQ(render(doc, no_links), "see this now\n");
}

TEST(TextWriter, LinkTextEqualToUrlIsNotRepeated) {
  const Blocks doc{p(Inlines{link("https://a.example/x", {t("https://a.example/x")}), t(" "),
                             link("mailto:me@a.example", {t("me@a.example")}), t(" "),
                             link("#top", {t("top")}), t(" "), link("https://b.example/", {})})};
  EXPECT_EQ(render(doc), "https://a.example/x me@a.example top https://b.example/\n");
  TextWriterOptions inline_links;
  inline_links.links = LinkStyle::inline_links;
  EXPECT_EQ(render(doc, inline_links), "https://a.example/x me@a.example top https://b.example/\n");
}

TEST(TextWriter, ReferenceMarkerNeverStartsALine) {
  // "[1]" may not be separated from the word it belongs to, even between ideographs.
  const std::string out = render({p(Inlines{link("https://a.example/", {t("中文中文中文中文")})})}, columns(16));
  // "[1] https://a.example/" is wider than 16 columns: the URL goes alone on the next line.
  EXPECT_EQ(out, "中文中文中文中\n文[1]\n\n[1]\nhttps://a.example/\n");
}

TEST(TextWriter, FootnotesAreCollectedAtTheEnd) {
  const Blocks doc{p(Inlines{t("Claim"), note({p("Source one."), p("More.")}), t(" and more"),
                             note({p(Inlines{t("See "), link("https://a.example/", {t("there")})})})})};
  EXPECT_EQ(render(doc),
            "Claim[^1] and more[^2]\n\n[^1] Source one.\n\n     More.\n\n[^2] See there[1]\n\n"
            "[1] https://a.example/\n");
}

TEST(TextWriter, ListsWithHangingIndentation) {
  const Blocks doc{bullets({item({p("alpha beta gamma delta")}),
                            item({p("two"), ordered({item({p("x")}), item({p("y")})}, 9)})}),
                   bullets({item({p("done")}, Task::done), item({p("open")}, Task::open)})};
  EXPECT_EQ(render(doc, columns(14)),
            "- alpha beta\n  gamma delta\n- two\n  9.  x\n  10. y\n\n- [x] done\n- [ ] open\n");
}

TEST(TextWriter, LooseListsSeparateItems) {
  EXPECT_EQ(render({bullets({item({p("a")}), item({p("b")})}, false)}), "- a\n\n- b\n");
}

TEST(TextWriter, EmptyListItemKeepsItsMarker) {
  EXPECT_EQ(render({ordered({item({}), item({p("b")})})}), "1.\n2. b\n");
}

TEST(TextWriter, BlockQuotesArePrefixed) {
  EXPECT_EQ(render({quote({p("one two three"), quote({p("inner")})})}, columns(9)),
            "> one two\n> three\n>\n> > inner\n");
}

TEST(TextWriter, CodeBlocksAreIndentedAndNeverWrapped) {
  const std::string line(100, 'c');
  EXPECT_EQ(render({code_block(line + "\n\n  indented\x1b[0m\n")}, columns(20)),
            "    " + line + "\n\n      indented[0m\n");
}

TEST(TextWriter, ThematicBreakSpansTheColumns) {
  EXPECT_EQ(render({p("a"), rule(), p("b")}, columns(10)), "a\n\n----------\n\nb\n");
}

TEST(TextWriter, FiguresShowAltCaptionAndCredit) {
  EXPECT_EQ(render({figure("a.jpg", "A cat", {t("Caption here.")}, {t("Photo: AP")})}),
            "[Image: A cat]\nCaption here.\nPhoto: AP\n");
  // The alt text is not repeated when it is the caption.
  EXPECT_EQ(render({figure("a.jpg", "Same words", {t("Same  words")})}), "[Image]\nSame words\n");
}

TEST(TextWriter, InlineImagesShowTheirAlt) {
  EXPECT_EQ(render({p(Inlines{t("x "), image("a.png", "icon"), t(" "), image("b.png", "")})}),
            "x [Image: icon] [Image]\n");
}

TEST(TextWriter, DefinitionLists) {
  DefinitionList list;
  list.items.push_back(DefinitionItem{{t("Term")}, {{p("First.")}, {p("Second.")}}});
  list.items.push_back(DefinitionItem{{t("Other")}, {{p("Def.")}}});
  EXPECT_EQ(render({Block{list}}), "Term\n    First.\n\n    Second.\n\nOther\n    Def.\n");
}

TEST(TextWriter, RawBlocks) {
  MemoryContext ctx;
  Document d;
  d.blocks = {Block{RawBlock{"tex", "\\newpage"}}, Block{RawBlock{"text", "kept as is"}}};
  EXPECT_EQ(render(d, {}, &ctx), "kept as is\n");
  ASSERT_EQ(ctx.diagnostics.size(), 1u);
  EXPECT_EQ(ctx.diagnostics[0].id, "text.raw_dropped");
  EXPECT_EQ(ctx.diagnostics[0].severity, Severity::info);
}

TEST(TextWriter, NonBreakingSpacesPrintAsSpacesAndHoldWordsTogether) {
  EXPECT_EQ(render({p("aaaa bbbb\u00A0cccc")}, columns(12)), "aaaa\nbbbb cccc\n");
}

TEST(TextWriter, DeepNestingKeepsSomeColumnsForText) {
  Block b = p("deep text here");
  for (int i = 0; i < 200; ++i) b = quote({b});
  const std::string out = render({b}, columns(78));
  EXPECT_NE(out.find("deep text here"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::test_text
