// The EPUB writer end to end on hand-built documents: package layout, determinism, metadata,
// content, images and containment, footnotes, ids and links, books.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>

#include "converters/epub/uuid.hpp"
#include "tests/support/golden.hpp"
#include "tests/unit/epub/epub_test_util.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::test::epub {
namespace {

std::uint16_t le16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

TEST(EpubPackage, MimetypeFirstStoredWithoutExtraField) {
  MemoryContext context;
  const std::string epub = write_epub(seed_like(), context);
  ASSERT_GT(epub.size(), 100u);
  EXPECT_EQ(epub.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(le16(epub, 8), 0) << "mimetype must be stored";
  EXPECT_EQ(le16(epub, 26), 8);
  EXPECT_EQ(le16(epub, 28), 0) << "no extra field";
  EXPECT_EQ(epub.substr(30, 8), "mimetype");
  EXPECT_EQ(epub.substr(38, 20), "application/epub+zip");
}

TEST(EpubPackage, HasTheRequiredFilesInOrder) {
  MemoryContext context;
  const auto list = sheaf::epub::unzip_archive(write_epub(seed_like(), context));
  std::vector<std::string> names;
  for (const auto& [name, bytes] : list) names.push_back(name);
  const std::vector<std::string> expected = {"mimetype",          "META-INF/container.xml", "EPUB/package.opf",
                                             "EPUB/nav.xhtml",    "EPUB/text/ch001.xhtml",  "EPUB/toc.ncx",
                                             "EPUB/styles/sheaf.css"};
  EXPECT_EQ(names, expected);
  const auto files = entries(write_epub(seed_like(), context));
  EXPECT_NE(files.at("META-INF/container.xml").find("full-path=\"EPUB/package.opf\""), std::string::npos);
}

TEST(EpubPackage, SameInputGivesByteIdenticalBooks) {
  MemoryContext a, b;
  add_kitchen_sink_files(a);
  add_kitchen_sink_files(b);
  b.clock = std::chrono::system_clock::time_point{std::chrono::hours{24 * 365 * 40}};  // a dated post ignores it
  EXPECT_EQ(write_epub(kitchen_sink(), a), write_epub(kitchen_sink(), b));
  MemoryContext c, d;
  EXPECT_EQ(write_epub_book(linked_posts(), c), write_epub_book(linked_posts(), d));
}

TEST(EpubPackage, UndatedPostUsesTheContextClock) {
  Document doc;
  doc.source_name = "-";
  doc.blocks.push_back(para("Undated text from stdin."));
  MemoryContext context;
  context.clock = std::chrono::system_clock::time_point{std::chrono::seconds{1718000000}};
  const auto files = entries(write_epub(doc, context));
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("<meta property=\"dcterms:modified\">2024-06-10T06:13:20Z</meta>"), std::string::npos);
  EXPECT_EQ(opf.find("<dc:date>"), std::string::npos);
  // stdin has no name or URL: the identifier comes from the content, so it differs between texts.
  Document other = doc;
  other.blocks.push_back(para("More."));
  const auto id_of = [&](const Document& d) {
    MemoryContext c;
    return all_matches(entries(write_epub(d, c)).at("EPUB/package.opf"), "<dc:identifier id=\"pub-id\">([^<]*)<").at(0);
  };
  EXPECT_NE(id_of(doc), id_of(other));
  EXPECT_EQ(id_of(doc), id_of(doc));
}

TEST(EpubPackage, EmptyDocumentIsStillABook) {
  MemoryContext context;
  const auto files = entries(write_epub(Document{}, context));
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("<dc:title id=\"title\">Untitled</dc:title>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:language>en</dc:language>"), std::string::npos);
  EXPECT_NE(files.at("EPUB/text/ch001.xhtml").find("<title>Untitled</title>"), std::string::npos);
}

