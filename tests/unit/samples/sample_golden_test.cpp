// Golden JSON for every sample in samples/: the file is read by the reader its extension selects
// (as `sheaf FILE -t json` does) and written by the JSON writer. SHEAF_ACCEPT=1 rewrites them.
#include <gtest/gtest.h>

#include <sstream>

#include "converters/builtin.hpp"
#include "converters/json/json.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/golden.hpp"

namespace sheaf {
namespace {

TEST(SampleGolden, EverySampleReadsToItsGoldenJson) {
  const auto root = test::source_path("samples");
  const auto files = test::files_under(root, {".md", ".html", ".json"});
  ASSERT_GE(files.size(), 3u) << "samples/ should hold at least three samples";
  for (const auto& path : files) {
    const std::string relative = std::filesystem::relative(path, test::source_path("")).generic_string();
    if (path.filename() == "README.md") continue;
    const ReaderSpec* spec = builtin_registry().reader_for(path);
    ASSERT_NE(spec, nullptr) << relative;
    const std::string bytes = test::read_source_file(relative);
    MemoryContext context;
    // Names relative to the project root keep goldens independent of where the tree is.
    Input input{bytes, relative, std::filesystem::path(relative).parent_path().generic_string()};
    const Document doc = spec->read(input, ReaderOptions{}, context);
    std::ostringstream out;
    json::write(doc, WriterOptions{}, context, out);
    const std::string golden = "samples/" + std::filesystem::relative(path, root).generic_string() + ".json";
    EXPECT_TRUE(test::matches_golden(golden, out.str())) << relative;
    // The JSON reads back to the same model.
    const std::string written = out.str();
    const Document back = json::read(Input{written, golden, {}}, ReaderOptions{}, context);
    EXPECT_EQ(back, doc) << relative;
  }
}

}  // namespace
}  // namespace sheaf
