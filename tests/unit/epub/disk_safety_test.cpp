// On-disk proof that the EPUB writer reads only regular files inside the allowed roots, with the
// real FileContext: symbolic links out of the post folder (to /etc/passwd, to a valid PNG outside
// the roots, to /dev/zero), device files, FIFOs, traversal and file: URLs are refused with
// `epub.image_refused` and never read; a real image inside the post folder is embedded.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "converters/epub/epub.hpp"
#include "converters/epub/image_store.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::epub {
namespace {
namespace fs = std::filesystem;

class DiskSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sheaf-disk-safety-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "post");
    fs::create_directories(root_ / "outside");
    write(root_ / "post" / "good.png", test::epub::tiny_png());
    // A valid image outside the roots: sniffing would accept it, so only containment refuses it.
    write(root_ / "outside" / "secret.png", test::epub::tiny_gif());
    fs::create_symlink("/etc/passwd", root_ / "post" / "passwd.png");
    fs::create_symlink(root_ / "outside" / "secret.png", root_ / "post" / "secret.png");
    fs::create_symlink("../outside", root_ / "post" / "escape");
    fs::create_symlink("/dev/zero", root_ / "post" / "zero.png");
    fs::create_symlink(root_ / "missing.png", root_ / "post" / "dangling.png");
    ASSERT_EQ(::mkfifo((root_ / "post" / "fifo.png").c_str(), 0600), 0);
  }
  void TearDown() override { fs::remove_all(root_); }
  static void write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
  }
  Document doc() const {
    Document d;
    d.source_name = (root_ / "post" / "post.md").string();
    d.base = (root_ / "post").string();
    return d;
  }
  fs::path root_;
};

TEST_F(DiskSafety, EveryEscapeIsRefusedAndNothingOutsideIsRead) {
  EpubWriterOptions options;
  FileContext context;
  ImageStore store(options, context);
  const Document d = doc();
  EXPECT_EQ(store.resolve("good.png", d).kind, ImageRef::Kind::embedded);
  const std::string refused[] = {
      "passwd.png", "secret.png", "escape/secret.png", "zero.png", "fifo.png", "dangling.png",
      "/dev/zero", "/etc/passwd", "../../../../../../etc/passwd", "%2e%2e/outside/secret.png",
      "file:///etc/passwd", "FILE:/etc/passwd", (root_ / "outside" / "secret.png").string()};
  for (const std::string& src : refused)
    EXPECT_EQ(store.resolve(src, d).kind, ImageRef::Kind::unavailable) << src;
  ASSERT_EQ(store.images().size(), 1u);
  EXPECT_EQ(store.images()[0].bytes, test::epub::tiny_png());
  std::size_t refusals = 0;
  for (const Diagnostic& diag : context.take_diagnostics()) refusals += diag.id == "epub.image_refused";
  EXPECT_EQ(refusals, std::size(refused));
}

TEST_F(DiskSafety, PasswdNeverEndsUpInTheBook) {
  Document d = doc();
  Paragraph p;
  for (const char* src : {"good.png", "passwd.png", "/etc/passwd", "../../../../../../etc/passwd",
                          "file:///etc/passwd", "secret.png", "escape/secret.png"})
    p.children.push_back(Inline{Image{src, "x", {}, {}, {}}});
  d.blocks.push_back(Block{std::move(p)});
  FileContext context;
  std::ostringstream out;
  sheaf::epub::write(d, WriterOptions{}, context, out);  // qualified: the fixture has its own write()
  const std::string book = out.str();
  // Zip entry names are stored uncompressed: exactly one image is in the package.
  EXPECT_NE(book.find("images/image-001.png"), std::string::npos);
  EXPECT_EQ(book.find("images/image-002"), std::string::npos);
  EXPECT_EQ(book.find("root:x:0:0"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::epub
