#pragma once
// Reading inputs for the CLI: a named file or standard input ("-"), within the size limit, and the
// format guess for input whose extension says nothing.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sheaf::cli {

/// The inputs with each folder replaced by the files under it, recursively, for which
/// `has_reader` (by extension) is true, sorted by path; hidden files and folders (".name") are skipped.
/// Files and "-" are kept as given, in order. Throws Error{not_found} for a folder without any
/// such file.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       const std::function<bool(const std::filesystem::path&)>& has_reader);

/// The deepest folder that contains every named input (absolute, lexically normal); outputs under
/// --output-dir mirror the inputs' paths relative to it. "-" is ignored.
std::filesystem::path common_folder(const std::vector<std::string>& inputs);

/// The bytes of `name` ("-" = standard input). Throws Error{not_found} naming a missing file,
/// Error{io} for unreadable ones and Error{limit} when the input exceeds `max_bytes`.
std::string read_input(const std::string& name, std::size_t max_bytes);

/// The paths listed in `name` ("-" = standard input) for --files-from: one a line (a trailing
/// CR dropped), or NUL-separated when `nul`; empty entries are skipped.
std::vector<std::string> read_path_list(const std::string& name, bool nul, std::size_t max_bytes);

/// The directory relative references in `name` resolve against: the file's folder, or "." for
/// standard input and bare file names.
std::string input_base(const std::string& name);

/// The reader name for bytes of unknown format, after a UTF-8 BOM and leading whitespace:
/// "---" line → "jekyll", '<' → "html", a first line "{...}" followed by another '{' → "jsonl"
/// (JSON Lines), other '{' → "json", anything else → "markdown".
std::string_view sniff_format(std::string_view bytes) noexcept;

}  // namespace sheaf::cli
