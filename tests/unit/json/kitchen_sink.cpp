#include "tests/unit/json/kitchen_sink.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace sheaf::test {
namespace {

Inline text(std::string s) { return Inline{Text{std::move(s)}}; }
Inlines texts(std::string s) { return {text(std::move(s))}; }
Block para(Inlines children) { return Block{Paragraph{std::move(children)}}; }
Block para(std::string s) { return para(texts(std::move(s))); }
MetaValue mv(auto v) { return MetaValue{std::move(v)}; }
MetaValue mstr(std::string s) { return MetaValue{std::move(s)}; }

MetaMap metadata() {
  MetaMap nested{
      {"name", mstr("Sample Wire")},
      {"links", mv(MetaList{mv(MetaMap{{"url", mstr("https://example.org/a")}, {"rel", mstr("canonical")}})})},
      {"empty_list", mv(MetaList{})},
      {"empty_map", mv(MetaMap{})},
  };
  return MetaMap{
      {"title", mstr("厨房水槽：每种节点 (kitchen sink)")},
      {"author", mstr("Lin Qiao")},
      {"date", mstr("2024-06-25T23:35:57.314Z")},
      {"lang", mstr("zh-Hans")},
      {"from", mstr("https://news.example.com/2024/06/25/sample.html")},
      {"tags", mv(MetaList{mstr("新闻"), mstr("c++"), mstr("two words")})},
      {"categories", mstr("news world")},
      {"draft", mv(false)},
      {"featured", mv(true)},
      {"series", mv(MetaNull{})},
      {"views", mv(std::int64_t{42})},
      {"offset", mv(std::int64_t{-7})},
      {"int_max", mv(std::numeric_limits<std::int64_t>::max())},
      {"int_min", mv(std::numeric_limits<std::int64_t>::min())},
      {"ratio", mv(2.0)},
      {"pi", mv(3.141592653589793)},
      {"tenth", mv(0.1)},
      {"huge", mv(1e100)},
      {"tiny", mv(-2.5e-300)},
      {"mixed", mv(MetaList{mv(std::int64_t{1}), mv(2.5), mstr("three"), mv(true), mv(MetaNull{}),
                            mv(MetaList{mv(std::int64_t{4})}), mv(MetaMap{{"five", mv(std::int64_t{5})}})})},
      {"source_info", mv(std::move(nested))},
      {"odd key \"quoted\"\ttab", mstr("value with \\ backslash")},
      {"", mstr("the empty key")},
  };
}

Blocks every_inline() {
  Inlines all;
  all.push_back(text("Plain, "));
  all.push_back(Inline{Emph{texts("emphasis")}});
  all.push_back(text(" "));
  all.push_back(Inline{Strong{{text("strong "), Inline{Emph{texts("nested")}}}}});
  all.push_back(text(" "));
  all.push_back(Inline{Strikeout{texts("gone")}});
  all.push_back(text(" E=mc"));
  all.push_back(Inline{Superscript{texts("2")}});
  all.push_back(text(" H"));
  all.push_back(Inline{Subscript{texts("2")}});
  all.push_back(text("O "));
  all.push_back(Inline{Code{"std::visit(f, v)"}});
  all.push_back(text(" "));
  all.push_back(Inline{Link{"https://example.org/path?q=1&r=2#frag", "A title", texts("a link")}});
  all.push_back(text(" "));
  all.push_back(Inline{Link{"relative/page.html", "", {Inline{Code{"code"}}, text(" in link")}}});
  all.push_back(Inline{Image{"images/photo 1.jpg", "Alt text", "Image title", "620", "413"}});
  all.push_back(Inline{Image{"https://cdn.example.org/i.png", "", "", "", ""}});
  all.push_back(Inline{LineBreak{}});
  all.push_back(text("after break"));
  all.push_back(Inline{Note{{para("A footnote."), Block{BlockQuote{{para("Quoted in a note.")}}}}}});
  all.push_back(text(" inline math "));
  all.push_back(Inline{Math{"e^{i\\pi} + 1 = 0", false}});
  all.push_back(text(" and display "));
  all.push_back(Inline{Math{"\\int_0^1 x\\,dx", true}});
  all.push_back(Inline{Span{Attr{"anchor-1", {"note", "highlight"}, "en-GB"}, texts("a span")}});
  all.push_back(Inline{Span{Attr{"", {}, "ja"}, texts("日本語")}});
  all.push_back(Inline{RawInline{"html", "<kbd>"}});
  return {para(std::move(all))};
}

Blocks lists() {
  ListItem open{{para("open task")}, Task::open};
  ListItem done{{para("done task")}, Task::done};
  ListItem plain{{para("plain item"), Block{BulletList{{ListItem{{para("nested")}, Task::none}}, true}}},
                 Task::none};
  Blocks out;
  out.push_back(Block{BulletList{{open, done, plain}, true}});
  out.push_back(Block{BulletList{{ListItem{{para("loose one")}}, ListItem{{para("loose two")}}}, false}});
  out.push_back(Block{OrderedList{{ListItem{{para("third")}}, ListItem{{para("fourth")}}}, 3, false}});
  out.push_back(Block{OrderedList{{ListItem{{para("first")}}}, 1, true}});
  out.push_back(Block{OrderedList{{ListItem{{para("zero")}}}, 0, true}});
  out.push_back(Block{OrderedList{{ListItem{{para("minus two")}}}, -2, true}});
  return out;
}

Block table() {
  const auto cell = [](std::string s, Alignment a = Alignment::none, int cols = 1, int rows = 1,
                       bool header = false) {
    return TableCell{{para(std::move(s))}, a, cols, rows, header};
  };
  Table t;
  t.attr = Attr{"prices", {"data", "wide"}, "en"};
  t.caption = {text("Table 1: "), Inline{Emph{texts("prices")}}};
  t.columns = {Alignment::left, Alignment::center, Alignment::right, Alignment::none};
  t.head = {TableRow{{cell("Item", Alignment::left, 1, 1, true), cell("Qty", Alignment::center, 1, 1, true),
                      cell("Price", Alignment::right, 1, 1, true), cell("Note", Alignment::none, 1, 1, true)}}};
  t.body = {
      TableRow{{cell("苹果", Alignment::none, 1, 1, true), cell("3", Alignment::center),
                cell("1.50", Alignment::right), cell("spans two rows", Alignment::none, 1, 2)}},
      TableRow{{cell("Pear"), cell("two columns", Alignment::center, 2, 1)}},
      TableRow{{TableCell{{}, Alignment::none, 1, 1, false}, TableCell{{}, Alignment::left, 1, 1, false}}},
  };
  return Block{std::move(t)};
}

}  // namespace

