#pragma once
// A plain JSON value tree, as the parser found it: objects keep their members in source order and
// keep duplicate keys (the decoder rejects them with a path). It exists only between parsing and
// decoding into the model.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace sheaf::json {

struct JsonValue;
struct JsonMember;
using JsonArray = std::vector<JsonValue>;
using JsonObject = std::vector<JsonMember>;

struct JsonValue {
  /// std::uint64_t holds only integers above INT64_MAX; std::int64_t all others.
  std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string, JsonArray,
               JsonObject>
      value;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

}  // namespace sheaf::json