TEST(EpubMetadata, ComesFromTheModel) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const auto files = entries(write_epub(kitchen_sink(), context));
  const std::string& opf = files.at("EPUB/package.opf");
  const std::string id = sheaf::epub::uuid_v5_urn("/site/posts/2024-05-01-kitchen-sink.md");
  EXPECT_NE(opf.find("<dc:identifier id=\"pub-id\">" + id + "</dc:identifier>"), std::string::npos);
  EXPECT_NE(opf.find("Kitchen sink: every node kind &amp; &lt;markup&gt; \"quoted\""), std::string::npos);
  EXPECT_NE(opf.find("<dc:language>en-US</dc:language>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:creator id=\"creator-1\">Ada Example</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:creator id=\"creator-2\">李小明</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:date>2024-05-01T01:30:00Z</dc:date>"), std::string::npos);
  EXPECT_EQ(count(opf, "dcterms:modified"), 1u);
  EXPECT_NE(opf.find("<meta property=\"dcterms:modified\">2024-05-01T01:30:00Z</meta>"), std::string::npos);
  for (const char* subject : {"testing", "epub", "meta"})
    EXPECT_NE(opf.find(std::string("<dc:subject>") + subject + "</dc:subject>"), std::string::npos) << subject;
  EXPECT_NE(opf.find("<dc:description>A test post"), std::string::npos);
  EXPECT_NE(opf.find("schema:accessMode\">textual<"), std::string::npos);
  EXPECT_NE(opf.find("schema:accessMode\">visual<"), std::string::npos);
  EXPECT_NE(opf.find("schema:accessibilitySummary"), std::string::npos);
  EXPECT_NE(opf.find("schema:accessibilityFeature\">tableOfContents<"), std::string::npos);
  // A GIF is embedded: the book makes no claim about flashing.
  EXPECT_EQ(opf.find("accessibilityHazard\">none<"), std::string::npos);
}

TEST(EpubMetadata, SeedShapedPost) {
  MemoryContext context;
  const auto files = entries(write_epub(seed_like(), context));
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("<dc:language>zh</dc:language>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:source>https://news.example.org/city/library-20240620.html</dc:source>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:date>2024-06-20T08:15:30Z</dc:date>"), std::string::npos);
  EXPECT_NE(opf.find(sheaf::epub::uuid_v5_urn("https://news.example.org/city/library-20240620.html")),
            std::string::npos);
  EXPECT_NE(opf.find("accessibilityHazard\">none<"), std::string::npos);
  EXPECT_NE(opf.find("accessModeSufficient\">textual<"), std::string::npos);
  const std::string& chapter = files.at("EPUB/text/ch001.xhtml");
  EXPECT_NE(chapter.find("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
                         "lang=\"zh\" xml:lang=\"zh\">"),
            std::string::npos);
  // Both figures keep caption and credit; the remote images are links, never resources.
  EXPECT_NE(chapter.find("2024年6月19日，市民在新图书馆门口排队等候入馆。 <span class=\"credit\">示例通讯社</span>"),
            std::string::npos);
  EXPECT_NE(chapter.find("新馆三楼的阅览室。"), std::string::npos);
  EXPECT_EQ(count(chapter, "<figure"), 2u);
  EXPECT_EQ(chapter.find("<img"), std::string::npos);
  // The remote image's link shows its alt text (or "图片" where the alt only repeats the caption).
  EXPECT_NE(chapter.find("<a href=\"https://news.example.org/city/library-20240620.html/@@images/lead.jpeg\">新图书馆开放　市民排队借书</a>"),
            std::string::npos);
  EXPECT_NE(chapter.find("<a href=\"https://news.example.org/city/library-20240620.html/@@images/reading-room.jpeg\">阅览室</a>"),
            std::string::npos);
  EXPECT_EQ(opf.find("@@images"), std::string::npos);
  EXPECT_TRUE(has_diagnostic(context, "epub.remote_image"));
  for (const Diagnostic& d : context.diagnostics) EXPECT_EQ(d.severity, Severity::info) << d.id;
  // The heading linking to the post's own source stays a link to the original article.
  EXPECT_NE(chapter.find("<h2><a href=\"https://news.example.org/city/library-20240620.html\">"), std::string::npos);
  EXPECT_NE(chapter.find("来源：<a href=\"https://news.example.org/city/library-20240620.html\">"), std::string::npos);
}