Document kitchen_sink() {
  Document doc;
  doc.source_name = "posts/2024-06-25-kitchen-sink.md";
  doc.base = "posts";
  doc.meta = metadata();
  Blocks& b = doc.blocks;
  b.push_back(Block{Heading{1, "kitchen-sink", {text("厨房水槽 "), Inline{Emph{texts("Kitchen")}}}}});
  for (Block& x : every_inline()) b.push_back(std::move(x));
  b.push_back(para("中文段落，全角标点：“引号”、《书名》。日本語のテキスト。한국어 텍스트. "
                   "Escapes: \"quotes\" \\backslash\\ tab\there \x01 control, U+2028 \u2028 and "
                   "U+FFFD \uFFFD kept, emoji 🧺."));
  b.push_back(Block{Heading{6, "", texts("Level six, no id")}});
  for (Block& x : lists()) b.push_back(std::move(x));
  b.push_back(Block{BlockQuote{{para("Outer quote."), Block{BlockQuote{{para("Inner quote.")}}}}}});
  b.push_back(Block{CodeBlock{"cpp", "int main() {\n  return 0;\n}\n"}});
  b.push_back(Block{CodeBlock{"", "plain code\twith tab"}});
  b.push_back(Block{ThematicBreak{}});
  b.push_back(table());
  b.push_back(Block{Table{{}, {Alignment::none}, {}, {TableRow{{TableCell{{para("only cell")}}}}}, {}}});
  b.push_back(Block{Figure{Image{"images/lead.jpg", "Lead image", "Lead", "1200", "800"},
                           {text("A caption with "), Inline{Strong{texts("bold")}}},
                           texts("Photo: Sample Agency"),
                           Attr{"fig-lead", {"lead"}, "zh"}}});
  b.push_back(Block{Figure{Image{"images/plain.png", "", "", "", ""}, {}, {}, {}}});
  b.push_back(Block{DefinitionList{{
      DefinitionItem{texts("Term"), {{para("First definition.")}, {para("Second definition.")}}},
      DefinitionItem{{Inline{Code{"term_without_definitions"}}}, {}},
  }}});
  b.push_back(Block{Div{Attr{"chapter-1", {"chapter"}, "fr"}, {para("Dans une div.")}}});
  b.push_back(Block{Div{Attr{}, {Block{ThematicBreak{}}}}});
  b.push_back(Block{RawBlock{"html", "<canvas id=\"c\"></canvas>"}});
  return doc;
}

}  // namespace sheaf::test
