#include "core/registry.hpp"

#include <gtest/gtest.h>

#include "converters/builtin.hpp"
#include "core/error.hpp"

namespace sheaf {
namespace {

Document fake_read(const Input&, const ReaderOptions&, Context&) { return {}; }
void fake_write(const Document&, const WriterOptions&, Context&, std::ostream& out) { out << "x"; }

TEST(Registry, LooksUpByNameAliasAndExtension) {
  Registry r({{"fake", {"fk"}, {".fk"}, "a fake reader", fake_read}},
             {{"out", {"o"}, {".out", ".o2"}, OutputKind::binary, "a fake writer", fake_write}});
  EXPECT_EQ(r.reader("fk").name, "fake");
  EXPECT_EQ(r.writer("o").name, "out");
  ASSERT_NE(r.reader_for("dir/x.FK"), nullptr);
  EXPECT_EQ(r.writer_for("book.o2")->kind, OutputKind::binary);
  EXPECT_EQ(r.reader_for("noext"), nullptr);
}

TEST(Registry, UnknownNamesAreErrorsWithPandocExitCodes) {
  Registry r({}, {});
  try {
    (void)r.reader("docx");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_reader);
    EXPECT_EQ(static_cast<int>(e.code()), 21);
    EXPECT_NE(std::string(e.what()).find("'docx'"), std::string::npos);
  }
  EXPECT_THROW((void)r.writer("docx"), Error);
}

TEST(Registry, BuiltinTableHasEveryFormatOfTheBrief) {
  const Registry& r = builtin_registry();
  for (const char* name : {"jekyll", "markdown", "html", "json"}) EXPECT_NO_THROW((void)r.reader(name)) << name;
  for (const char* name : {"epub", "markdown", "md", "gfm", "json", "text", "plain", "txt"})
    EXPECT_NO_THROW((void)r.writer(name)) << name;
  EXPECT_EQ(r.reader_for("post.md")->name, "jekyll");
  EXPECT_EQ(r.reader_for("page.htm")->name, "html");
  EXPECT_EQ(r.writer_for("book.epub")->kind, OutputKind::binary);
}

}  // namespace
}  // namespace sheaf
