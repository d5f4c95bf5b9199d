#include "converters/json/json_parse.hpp"

#include <limits>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sheaf::json {
namespace {

using nlohmann_json = nlohmann::json;

/// Builds a JsonValue from SAX events with an explicit stack of open containers. Returning false
/// from a callback stops nlohmann's parser; the reason is kept for parse() to throw.
class TreeBuilder final : public nlohmann::json_sax<nlohmann_json> {
 public:
  explicit TreeBuilder(std::size_t max_nesting) : max_nesting_(max_nesting) {}

  bool null() override { slot()->value = nullptr; return true; }
  bool boolean(bool b) override { slot()->value = b; return true; }
  bool number_integer(number_integer_t i) override { slot()->value = std::int64_t{i}; return true; }
  bool number_unsigned(number_unsigned_t u) override {
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      slot()->value = static_cast<std::int64_t>(u);
    else
      slot()->value = std::uint64_t{u};
    return true;
  }
  bool number_float(number_float_t d, const string_t&) override { slot()->value = double{d}; return true; }
  // nlohmann clears its token buffer before the next token, so taking the string is safe and
  // spares a copy of long texts.
  bool string(string_t& s) override { slot()->value = std::move(s); return true; }
  bool binary(binary_t&) override { return true; }  // only for binary formats, never from JSON text

  bool start_object(std::size_t) override { return open(JsonObject{}); }
  bool start_array(std::size_t) override { return open(JsonArray{}); }
  bool key(string_t& k) override {
    std::get<JsonObject>(open_.back()->value).push_back(JsonMember{std::move(k), {}});
    return true;
  }
  bool end_object() override { open_.pop_back(); return true; }
  bool end_array() override { open_.pop_back(); return true; }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = Failure{position, e.what()};
    return false;
  }

  struct Failure {
    std::size_t position;  ///< nlohmann's count of bytes read: 1-based offset of the last one
    std::string message;
  };
  [[nodiscard]] bool too_deep() const noexcept { return too_deep_; }
  [[nodiscard]] const std::optional<Failure>& failure() const noexcept { return error_; }
  JsonValue take() { return std::move(root_); }

 private:
  /// Where the next value goes. A value inside a container is always the last element of it,
  /// and only the innermost container grows, so the pointers in open_ stay valid.
  JsonValue* slot() {
    if (open_.empty()) return &root_;
    JsonValue& top = *open_.back();
    if (auto* array = std::get_if<JsonArray>(&top.value)) return &array->emplace_back();
    return &std::get<JsonObject>(top.value).back().value;  // key() added the member
  }

  template <class Container>
  bool open(Container empty) {
    if (open_.size() >= max_nesting_) {
      too_deep_ = true;
      return false;
    }
    JsonValue* v = slot();
    v->value = std::move(empty);
    open_.push_back(v);
    return true;
  }

  std::size_t max_nesting_;
  JsonValue root_;
  std::vector<JsonValue*> open_;
  bool too_deep_ = false;
  std::optional<Failure> error_;
};

/// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
/// column 5: " prefix (the location is ours, counted on the same bytes), cut to a readable
/// length: "last read" can quote a whole 680 KB string token.
std::string clean_message(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    if (auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  if (what.starts_with("parse error")) {
    if (auto colon = what.find(": "); colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  constexpr std::size_t max_length = 200;
  if (what.size() <= max_length) return std::string(what);
  std::size_t cut = max_length;
  while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return std::string(what.substr(0, cut)) + "…";
}

}  // namespace

std::size_t max_json_nesting(std::size_t node_depth) noexcept {
  constexpr std::size_t per_level = 6;
  constexpr std::size_t slack = 8;
  constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
  if (node_depth > (max - slack) / per_level) return max;
  return node_depth * per_level + slack;
}

JsonValue parse(std::string_view text, const std::string& source_name, std::size_t max_nesting,
                const std::string& too_deep_message) {
  TreeBuilder builder(max_nesting);
  const bool ok = nlohmann_json::sax_parse(text.begin(), text.end(), &builder,
                                           nlohmann::detail::input_format_t::json,
                                           /*strict=*/true, /*ignore_comments=*/false);
  if (ok) return builder.take();
  if (builder.too_deep())
    throw Error(ErrorCode::limit, too_deep_message, source_name);
  const auto& failure = builder.failure();
  const std::size_t position = failure ? failure->position : 0;
  const auto [line, column] = utf8::line_column(text, position > 0 ? position - 1 : 0);
  throw Error(ErrorCode::parse,
              "invalid JSON: " + (failure ? clean_message(failure->message) : std::string("parse failed")),
              source_name, SourcePos{line, column});
}

}  // namespace sheaf::json