TEST(EpubContent, KeepsAllTextOfTheKitchenSink) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const auto files = entries(write_epub(kitchen_sink(), context));
  const std::string& x = files.at("EPUB/text/ch001.xhtml");
  for (const char* s : {"Intro with ", "<em>emphasis</em>", "<code>code &lt; &amp; &gt;</code>", "<strong>strong</strong>",
                        "<del>struck</del>", "H<sub>2</sub>O", "x<sup>2</sup>", "dangling fragment",
                        "relative link with no target", "a script link", "After a break: control" "char removed, tab\tkept.",
                        "中文段落：这是一段用来测试排版的文字", "脚注的内容。", "The nested note.", "Note inside a link.",
                        "日本語のかなも少し。한국어도 조금.", "Nested one", "A done task", "Loose item, second paragraph",
                        "The inner quotation.", "return a &lt; b &amp;&amp; c &gt; d;", "A table with spans",
                        "paragraph cell", "A local figure ", "Photo: Example Agency", "A remote figure caption",
                        "Credit: Remote Wire", "Protocol-relative image", "Its definition.", "A second definition.",
                        "Term without definition", "نص عربي قصير للاختبار.", "A heading reusing the id intro",
                        "日本語のスパン", "e^{i\\pi} + 1 = 0", "Last heading without id", "The end."})
    EXPECT_NE(x.find(s), std::string::npos) << s;
  EXPECT_EQ(x.find("raw html"), std::string::npos) << "raw markup never reaches the book";
  EXPECT_TRUE(has_diagnostic(context, "epub.raw_dropped"));
}

TEST(EpubContent, ElementsAreWrittenAsHtmlExpects) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const std::string x = entries(write_epub(kitchen_sink(), context)).at("EPUB/text/ch001.xhtml");
  EXPECT_NE(x.find("<a href=\"https://example.com/a%20b?q=1&amp;r=%3C2%3E\" title=\"a title\">remote link</a>"),
            std::string::npos);
  EXPECT_NE(x.find("<a href=\"#tables\">link to the tables</a>"), std::string::npos);
  EXPECT_EQ(x.find("no-such-id"), std::string::npos) << "dangling fragment links are dropped";
  EXPECT_EQ(x.find("javascript:"), std::string::npos);
  EXPECT_EQ(x.find("unknown.html"), std::string::npos);
  EXPECT_NE(x.find("<a href=\"mailto:someone@example.com\">mailto:someone@example.com</a>"), std::string::npos);
  EXPECT_NE(x.find("<ol start=\"3\">"), std::string::npos);
  EXPECT_NE(x.find("<li class=\"task task-done\">\u2611 A done task</li>"), std::string::npos);
  EXPECT_NE(x.find("<li>First item</li>"), std::string::npos) << "tight items are not wrapped in <p>";
  EXPECT_NE(x.find("<li><p>Loose item, first paragraph</p>"), std::string::npos);
  EXPECT_NE(x.find("<th colspan=\"2\" class=\"align-center\">Span two</th>"), std::string::npos);
  EXPECT_NE(x.find("<th rowspan=\"2\" class=\"align-left\">Row span</th>"), std::string::npos);
  EXPECT_NE(x.find("<pre><code class=\"language-c++\">int main() {"), std::string::npos);
  EXPECT_NE(x.find("<dt>Term without definition</dt>\n<dd></dd>"), std::string::npos);
  EXPECT_NE(x.find("<div id=\"ar-section\" class=\"quote-block\" lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">"),
            std::string::npos);
  EXPECT_NE(x.find("<span id=\"span-id\" class=\"highlight\" lang=\"ja\" xml:lang=\"ja\">"), std::string::npos);
  EXPECT_NE(x.find("<span class=\"math display\">"), std::string::npos);
  EXPECT_EQ(x.find("\x01"), std::string::npos);
  EXPECT_NE(x.find("<header class=\"chapter-header\">"), std::string::npos);
  EXPECT_NE(x.find("<span class=\"author\">Ada Example</span>, <span class=\"author\">李小明</span> · "
                   "<time datetime=\"2024-05-01T01:30:00Z\">2024-05-01</time>"),
            std::string::npos);
}

