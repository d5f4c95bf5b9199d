#pragma once
// Format resolution for the command line: names and aliases from the converter table
// (converters/builtin.cpp), extensions of inputs and of -o, and content sniffing for the rest.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry.hpp"

namespace sheaf::cli {

/// Output format when neither -t nor the extension of -o names one.
inline constexpr std::string_view kDefaultWriter = "markdown";

/// The registry's readers followed by those the CLI provides itself (jsonl).
std::vector<const ReaderSpec*> all_readers();

/// The registry's writers followed by those the CLI provides itself (jsonl).
std::vector<const WriterSpec*> all_writers();

/// By name or alias; throws Error{unknown_reader}.
const ReaderSpec& find_reader(std::string_view name);

/// By the extension of `path`, case-insensitively; nullptr when none matches.
const ReaderSpec* reader_for_path(const std::filesystem::path& path) noexcept;

/// True for the JSON Lines reader: each line of the input is a document of its own (sources.hpp).
bool is_json_lines(const ReaderSpec& reader) noexcept;

/// By name or alias; throws Error{unknown_writer}.
const WriterSpec& find_writer(std::string_view name);

/// By the extension of `path`, case-insensitively; nullptr when none matches.
const WriterSpec* writer_for_path(const std::filesystem::path& path) noexcept;

/// True for formats in which several documents are simply written one after another (jsonl), so
/// that many inputs may go to one output.
bool is_stream_format(const WriterSpec& writer) noexcept;

/// How the reader for one input was chosen, for --verbose.
struct ChosenReader {
  const ReaderSpec* spec = nullptr;
  std::string_view reason;  ///< "-f", "extension" or "content"
};

/// -f when given, else the input's extension, else a guess from the content (sniff_format).
/// Never the JSON Lines reader: its lines are read as json (see plan_sources).
ChosenReader choose_reader(const ReaderSpec* from, const std::string& name, std::string_view bytes);

/// The --list-input-formats / --list-output-formats table: name, aliases, extensions, description.
std::string reader_table();
std::string writer_table();

}  // namespace sheaf::cli
