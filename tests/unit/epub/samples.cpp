#include "tests/unit/epub/samples.hpp"

namespace sheaf::test::epub {
namespace {

MetaValue str(std::string s) { return MetaValue{std::move(s)}; }
MetaValue list(std::vector<std::string> items) {
  MetaList l;
  for (auto& s : items) l.push_back(str(std::move(s)));
  return MetaValue{std::move(l)};
}

}  // namespace

void add_kitchen_sink_files(MemoryContext& context) {
  context.files["/site/_config.yml"] = "title: test site\n";
  context.files["/site/posts/img/photo.png"] = tiny_png();
  context.files["/site/posts/img/dot.gif"] = tiny_gif();
  context.files["/site/posts/img/shape.svg"] = tiny_svg();
  context.files["/site/posts/img/space name.png"] = tiny_png();
  context.files["/site/posts/img/fake.png"] = "this is not an image\n";
  context.files["/site/assets/logo.png"] = tiny_png();
  context.files["/etc/passwd"] = "root:x:0:0:root:/root:/bin/sh\n";
}

Document kitchen_sink() {
  Document doc;
  doc.source_name = "/site/posts/2024-05-01-kitchen-sink.md";
  doc.base = "/site/posts";
  doc.meta = {
      {"title", str("Kitchen sink: every node kind & <markup> \"quoted\"")},
      {"author", list({"Ada Example", "李小明"})},
      {"date", str("2024-05-01 09:30:00 +0800")},
      {"lang", str("en_US")},
      {"description", str("A test post that uses every construct of the model.")},
      {"tags", str("testing epub")},
      {"categories", list({"meta"})},
      {"image", str("img/photo.png")},
  };
  Blocks& b = doc.blocks;
  b.push_back(heading(2, "intro", {text("Intro with "), emph({text("emphasis")}), text(" and "),
                                   Inline{Code{"code < & >"}}}));
  b.push_back(para({text("Plain text, "), strong({text("strong")}), text(", "),
                    Inline{Strikeout{{text("struck")}}}, text(", H"), Inline{Subscript{{text("2")}}},
                    text("O, x"), Inline{Superscript{{text("2")}}}, text(", a "),
                    Inline{Link{"https://example.com/a b?q=1&r=<2>", "a title", {text("remote link")}}},
                    text(", a "), link("#tables", {text("link to the tables")}), text(", a "),
                    link("#no-such-id", {text("dangling fragment")}), text(", a "),
                    link("../drafts/unknown.html", {text("relative link with no target")}), text(", "),
                    link("javascript:alert(1)", {text("a script link")}), text(", "),
                    link("mailto:someone@example.com", {}), text("."), Inline{LineBreak{}},
                    text("After a break: control\x01" "char removed, tab\tkept.")}));
  b.push_back(para({text("中文段落：这是一段用来测试排版的文字，包含“引号”、书名号《示例》和全角空格\u3000。"),
                    note({para("脚注的内容。"), para({text("Second paragraph of the note with a nested note"),
                                                      note({para("The nested note.")})})}),
                    text(" 日本語のかなも少し。한국어도 조금.")}));
  b.push_back(para({link("https://example.com/linked-note", {text("A link whose text calls a note"),
                                                             note({para("Note inside a link.")})}),
                    text(" then text.")}));
  b.push_back(Block{BulletList{{item({para("First item")}),
                                item({para("Second item with a nested list"),
                                      Block{OrderedList{{item({para("Nested one")}), item({para("Nested two")})}, 3, true}}}),
                                ListItem{{para("A done task")}, Task::done},
                                ListItem{{para("An open task")}, Task::open}},
                               true}});
  b.push_back(Block{OrderedList{{item({para("Loose item, first paragraph"), para("Loose item, second paragraph")}),
                                 item({para("Another loose item")})},
                                1, false}});
  b.push_back(Block{BlockQuote{{para("A quotation, with a quote inside it:"),
                                Block{BlockQuote{{para("The inner quotation.")}}}}}});
  b.push_back(Block{CodeBlock{"c++", "int main() {\n  return a < b && c > d;\n}\n"}});
  b.push_back(Block{ThematicBreak{}});
  {
    Table t;
    t.attr.id = "tables";
    t.caption = {text("A table with spans")};
    t.columns = {Alignment::left, Alignment::center, Alignment::right};
    t.head = {TableRow{{cell("Name", true), cell("Span two", true, 2)}}};
    t.body = {TableRow{{cell("Row span", true, 1, 2), cell("中"), cell("1")}},
              TableRow{{cell("文"), cell("2")}},
              TableRow{{TableCell{{para("Multi"), para("paragraph cell")}, Alignment::center, 1, 1, false},
                        cell("x"), cell("y")}}};
    b.push_back(Block{std::move(t)});
  }
  b.push_back(figure("img/photo.png", "A red square", {text("A local figure "), emph({text("with a caption")})},
                     {text("Photo: Example Agency")}));
  b.push_back(figure("https://example.com/remote.jpg", "Remote picture", {text("A remote figure caption")},
                     {text("Credit: Remote Wire")}));
  b.push_back(figure("//cdn.example.com/protocol-relative.png", "", {text("Protocol-relative image")}, {}));
  b.push_back(figure("img/dot.gif", "", {}, {}));
  b.push_back(para({text("Inline local SVG "), image("img/shape.svg", "a blue square"), text(", inline remote "),
                    image("https://example.com/inline.png", "inline remote alt"), text(", linked remote "),
                    link("https://example.com/big", {image("https://example.com/thumb.png", "thumb alt")}),
                    text(", site-root image "), image("/assets/logo.png", "logo"), text(", escaped name "),
                    image("img/space%20name.png", "space"), text(", the same photo again "),
                    image("img/photo.png", "again"), text(".")}));
  b.push_back(para({text("Refused: "), image("../../etc/passwd", "escape attempt"), text(", "),
                    image("/etc/passwd", "absolute outside"), text(", "), image("file:///etc/passwd", "file url"),
                    text(", "), image("img/fake.png", "not an image"), text(", "),
                    image("img/missing.png", "missing file"), text(".")}));
  {
    DefinitionList dl;
    dl.items.push_back(DefinitionItem{{text("Term")}, {{para("Its definition.")}, {para("A second definition.")}}});
    dl.items.push_back(DefinitionItem{{text("Term without definition")}, {}});
    b.push_back(Block{std::move(dl)});
  }
  {
    Div d;
    d.attr.id = "ar-section";
    d.attr.lang = "ar";
    d.attr.classes = {"quote-block", "bad class!"};
    d.children = {para("نص عربي قصير للاختبار."), heading(3, "intro", {text("A heading reusing the id intro")})};
    b.push_back(Block{std::move(d)});
  }
  b.push_back(para({Inline{Span{Attr{"span-id", {"highlight"}, "ja"}, {text("日本語のスパン")}}},
                    text(" and math "), Inline{Math{"e^{i\\pi} + 1 = 0", false}},
                    Inline{Math{"\\int_0^1 x\\,dx", true}}, text(".")}));
  b.push_back(Block{RawBlock{"html", "<div class=\"widget\">raw html</div>"}});
  b.push_back(heading(2, "", {text("Last heading without id")}));
  b.push_back(para("The end."));
  return doc;
}

Document seed_like() {
  Document doc;
  doc.source_name = "/site/news/2024-06-20-city-library.md";
  doc.base = "/site/news";
  doc.meta = {
      {"layout", str("post")},
      {"title", str("新图书馆开放 市民排队借书")},
      {"date", str("2024-06-20T08:15:30.250Z")},
      {"author", str("示例新闻社")},
      {"from", str("https://news.example.org/city/library-20240620.html")},
      {"tags", list({"示例新闻社"})},
      {"comments", MetaValue{true}},
      {"categories", list({"示例新闻社"})},
  };
  Blocks& b = doc.blocks;
  b.push_back(heading(2, "", {link("https://news.example.org/city/library-20240620.html",
                                   {text("新图书馆开放 市民排队借书")})}));
  b.push_back(figure("https://news.example.org/city/library-20240620.html/@@images/lead.jpeg",
                     "新图书馆开放　市民排队借书", {text("2024年6月19日，市民在新图书馆门口排队等候入馆。")},
                     {text("示例通讯社")}));
  b.push_back(para("城市新图书馆周三正式向公众开放，首日吸引了大批市民前来参观借阅。"));
  b.push_back(Block{BulletList{
      {item({para({link("https://news.example.org/city/museum-20240610.html",
                        {strong({text("博物馆夜间开放试点   延长至年底")})})})}),
       item({para({strong({link("https://news.example.org/city/park-20240601.html", {text("专题：城市公园改造计划")})})})}),
       item({para({strong({link("https://news.example.org/opinion/reading-20240515.html",
                                {text("评论：阅读习惯正在改变")})})})})},
      true}});
  const char* paragraphs[] = {
      "新馆位于市中心河畔，建筑面积约三万平方米，设有儿童阅览区、自习室和多媒体中心。",
      "馆长在开幕式上表示，新馆藏书超过一百二十万册，并将逐步引入自助借还设备。",
      "不少市民一早就来到馆外排队。一位带着孩子的家长说：“终于有一个安静又宽敞的地方可以读书了。”",
      "图书馆方面介绍，开馆首月每天开放十二小时，周末还将举办讲座和亲子阅读活动。",
      "有读者反映，部分楼层的指示牌不够清楚，工作人员表示会尽快改进。",
      "城市规划部门指出，新馆周边将增设公交站点和自行车停放区，方便市民前往。",
      "专家认为，公共图书馆不仅是借书的地方，也是社区交流和终身学习的重要空间。",
      "据统计，开馆当天共接待读者约八千人次，办理新读者证两千余张。",
  };
  for (const char* p : paragraphs) b.push_back(para(p));
  b.push_back(figure("https://news.example.org/city/library-20240620.html/@@images/reading-room.jpeg",
                     "阅览室", {text("新馆三楼的阅览室。")}, {}));
  b.push_back(para("示例新闻社记者报道。责编：示例编辑　网编：示例网编"));
  return doc;
}

std::vector<Document> linked_posts() {
  std::vector<Document> posts(3);
  posts[0].source_name = "/blog/_posts/2024-06-21-first.md";
  posts[0].base = "/blog/_posts";
  posts[0].meta = {{"title", str("First post")}, {"date", str("2024-06-21")}, {"author", str("Ann Author")},
                   {"from", str("https://blog.example.net/2024/06/21/first.html")}, {"tags", list({"one"})}};
  posts[0].blocks = {para({text("See the "), link("https://blog.example.net/2024/06/23/third.html#details", {text("third post's details")}),
                           text(" and the "), link("2024-06-22-second.md", {text("second post")}), text(".")})};
  posts[1].source_name = "/blog/_posts/2024-06-22-second.md";
  posts[1].base = "/blog/_posts";
  posts[1].meta = {{"title", str("Second post")}, {"date", str("2024-06-22 12:00:00 +0200")},
                   {"author", str("Ann Author")}, {"from", str("https://blog.example.net/2024/06/22/second.html")}};
  posts[1].blocks = {para({text("Back to the "), link("http://blog.example.net/2024/06/21/first.html", {text("first post")}),
                           text("; on to the "), link("/2024/06/23/third.html", {text("third")}), text(".")})};
  posts[2].source_name = "/blog/_posts/2024-06-23-third.md";
  posts[2].base = "/blog/_posts";
  posts[2].meta = {{"title", str("Third post")}, {"date", str("2024-06-23T10:00:00Z")}, {"author", str("Bo Writer")},
                   {"from", str("https://blog.example.net/2024/06/23/third.html")}};
  posts[2].blocks = {heading(2, "details", {text("Details")}),
                     para({text("The "), link("https://blog.example.net/2024/06/22/second.html", {text("second post")}),
                           text(" came before; "), link("https://elsewhere.example.com/", {text("an outside link")}),
                           text(".")}),
                     heading(3, "more", {text("More details")}), para("Last words.")};
  // Given out of order: the book sorts them by date.
  std::swap(posts[0], posts[2]);
  return posts;
}

}  // namespace sheaf::test::epub