TEST(EpubContent, IdsAreUniqueAndEveryFragmentLinkHasATarget) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const std::string x = entries(write_epub(kitchen_sink(), context)).at("EPUB/text/ch001.xhtml");
  const auto ids = all_matches(x, " id=\"([^\"]*)\"");
  const std::set<std::string> unique(ids.begin(), ids.end());
  EXPECT_EQ(unique.size(), ids.size());
  for (const std::string& target : all_matches(x, " href=\"#([^\"]*)\"")) EXPECT_TRUE(unique.count(target)) << target;
  for (const std::string& id : ids) EXPECT_TRUE(std::regex_match(id, std::regex("[A-Za-z_][A-Za-z0-9_.-]*"))) << id;
}

TEST(EpubContent, FootnotesAreNumberedAndLinkedBothWays) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const std::string x = entries(write_epub(kitchen_sink(), context)).at("EPUB/text/ch001.xhtml");
  EXPECT_EQ(count(x, "epub:type=\"noteref\""), 3u);
  EXPECT_EQ(count(x, "<aside id="), 3u);
  EXPECT_NE(x.find("<sup><a epub:type=\"noteref\" role=\"doc-noteref\" id=\"fnref-1\" href=\"#fn-1\">1</a></sup>"),
            std::string::npos);
  EXPECT_NE(x.find("<a class=\"footnote-back\" role=\"doc-backlink\" href=\"#fnref-1\">1.</a> 脚注的内容。"),
            std::string::npos);
  // The note called inside a link: its reference follows the link, never nested in it.
  EXPECT_NE(x.find("A link whose text calls a note</a><sup><a epub:type=\"noteref\""), std::string::npos);
  // The nested note is numbered after its caller and written after it.
  EXPECT_LT(x.find("<aside id=\"fn-2\""), x.find("<aside id=\"fn-3\""));
  EXPECT_LT(x.find("<aside id=\"fn-3\""), x.find("The nested note."));
  EXPECT_NE(x.find("The nested note."), std::string::npos);
}

TEST(EpubImages, LocalImagesAreEmbeddedOnceRemoteOnesAreLinks) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const auto files = entries(write_epub(kitchen_sink(), context));
  const std::string& opf = files.at("EPUB/package.opf");
  const std::string& x = files.at("EPUB/text/ch001.xhtml");
  // photo.png (also the cover, from `image:`), dot.gif, shape.svg, logo.png (site root), "space name.png".
  EXPECT_EQ(count(opf, "media-type=\"image/"), 5u);
  EXPECT_NE(opf.find("<item id=\"image-001\" href=\"images/image-001.png\" media-type=\"image/png\" properties=\"cover-image\"/>"),
            std::string::npos);
  EXPECT_NE(opf.find("media-type=\"image/gif\""), std::string::npos);
  EXPECT_NE(opf.find("media-type=\"image/svg+xml\""), std::string::npos);
  EXPECT_NE(opf.find("<meta name=\"cover\" content=\"image-001\"/>"), std::string::npos);
  EXPECT_EQ(files.at("EPUB/images/image-001.png"), tiny_png());
  EXPECT_EQ(count(x, "src=\"../images/image-001.png\""), 2u) << "the same file is embedded once, used twice";
  EXPECT_NE(x.find("<img src=\"../images/image-001.png\" alt=\"A red square\"/>"), std::string::npos);
  EXPECT_EQ(x.find("src=\"http"), std::string::npos);
  EXPECT_EQ(x.find("src=\"//"), std::string::npos);
  EXPECT_NE(x.find("<a class=\"remote-image\" href=\"https://example.com/inline.png\">inline remote alt</a>"),
            std::string::npos);
  EXPECT_NE(x.find("<a href=\"https://example.com/big\">thumb alt</a>"), std::string::npos) << "no nested links";
  EXPECT_NE(x.find("<p class=\"remote-image\"><a href=\"https://example.com/remote.jpg\">Remote picture</a></p>"),
            std::string::npos);
  EXPECT_NE(x.find("href=\"https://cdn.example.com/protocol-relative.png\""), std::string::npos);
  EXPECT_TRUE(files.count("EPUB/cover.xhtml"));
  EXPECT_TRUE(has_diagnostic(context, "epub.remote_image"));
}

