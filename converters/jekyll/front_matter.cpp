#include "converters/jekyll/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "converters/jekyll/yaml_scalar.hpp"
#include "core/error.hpp"
#include "core/overloaded.hpp"

namespace sheaf::jekyll {
namespace {

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";
constexpr std::string_view kIntTag = "tag:yaml.org,2002:int";
constexpr std::string_view kFloatTag = "tag:yaml.org,2002:float";
constexpr std::string_view kBoolTag = "tag:yaml.org,2002:bool";
constexpr std::string_view kNullTag = "tag:yaml.org,2002:null";

/// A mapping under construction: fields in first-seen order, found by key in O(1).
class OrderedMap {
 public:
  /// Replaces the value of an existing key in place, or appends a new field.
  void set(const std::string& key, MetaValue value) {
    const auto [it, inserted] = index_.try_emplace(key, fields_.size());
    if (inserted) fields_.push_back(MetaField{key, std::move(value)});
    else fields_[it->second].value = std::move(value);
  }
  MetaMap take() { return std::move(fields_); }

 private:
  MetaMap fields_;
  std::unordered_map<std::string, std::size_t> index_;
};

/// Turns yaml-cpp's tree into MetaValues. yaml-cpp shares aliased nodes, so the expansion is
/// bounded by a budget of values; nesting is bounded by options.max_depth.
class Converter {
 public:
  Converter(std::uint32_t first_line, const std::string& source_name, const ReaderOptions& options,
            Context& context, std::size_t budget)
      : first_line_(first_line), source_name_(source_name), options_(options), context_(context),
        budget_(budget) {}

  [[nodiscard]] SourcePos pos(const YAML::Mark& mark) const {
    if (mark.is_null()) return SourcePos{first_line_, 0};
    return SourcePos{first_line_ + static_cast<std::uint32_t>(mark.line),
                     static_cast<std::uint32_t>(mark.column) + 1};
  }

  /// `node` sits at nesting level `depth` (the root mapping is level 1).
  MetaValue value(const YAML::Node& node, std::size_t depth) {
    spend(node);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return MetaValue{MetaNull{}};
      case YAML::NodeType::Scalar:
        return scalar(node);
      case YAML::NodeType::Sequence: {
        if (too_deep(node, depth)) return MetaValue{MetaNull{}};
        MetaList list;
        list.reserve(node.size());
        for (const YAML::Node& item : node) list.push_back(value(item, depth + 1));
        return MetaValue{std::move(list)};
      }
      case YAML::NodeType::Map:
        if (too_deep(node, depth)) return MetaValue{MetaNull{}};
        return MetaValue{map(node, depth)};
    }
    return MetaValue{MetaNull{}};  // unreachable: the switch names every NodeType
  }

  MetaMap map(const YAML::Node& node, std::size_t depth) {
    OrderedMap out;
    std::unordered_set<std::string> explicit_keys;
    for (const auto& pair : node) {
      const YAML::Node key = pair.first;
      const YAML::Node item = pair.second;
      if (is_merge_key(key)) {
        merge(out, value(item, depth + 1));
        continue;
      }
      std::string name = key_text(key);
      if (!explicit_keys.insert(name).second)
        context_.report(Diagnostic{Severity::warning, "jekyll.duplicate_key",
                                   "duplicate front-matter key '" + name + "': the last value wins",
                                   source_name_, pos(key.Mark())});
      out.set(name, value(item, depth + 1));
    }
    return out.take();
  }

 private:
  void spend(const YAML::Node& node) {
    if (budget_ == 0)
      throw Error(ErrorCode::limit, "front matter expands to too many values (YAML aliases)",
                  source_name_, pos(node.Mark()));
    --budget_;
  }

  bool too_deep(const YAML::Node& node, std::size_t depth) {
    if (depth <= options_.max_depth) return false;
    if (!depth_reported_) {
      depth_reported_ = true;
      context_.report(Diagnostic{Severity::warning, "jekyll.depth_limit",
                                 "front matter nests deeper than " +
                                     std::to_string(options_.max_depth) +
                                     " levels; deeper values are dropped",
                                 source_name_, pos(node.Mark())});
    }
    return true;
  }

