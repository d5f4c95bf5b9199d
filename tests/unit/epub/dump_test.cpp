// Writes sample books for tests/scripts/test_epubcheck.py when SHEAF_EPUB_DUMP names a directory
// (epubcheck runs there, outside the unit tests, since each run costs a JVM start). Without it the
// books go to a scratch folder and the test checks each is a zip that opens with the EPUB mimetype.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/unit/epub/epub_test_util.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::test::epub {
namespace {

void save(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::ofstream out(dir / name, std::ios::binary);
  out << bytes;
  ASSERT_TRUE(out.good()) << name;
}

TEST(EpubDump, WritesSampleBooks) {
  const char* dir_env = std::getenv("SHEAF_EPUB_DUMP");
  const bool scratch = !dir_env || !*dir_env;
  const std::filesystem::path dir =
      scratch ? std::filesystem::temp_directory_path() / ("sheaf-epub-dump-" + std::to_string(::getpid()))
              : std::filesystem::path(dir_env);
  std::filesystem::create_directories(dir);
  struct Cleanup {
    std::filesystem::path dir;
    bool active;
    ~Cleanup() {
      std::error_code ec;
      if (active) std::filesystem::remove_all(dir, ec);
    }
  } cleanup{dir, scratch};
  {
    MemoryContext c;
    add_kitchen_sink_files(c);
    c.files["/styles/extra.css"] = "p { margin-bottom: 1em; }\n";
    WriterOptions options;
    options.epub.toc_depth = 3;
    options.epub.css_files = {"/styles/extra.css"};
    save(dir, "kitchen-sink.epub", write_epub(kitchen_sink(), c, options));
  }
  {
    MemoryContext c;
    save(dir, "seed-like.epub", write_epub(seed_like(), c));
  }
  {
    MemoryContext c;
    WriterOptions options;
    options.epub.toc_depth = 3;
    save(dir, "linked-book.epub", write_epub_book(linked_posts(), c, {}, options));
  }
  {
    MemoryContext c;
    add_kitchen_sink_files(c);
    std::vector<Document> all = linked_posts();
    all.push_back(seed_like());
    all.push_back(kitchen_sink());
    MetaMap meta = {{"title", MetaValue{std::string("Everything")}}, {"cover", MetaValue{std::string("/site/assets/logo.png")}}};
    save(dir, "mixed-book.epub", write_epub_book(all, c, meta));
  }
  {
    MemoryContext c;
    Document ar;
    ar.source_name = "-";
    ar.blocks = {para("هذا نص عربي لاختبار اتجاه الكتابة من اليمين إلى اليسار."),
                 para({text("English inside: "), link("#nowhere", {text("x")})})};
    save(dir, "rtl.epub", write_epub(ar, c));
  }
  std::size_t books = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string head(38, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    EXPECT_EQ(head.substr(0, 2), "PK") << entry.path();
    EXPECT_EQ(head.substr(30, 8), "mimetype") << entry.path();
    ++books;
  }
  EXPECT_EQ(books, 5u);
}

}  // namespace
}  // namespace sheaf::test::epub
