// The kitchen sink: every node kind and metadata type in one document, written to a golden file
// (tests/golden/markdown_writer/; SHEAF_ACCEPT=1 rewrites it, review with git diff). The sample
// text is written fresh for this test.
#include "build.hpp"
#include "converters/markdown/markdown.hpp"
#include "tests/support/describe.hpp"
#include "tests/support/golden.hpp"

namespace sheaf::test_md {
namespace {

Document kitchen_sink() {
  Attr zh;
  zh.lang = "zh";
  Attr note_id;
  note_id.id = "aside";
  TableCell wide = cell({t("Spans two columns")}, true);
  wide.col_span = 2;
  TableCell rich;
  rich.content = {p("First paragraph."), bullets({item({p("a list")})})};
  DefinitionList dl;
  dl.items.push_back(DefinitionItem{{t("Term")}, {{p("Plain definition.")}, {p({t("With "), em({t("emphasis")})})}}});
  Figure fig;
  fig.image = Image{"photos/harbour at dawn.jpg", "Boats at dawn", "", "620", "413"};
  fig.caption = {t("Fishing boats return at dawn.")};
  fig.credit = {t("Photo: A. Writer")};

  MetaMap meta = {{"layout", MetaValue{std::string("post")}},
                  {"title", MetaValue{std::string("A Day at the Harbour: notes")}},
                  {"date", MetaValue{std::string("2024-06-25T23:35:57.314Z")}},
                  {"draft", MetaValue{false}},
                  {"rating", MetaValue{std::int64_t{4}}},
                  {"tags", MetaValue{MetaList{MetaValue{std::string("travel")}, MetaValue{std::string("海港")}}}}};

  return doc(
      {h(1, {t("A Day at the "), em({t("Harbour")})}),
       p({t("Morning light, "), strong({t("fresh fish")}), t(" and "), del({t("rain")}), t(" sun. Prices: 5 * 3 = 15, "),
          code("a|b"), t(", see "), link("https://example.org/a_(b)", {t("the guide")}, "Guide"), t(" or "),
          link("https://example.org", {t("https://example.org")}), t(".")}),
       p({t("这是"), strong({t("（重要）")}), t("的消息，"), em({t("“引号”")}), t("后文。"), span(zh, {t("中文")}),
          t(" H"), sub({t("2")}), t("O, E = mc"), sup({t("2")}), t(", "), math("x^2"), t(" and a note"),
          note({p("The note text."), p({t("Second paragraph "), code("x")})}), t(".")}),
       h(2, "Lists"),
       bullets({item({p("one")}), item({p("two"), ordered({item({p("nested")})}, 3)}), item({p("done")}, Task::done),
                item({p("todo")}, Task::open)}),
       ordered({item({p("loose item")}), item({p("second"), p("with two paragraphs")})}, 1, false),
       quote({p("A quotation"), quote({p("nested")}), code_block("code in a quote\n")}),
       code_block("fn main() {\n    println!(\"```\");\n}\n", "rust"),
       rule(),
       table({Alignment::left, Alignment::right},
             {row({cell({t("Item")}, true), cell({t("Price")}, true)})},
             {row({cell({t("Tea | green")}), cell({t("3")})}), row({cell({em({t("Coffee")}), br(), t("hot")}), cell({t("4")})})}),
       table({Alignment::none, Alignment::none}, {row({wide})}, {row({rich, cell({t("plain < text")})})}),
       Block{fig},
       Block{dl},
       div(note_id, {p("A div with an id.")}),
       raw("html", "<!-- an HTML comment -->"),
       h(3, {t("Heading with a "), link("#top", {t("link")}), t(" #")})},
      meta);
}

TEST(MarkdownWriterGolden, KitchenSink) {
  const Document d = kitchen_sink();
  EXPECT_TRUE(test::matches_golden("markdown_writer/kitchen_sink.md", write_md(d)));
}

TEST(MarkdownWriterGolden, KitchenSinkWrapped) {
  MarkdownWriterOptions o;
  o.wrap = Wrap::auto_wrap;
  o.columns = 40;
  o.reference_links = true;
  EXPECT_TRUE(test::matches_golden("markdown_writer/kitchen_sink_wrapped_references.md", write_md(kitchen_sink(), o)));
}

/// Once the Markdown reader has read the kitchen sink (it drops the div's id and the comment,
/// and percent-encodes link destinations), the document it made reads back unchanged from the
/// writer's Markdown, and writing it again gives the same text.
TEST(MarkdownWriterGolden, KitchenSinkRoundTripsThroughTheReader) {
  MarkdownWriterOptions o;
  o.front_matter = false;
  auto read = [](const std::string& md) {
    MemoryContext ctx;
    return markdown::read(Input{md, "kitchen.md", "."}, ReaderOptions{}, ctx);
  };
  const Document first = read(write_md(kitchen_sink(), o));
  const std::string md = write_md(first, o);
  const Document second = read(md);
  EXPECT_EQ(test::describe(second.blocks), test::describe(first.blocks));
  EXPECT_EQ(write_md(second, o), md);
}

}  // namespace
}  // namespace sheaf::test_md