  static MetaValue scalar(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    const std::string& text = node.Scalar();
    if (tag == "?") return resolve_plain_scalar(text);  // plain: typed like Psych
    if (tag == kNullTag) return MetaValue{MetaNull{}};
    MetaValue resolved = resolve_plain_scalar(text);
    if (tag == kIntTag && std::holds_alternative<std::int64_t>(resolved.value)) return resolved;
    if (tag == kBoolTag && std::holds_alternative<bool>(resolved.value)) return resolved;
    if (tag == kFloatTag) {
      if (std::holds_alternative<double>(resolved.value)) return resolved;
      if (const auto* i = std::get_if<std::int64_t>(&resolved.value))
        return MetaValue{static_cast<double>(*i)};
    }
    // Quoted and block scalars ("!"), !!str, and tags Jekyll would not load: the text.
    return MetaValue{text};
  }

  static bool is_merge_key(const YAML::Node& key) {
    return key.Type() == YAML::NodeType::Scalar && key.Tag() == "?" && key.Scalar() == "<<";
  }

  static std::string key_text(const YAML::Node& key) {
    switch (key.Type()) {
      case YAML::NodeType::Scalar: return key.Scalar();
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: return std::string();
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map: {
        YAML::Emitter emitter;
        emitter << YAML::Flow << key;
        return emitter.c_str();
      }
    }
    return std::string();  // unreachable: the switch names every NodeType
  }

  /// YAML 1.1 merge (as Psych): a mapping's fields override the fields so far; a list of
  /// mappings merges with earlier mappings winning; anything else is an ordinary `<<` key.
  static void merge(OrderedMap& out, MetaValue merged) {
    std::visit(overloaded{
                   [&](MetaMap& fields) {
                     for (MetaField& f : fields) out.set(f.key, std::move(f.value));
                   },
                   [&](MetaList& list) {
                     for (const MetaValue& item : list)
                       if (!std::holds_alternative<MetaMap>(item.value)) {
                         out.set("<<", MetaValue{std::move(list)});
                         return;
                       }
                     OrderedMap combined;
                     for (auto it = list.rbegin(); it != list.rend(); ++it)
                       for (MetaField& f : std::get<MetaMap>(it->value))
                         combined.set(f.key, std::move(f.value));
                     for (MetaField& f : combined.take()) out.set(f.key, std::move(f.value));
                   },
                   [&](MetaNull& v) { out.set("<<", MetaValue{v}); },
                   [&](bool& v) { out.set("<<", MetaValue{v}); },
                   [&](std::int64_t& v) { out.set("<<", MetaValue{v}); },
                   [&](double& v) { out.set("<<", MetaValue{v}); },
                   [&](std::string& v) { out.set("<<", MetaValue{std::move(v)}); },
               },
               merged.value);
  }

  std::uint32_t first_line_;
  const std::string& source_name_;
  const ReaderOptions& options_;
  Context& context_;
  std::size_t budget_;
  bool depth_reported_ = false;
};

}  // namespace

MetaMap parse_front_matter(std::string_view yaml, std::uint32_t first_line,
                           const std::string& source_name, const ReaderOptions& options,
                           Context& context) {
  Converter converter(first_line, source_name, options, context, 10 * yaml.size() + 1024);
  // yaml-cpp 0.7 accepts a quoted string left open up to the end of its input when the input
  // ends with a newline (it runs to the end: `title: "abc` swallows every later line). The front
  // matter ended at a `---` line, so the YAML is parsed followed by that line: an open string then
  // runs into the document marker, which yaml-cpp refuses. The `---` starts a second document,
  // which Load ignores; a `|+` block scalar keeps the same trailing lines as without it.
  std::string text(yaml);
  if (!text.empty() && text.back() != '\n') text += '\n';
  const auto end_line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  text += "---\n";
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    if (e.msg == YAML::ErrorMsg::DOC_IN_SCALAR && e.mark.line >= end_line)
      throw Error(ErrorCode::parse,
                  "front matter is not valid YAML: a quoted string is never closed (it runs to "
                  "the end of the front matter)",
                  source_name, converter.pos(e.mark));
    throw Error(ErrorCode::parse, "front matter is not valid YAML: " + e.msg, source_name,
                converter.pos(e.mark));
  }
  try {
    switch (root.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return {};
      case YAML::NodeType::Map:
        return converter.map(root, 1);
      case YAML::NodeType::Scalar:
      case YAML::NodeType::Sequence:
        break;
    }
  } catch (const YAML::Exception& e) {
    throw Error(ErrorCode::internal, "yaml-cpp failed while reading the front matter: " + e.msg,
                source_name, converter.pos(e.mark));
  }
  throw Error(ErrorCode::parse, "front matter is not a YAML mapping", source_name,
              converter.pos(root.Mark()));
}

}  // namespace sheaf::jekyll
