#include "cli/defaults_file.hpp"

#include <cstdio>

#include "converters/jekyll/front_matter.hpp"
#include "core/context.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "core/overloaded.hpp"

namespace sheaf::cli {
namespace {

[[noreturn]] void shape_error(const std::string& path, const std::string& key, const char* what) {
  throw Error(ErrorCode::usage, "defaults file: '" + key + "' " + what, path);
}

/// A scalar as the command line would spell it; nullopt for null, lists and mappings.
std::optional<std::string> scalar_text(const MetaValue& value) { return meta_text(value); }

}  // namespace

MetaMap read_defaults_file(const std::string& path) {
  const std::string yaml = read_file_or_throw(path);
  MemoryContext context;  // duplicate-key warnings: the last value wins, as documented
  return jekyll::parse_front_matter(yaml, 1, path, ReaderOptions{}, context);
}

std::vector<std::string> defaults_arguments(const std::string& path, const MetaField& field,
                                            bool takes_value, bool repeats) {
  const std::string option = "--" + field.key;
  std::vector<std::string> words;
  if (!takes_value) {
    const bool* on = std::get_if<bool>(&field.value.value);
    if (!on) shape_error(path, field.key, "is a switch: give true or false");
    if (*on) words.push_back(option);
    return words;
  }
  const auto add = [&](const MetaValue& value) {
    std::optional<std::string> text = scalar_text(value);
    if (!text) shape_error(path, field.key, "expects a value such as a string or a number");
    words.push_back(option);
    words.push_back(std::move(*text));
  };
  std::visit(overloaded{
                 [&](const MetaNull&) { shape_error(path, field.key, "has no value"); },
                 [&](const bool&) { add(field.value); },
                 [&](const std::int64_t&) { add(field.value); },
                 [&](const double&) { add(field.value); },
                 [&](const std::string&) { add(field.value); },
                 [&](const MetaList& list) {
                   if (!repeats) shape_error(path, field.key, "takes one value, not a list");
                   for (const MetaValue& item : list) add(item);
                 },
                 [&](const MetaMap& map) {
                   if (field.key != "metadata") shape_error(path, field.key, "takes a value, not a mapping");
                   for (const MetaField& f : map) {
                     std::optional<std::string> text = scalar_text(f.value);
                     if (!text) shape_error(path, "metadata: " + f.key, "must be a string, number or boolean");
                     words.push_back(option);
                     words.push_back(f.key + "=" + *text);
                   }
                 },
             },
             field.value.value);
  return words;
}

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace sheaf::cli
