// docs/json-format.md stays true: its opening example is exactly what the writer prints, and
// every example node reads, covering every kind.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "converters/json/json_names.hpp"
#include "tests/support/golden.hpp"
#include "tests/unit/json/json_helpers.hpp"

namespace sheaf {
namespace {

/// The bodies of the ```json fences of the format document, in order.
std::vector<std::string> json_fences() {
  std::istringstream doc(test::read_source_file("docs/json-format.md"));
  std::vector<std::string> fences;
  bool inside = false;
  for (std::string line; std::getline(doc, line);) {
    if (!inside && line == "```json") { inside = true; fences.emplace_back(); continue; }
    if (inside && line == "```") { inside = false; continue; }
    if (inside) fences.back() += line + "\n";
  }
  return fences;
}

/// One example per line; a line starting with a space continues the previous example.
std::vector<std::string> examples(const std::string& fence) {
  std::istringstream in(fence);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] == ' ' && !out.empty()) out.back() += line;
    else out.push_back(line);
  }
  return out;
}

TEST(JsonDocs, OpeningExampleIsTheWritersOwnOutput) {
  const auto fences = json_fences();
  ASSERT_GE(fences.size(), 3u);
  const Document doc = test::read_json(fences[0]);
  EXPECT_EQ(doc.source_name, "_posts/2024-06-25-hello.md");
  EXPECT_EQ(test::write_json(doc), fences[0]);
}

TEST(JsonDocs, EveryKindHasAnExampleThatReads) {
  const auto fences = json_fences();
  ASSERT_GE(fences.size(), 3u);
  std::set<std::string> kinds;
  const auto read_each = [&](const std::string& fence, bool inline_kind) {
    for (const std::string& example : examples(fence)) {
      const std::string blocks = inline_kind ? R"([{"type": "paragraph", "content": [)" + example + "]}]"
                                             : "[" + example + "]";
      EXPECT_NO_THROW(test::read_json(test::with_blocks(blocks))) << example;
      const auto type = example.find(R"("type": ")");
      ASSERT_NE(type, std::string::npos) << example;
      kinds.insert(example.substr(type + 9, example.find('"', type + 9) - (type + 9)));
    }
  };
  read_each(fences[1], false);
  read_each(fences[2], true);
  for (std::string_view name : json::names::blocks) EXPECT_TRUE(kinds.contains(std::string(name))) << name;
  for (std::string_view name : json::names::inlines) EXPECT_TRUE(kinds.contains(std::string(name))) << name;
}

}  // namespace
}  // namespace sheaf
