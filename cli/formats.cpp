#include "cli/formats.hpp"

#include <algorithm>
#include <sstream>

#include "cli/input.hpp"
#include "converters/builtin.hpp"
#include "converters/json/json.hpp"
#include "core/error.hpp"

namespace sheaf::cli {
namespace {

/// JSON Lines: each document as one compact JSON object on its own line. Provided here until the
/// converter table has a row for it; the bytes are the json writer's with pretty printing off.
void write_json_line(const Document& doc, const WriterOptions& options, Context& context, std::ostream& out) {
  WriterOptions compact = options;
  compact.json.pretty = false;
  std::ostringstream buffer;
  json::write(doc, compact, context, buffer);
  std::string line = std::move(buffer).str();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  out << line << '\n';
}

const std::vector<ReaderSpec>& cli_readers() {
  // The read function is json's: plan_sources splits the input into lines first.
  static const std::vector<ReaderSpec> readers = {
      {"jsonl", {"ndjson"}, {".jsonl", ".ndjson"},
       "JSON Lines: one sheaf JSON document per line, each converted on its own", json::read},
  };
  return readers;
}

const std::vector<WriterSpec>& cli_writers() {
  static const std::vector<WriterSpec> writers = {
      {"jsonl", {"ndjson"}, {".jsonl", ".ndjson"}, OutputKind::text,
       "JSON Lines: one compact sheaf JSON document per line", write_json_line},
  };
  return writers;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out.empty() ? "-" : out;
}

struct Row {
  std::string_view name;
  std::string aliases;
  std::string extensions;
  std::string_view description;
};

std::string table(const std::vector<Row>& rows) {
  std::size_t w_name = 4, w_alias = 7, w_ext = 10;
  for (const Row& r : rows) {
    w_name = std::max(w_name, r.name.size());
    w_alias = std::max(w_alias, r.aliases.size());
    w_ext = std::max(w_ext, r.extensions.size());
  }
  std::string out;
  const auto cell = [&](std::string_view text, std::size_t width) {
    out += text;
    out.append(width + 2 - text.size(), ' ');
  };
  cell("NAME", w_name);
  cell("ALIASES", w_alias);
  cell("EXTENSIONS", w_ext);
  out += "DESCRIPTION\n";
  for (const Row& r : rows) {
    cell(r.name, w_name);
    cell(r.aliases, w_alias);
    cell(r.extensions, w_ext);
    out += r.description;
    out += '\n';
  }
  return out;
}

template <class Spec>
bool named(const Spec& spec, std::string_view name) {
  return spec.name == name || std::find(spec.aliases.begin(), spec.aliases.end(), name) != spec.aliases.end();
}

template <class Spec>
const Spec* by_extension(const std::vector<const Spec*>& specs, const std::filesystem::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext.empty()) return nullptr;
  for (const Spec* spec : specs)
    if (std::find(spec->extensions.begin(), spec->extensions.end(), ext) != spec->extensions.end()) return spec;
  return nullptr;
}

}  // namespace

std::vector<const ReaderSpec*> all_readers() {
  std::vector<const ReaderSpec*> out;
  for (const ReaderSpec& r : builtin_registry().readers()) out.push_back(&r);
  for (const ReaderSpec& r : cli_readers()) {
    const bool shadowed = std::any_of(out.begin(), out.end(), [&](const ReaderSpec* s) { return s->name == r.name; });
    if (!shadowed) out.push_back(&r);
  }
  return out;
}

const ReaderSpec& find_reader(std::string_view name) {
  for (const ReaderSpec* r : all_readers())
    if (named(*r, name)) return *r;
  return builtin_registry().reader(name);  // throws the registry's Error{unknown_reader}
}

const ReaderSpec* reader_for_path(const std::filesystem::path& path) noexcept {
  return by_extension(all_readers(), path);
}

bool is_json_lines(const ReaderSpec& reader) noexcept { return reader.name == "jsonl"; }

std::vector<const WriterSpec*> all_writers() {
  std::vector<const WriterSpec*> out;
  for (const WriterSpec& w : builtin_registry().writers()) out.push_back(&w);
  for (const WriterSpec& w : cli_writers()) {
    // Once the converter table has a row of the same name, it takes over.
    const bool shadowed = std::any_of(out.begin(), out.end(), [&](const WriterSpec* s) { return s->name == w.name; });
    if (!shadowed) out.push_back(&w);
  }
  return out;
}

const WriterSpec& find_writer(std::string_view name) {
  for (const WriterSpec* w : all_writers())
    if (named(*w, name)) return *w;
  return builtin_registry().writer(name);  // throws the registry's Error{unknown_writer}
}

const WriterSpec* writer_for_path(const std::filesystem::path& path) noexcept {
  return by_extension(all_writers(), path);
}

bool is_stream_format(const WriterSpec& writer) noexcept { return writer.name == "jsonl"; }

ChosenReader choose_reader(const ReaderSpec* from, const std::string& name, std::string_view bytes) {
  const ReaderSpec& json_reader = builtin_registry().reader("json");
  if (from) return {is_json_lines(*from) ? &json_reader : from, "-f"};
  if (name != "-")
    if (const ReaderSpec* by_ext = reader_for_path(name))
      return {is_json_lines(*by_ext) ? &json_reader : by_ext, "extension"};
  const std::string_view sniffed = sniff_format(bytes);
  return {&builtin_registry().reader(sniffed == "jsonl" ? "json" : sniffed), "content"};
}

std::string reader_table() {
  std::vector<Row> rows;
  for (const ReaderSpec* r : all_readers())
    rows.push_back({r->name, join(r->aliases), join(r->extensions), r->description});
  return table(rows);
}

std::string writer_table() {
  std::vector<Row> rows;
  for (const WriterSpec* w : all_writers())
    rows.push_back({w->name, join(w->aliases), join(w->extensions), w->description});
  return table(rows);
}

}  // namespace sheaf::cli