TEST(EpubImages, PathsOutsideTheRootsAreNeverRead) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const std::string epub = write_epub(kitchen_sink(), context);
  EXPECT_EQ(epub.find("root:x:0:0"), std::string::npos);
  std::size_t refused = 0;
  for (const Diagnostic& d : context.diagnostics) {
    if (d.id == "epub.image_refused") {
      ++refused;
      EXPECT_EQ(d.severity, Severity::warning);
      EXPECT_EQ(d.source_name, "/site/posts/2024-05-01-kitchen-sink.md");
    }
  }
  EXPECT_EQ(refused, 3u) << "../../etc/passwd, /etc/passwd, file:///etc/passwd";
  EXPECT_TRUE(has_diagnostic(context, "epub.image_type"));
  EXPECT_TRUE(has_diagnostic(context, "epub.image_missing"));
  const std::string x = entries(epub).at("EPUB/text/ch001.xhtml");
  EXPECT_NE(x.find("Refused: escape attempt, absolute outside, file url, not an image, missing file."), std::string::npos);
}

// A context that records every path it is asked for, to prove refused paths are never read.
class RecordingContext : public MemoryContext {
 public:
  std::optional<std::string> read_file(const std::filesystem::path& path) override {
    asked.push_back(path.generic_string());
    return MemoryContext::read_file(path);
  }
  std::vector<std::string> asked;
};

TEST(EpubImages, RefusedPathsAreNotEvenOpened) {
  RecordingContext context;
  add_kitchen_sink_files(context);
  std::ostringstream out;
  sheaf::epub::write(kitchen_sink(), WriterOptions{}, context, out);
  // "/etc/passwd" is looked up as a site path (/site/etc/passwd), never as the system file.
  EXPECT_FALSE(context.asked.empty());
  for (const std::string& path : context.asked) EXPECT_TRUE(path.rfind("/site/", 0) == 0) << path;
}

TEST(EpubImages, AllowedRootsAndResourcePathsAreHonoured) {
  Document doc;
  doc.source_name = "/home/post.md";
  doc.base = "/home";
  doc.blocks = {para({image("pic.png", "here"), image("/shared/img/other.png", "absolute in a root"),
                      image("found-later.png", "from a resource path")})};
  MemoryContext context;
  context.files["/home/pic.png"] = tiny_png();
  context.files["/shared/img/other.png"] = tiny_gif();
  context.files["/resources/found-later.png"] = tiny_svg();
  WriterOptions options;
  options.epub.resource_paths = {"/resources"};
  auto files = entries(write_epub(doc, context, options));
  EXPECT_EQ(count(files.at("EPUB/package.opf"), "media-type=\"image/"), 2u) << "/shared is not a root";
  EXPECT_TRUE(has_diagnostic(context, "epub.image_refused"));
  MemoryContext context2 = context;
  context2.diagnostics.clear();
  options.epub.allowed_roots = {"/home", "/shared"};
  files = entries(write_epub(doc, context2, options));
  EXPECT_EQ(count(files.at("EPUB/package.opf"), "media-type=\"image/"), 3u);
  EXPECT_FALSE(has_diagnostic(context2, "epub.image_refused"));
}

