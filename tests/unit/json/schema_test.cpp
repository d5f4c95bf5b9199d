// docs/sheaf-document.schema.json agrees with the writer: every node kind, field and enumeration
// the writer uses is declared there, with the same required fields. Full JSON Schema
// validation of the golden file is shown in docs/json-format.md (Python's jsonschema).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "converters/json/json_names.hpp"
#include "tests/support/golden.hpp"
#include "tests/unit/json/json_helpers.hpp"
#include "tests/unit/json/kitchen_sink.hpp"

namespace sheaf {
namespace {

using Json = nlohmann::json;
namespace names = sheaf::json::names;

Json schema() { return Json::parse(test::read_source_file("docs/sheaf-document.schema.json")); }

template <std::size_t N>
std::vector<std::string> as_strings(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

TEST(JsonSchema, DeclaresEveryKindAndEnumeration) {
  const Json s = schema();
  EXPECT_EQ(s.at("$schema"), "https://json-schema.org/draft/2020-12/schema");
  const Json& defs = s.at("$defs");
  EXPECT_EQ(defs.at("block").at("properties").at("type").at("enum").get<std::vector<std::string>>(), as_strings(names::blocks));
  EXPECT_EQ(defs.at("inline").at("properties").at("type").at("enum").get<std::vector<std::string>>(), as_strings(names::inlines));
  for (std::string_view name : names::blocks)
    EXPECT_EQ(defs.at(std::string(name)).at("properties").at("type").at("const"), name);
  for (std::string_view name : names::inlines)
    EXPECT_EQ(defs.at(std::string(name)).at("properties").at("type").at("const"), name);
  EXPECT_EQ(defs.at("table_cell").at("properties").at("align").at("enum").get<std::vector<std::string>>(),
            as_strings(names::alignments));
  EXPECT_EQ(defs.at("list_item").at("properties").at("task").at("enum").get<std::vector<std::string>>(),
            as_strings(names::tasks));
  EXPECT_EQ(s.at("properties").at("sheaf").at("properties").at("version").at("prefixItems").at(0).at("const"),
            sheaf::json::kFormatVersionMajor);
}

/// Checks each node object of `value` (anything with a "type") against its $defs entry.
void check_nodes(const Json& value, const Json& defs, std::set<std::string>& seen) {
  if (value.is_array()) {
    for (const Json& v : value) check_nodes(v, defs, seen);
    return;
  }
  if (!value.is_object()) return;
  if (value.contains("type") && value.at("type").is_string()) {
    const std::string type = value.at("type");
    seen.insert(type);
    ASSERT_TRUE(defs.contains(type)) << type;
    const Json& def = defs.at(type);
    for (const auto& [key, v] : value.items())
      EXPECT_TRUE(def.at("properties").contains(key)) << type << " has undeclared field " << key;
    for (const Json& required : def.at("required"))
      EXPECT_TRUE(value.contains(required.get<std::string>())) << type << " lacks required " << required;
  }
  for (const auto& [key, v] : value.items()) check_nodes(v, defs, seen);
}

TEST(JsonSchema, KitchenSinkNodesUseOnlyDeclaredFields) {
  const Json s = schema();
  const Json doc = Json::parse(test::write_json(test::kitchen_sink()));
  for (const auto& [key, v] : doc.items()) EXPECT_TRUE(s.at("properties").contains(key)) << key;
  std::set<std::string> seen;
  for (const Json& block : doc.at("blocks")) check_nodes(block, s.at("$defs"), seen);
  // The kitchen sink really does use every kind.
  for (std::string_view name : names::blocks) EXPECT_TRUE(seen.contains(std::string(name))) << name;
  for (std::string_view name : names::inlines) EXPECT_TRUE(seen.contains(std::string(name))) << name;
}

}  // namespace
}  // namespace sheaf