TEST(EpubImages, DataUrlsAndLimits) {
  Document doc;
  doc.source_name = "/w/p.md";
  doc.base = "/w";
  doc.blocks = {para({image("data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "dot"),
                      image("a.png", "a"), image("b.png", "b")})};
  MemoryContext context;
  context.files["/w/a.png"] = tiny_png();
  context.files["/w/b.png"] = tiny_png() + std::string(10, 'x');
  WriterOptions options;
  options.epub.max_images = 2;
  const auto files = entries(write_epub(doc, context, options));
  EXPECT_EQ(files.at("EPUB/images/image-001.gif"), tiny_gif());
  EXPECT_TRUE(files.count("EPUB/images/image-002.png"));
  EXPECT_FALSE(files.count("EPUB/images/image-003.png"));
  EXPECT_TRUE(has_diagnostic(context, "epub.image_limit"));
}

TEST(EpubBook, ChaptersInDateOrderWithInternalLinks) {
  MemoryContext context;
  const auto files = entries(write_epub_book(linked_posts(), context));
  const std::string& nav = files.at("EPUB/nav.xhtml");
  EXPECT_EQ(count(nav, "<li><a href=\"text/ch00"), 3u);
  EXPECT_LT(nav.find("First post"), nav.find("Second post"));
  EXPECT_LT(nav.find("Second post"), nav.find("Third post"));
  const std::string& one = files.at("EPUB/text/ch001.xhtml");
  const std::string& two = files.at("EPUB/text/ch002.xhtml");
  const std::string& three = files.at("EPUB/text/ch003.xhtml");
  EXPECT_NE(one.find("<a href=\"ch003.xhtml#details\">third post's details</a>"), std::string::npos);
  EXPECT_NE(one.find("<a href=\"ch002.xhtml\">second post</a>"), std::string::npos);
  EXPECT_NE(two.find("<a href=\"ch001.xhtml\">first post</a>"), std::string::npos);
  EXPECT_NE(two.find("<a href=\"ch003.xhtml\">third</a>"), std::string::npos);
  EXPECT_NE(three.find("<a href=\"ch002.xhtml\">second post</a>"), std::string::npos);
  EXPECT_NE(three.find("<a href=\"https://elsewhere.example.com/\">an outside link</a>"), std::string::npos);
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("<dc:title id=\"title\">Posts 2024-06-21 \u2013 2024-06-23</dc:title>"), std::string::npos);
  EXPECT_NE(opf.find(">Ann Author</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find(">Bo Writer</dc:creator>"), std::string::npos);
  EXPECT_EQ(count(opf, "<dc:creator"), 2u);
  EXPECT_EQ(count(opf, "<dc:source>"), 3u);
  // The contents page is in the reading order for a book; NCX has the same three entries.
  EXPECT_NE(opf.find("<itemref idref=\"nav\"/>"), std::string::npos);
  EXPECT_EQ(count(files.at("EPUB/toc.ncx"), "<navPoint "), 3u);
}

TEST(EpubBook, GivenOrderDuplicatesAndBookMetadata) {
  std::vector<Document> posts = linked_posts();
  posts.push_back(posts[1]);  // the same `from` again
  MetaMap meta = {{"title", MetaValue{std::string("My collection")}},
                  {"author", MetaValue{std::string("Editor Person")}},
                  {"lang", MetaValue{std::string("en-GB")}}};
  WriterOptions options;
  options.epub.order_by_date = false;
  MemoryContext context;
  const auto files = entries(write_epub_book(posts, context, meta, options));
  EXPECT_TRUE(has_diagnostic(context, "epub.duplicate_post"));
  EXPECT_FALSE(files.count("EPUB/text/ch004.xhtml"));
  const std::string& nav = files.at("EPUB/nav.xhtml");
  EXPECT_LT(nav.find("Third post"), nav.find("Second post")) << "given order kept";
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("<dc:title id=\"title\">My collection</dc:title>"), std::string::npos);
  EXPECT_NE(opf.find(">Editor Person</dc:creator>"), std::string::npos);
  EXPECT_EQ(count(opf, "<dc:creator"), 1u);
  EXPECT_NE(opf.find("<dc:language>en-GB</dc:language>\n<dc:language>en</dc:language>"), std::string::npos);
}

TEST(EpubBook, TocDepthAddsHeadingsInsidePosts) {
  WriterOptions options;
  options.epub.toc_depth = 3;
  MemoryContext context;
  const auto files = entries(write_epub_book(linked_posts(), context, {}, options));
  const std::string& nav = files.at("EPUB/nav.xhtml");
  EXPECT_NE(nav.find("<a href=\"text/ch003.xhtml#details\">Details</a>\n<ol>\n<li><a href=\"text/ch003.xhtml#more\">"
                     "More details</a></li>"),
            std::string::npos);
  EXPECT_EQ(count(files.at("EPUB/toc.ncx"), "<navPoint "), 5u);
  options.epub.toc_depth = 2;
  MemoryContext c2;
  EXPECT_EQ(count(entries(write_epub_book(linked_posts(), c2, {}, options)).at("EPUB/toc.ncx"), "<navPoint "), 4u);
}

TEST(EpubBook, UntitledUndatedPostsAreCounted) {
  std::vector<Document> posts(2);
  posts[0].source_name = "/x/a.md";
  posts[1].source_name = "/x/b.md";
  posts[0].blocks = {para("a")};
  posts[1].blocks = {para("b")};
  MemoryContext context;
  const std::string opf = entries(write_epub_book(posts, context)).at("EPUB/package.opf");
  EXPECT_NE(opf.find(">2 articles</dc:title>"), std::string::npos);
}

TEST(EpubStyles, UserStylesheetsAndCover) {
  MemoryContext context;
  context.files["/styles/extra.css"] = "p { color: #222; }\n";
  context.files["/covers/front.png"] = tiny_png();
  WriterOptions options;
  options.epub.css_files = {"/styles/extra.css", "/styles/missing.css"};
  options.epub.cover = "/covers/front.png";
  const auto files = entries(write_epub(seed_like(), context, options));
  EXPECT_EQ(files.at("EPUB/styles/user-1.css"), "p { color: #222; }\n");
  EXPECT_NE(files.at("EPUB/text/ch001.xhtml").find("href=\"../styles/user-1.css\""), std::string::npos);
  EXPECT_TRUE(has_diagnostic(context, "epub.css_missing"));
  const std::string& opf = files.at("EPUB/package.opf");
  EXPECT_NE(opf.find("properties=\"cover-image\""), std::string::npos);
  EXPECT_NE(opf.find("<itemref idref=\"cover\"/>"), std::string::npos);
  EXPECT_LT(opf.find("<itemref idref=\"cover\"/>"), opf.find("<itemref idref=\"ch001\"/>"));
  EXPECT_NE(files.at("EPUB/cover.xhtml").find("<img src=\"images/image-001.png\" alt=\"新图书馆开放 市民排队借书\"/>"),
            std::string::npos);
}

TEST(EpubLanguage, RightToLeftBook) {
  Document doc;
  doc.source_name = "/x/ar.md";
  doc.blocks = {para("هذا نص عربي لاختبار اتجاه الكتابة من اليمين إلى اليسار.")};
  MemoryContext context;
  const auto files = entries(write_epub(doc, context));
  EXPECT_NE(files.at("EPUB/text/ch001.xhtml").find("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""), std::string::npos);
  EXPECT_NE(files.at("EPUB/package.opf").find("page-progression-direction=\"rtl\""), std::string::npos);
}

TEST(EpubRobustness, DeepNestingAndLongLines) {
  Document doc;
  doc.source_name = "/x/deep.md";
  Block inner = para("deepest");
  for (int i = 0; i < 512; ++i) inner = Block{BlockQuote{{std::move(inner)}}};
  doc.blocks.push_back(std::move(inner));
  std::string line;
  for (int i = 0; i < 60000; ++i) line += "长文本 & <x> ";  // ~1 MB in one paragraph
  doc.blocks.push_back(para(line));
  MemoryContext context;
  const auto start = std::chrono::steady_clock::now();
  const auto files = entries(write_epub(doc, context));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const std::string& x = files.at("EPUB/text/ch001.xhtml");
  EXPECT_EQ(count(x, "<blockquote>"), 512u);
  EXPECT_NE(x.find("deepest"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(EpubGolden, KitchenSinkPackage) {
  MemoryContext context;
  add_kitchen_sink_files(context);
  const auto files = entries(write_epub(kitchen_sink(), context));
  EXPECT_TRUE(matches_golden("epub/kitchen-sink/package.opf", files.at("EPUB/package.opf")));
  EXPECT_TRUE(matches_golden("epub/kitchen-sink/nav.xhtml", files.at("EPUB/nav.xhtml")));
  EXPECT_TRUE(matches_golden("epub/kitchen-sink/toc.ncx", files.at("EPUB/toc.ncx")));
  EXPECT_TRUE(matches_golden("epub/kitchen-sink/ch001.xhtml", files.at("EPUB/text/ch001.xhtml")));
}

TEST(EpubGolden, SeedShapedChapterAndBookNav) {
  MemoryContext context;
  EXPECT_TRUE(matches_golden("epub/seed-like/ch001.xhtml", entries(write_epub(seed_like(), context)).at("EPUB/text/ch001.xhtml")));
  MemoryContext c2;
  const auto book = entries(write_epub_book(linked_posts(), c2));
  EXPECT_TRUE(matches_golden("epub/book/package.opf", book.at("EPUB/package.opf")));
  EXPECT_TRUE(matches_golden("epub/book/nav.xhtml", book.at("EPUB/nav.xhtml")));
}

}  // namespace
}  // namespace sheaf::test::epub
