#pragma once
// The sheaf command line (docs/cli.md), parsed with Boost.Program_options into one plain struct.
// Parsing checks the shape of each flag only; formats and files are resolved later by run().
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "converters/fetch/remote_fetcher.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf::cli {

enum class Mode { convert, help, version, list_input_formats, list_output_formats, dump_config };
enum class Verbosity { quiet, normal, verbose };
enum class DiagnosticsFormat { gnu, json };
enum class GroupBy { month, year, category, tag, author };

struct CliOptions {
  Mode mode = Mode::convert;
  std::vector<std::string> inputs;        ///< as given; empty or "-" means stdin
  std::optional<std::string> from;        ///< -f; unset: from each input's extension, else sniffed
  std::optional<std::string> to;          ///< -t; unset: from -o's extension, else markdown
  std::optional<std::string> output;      ///< -o; unset or "-": stdout
  std::optional<std::string> output_dir;  ///< --output-dir: one output per input
  std::optional<std::string> input_root;  ///< --input-root: folders mirrored below it; unset: the inputs' common folder
  std::optional<std::string> files_from;  ///< --files-from: more input paths, one a line ("-" = stdin)
  bool files_from_null = false;           ///< -0: the --files-from list is NUL-separated
  bool fail_fast = false;                 ///< --fail-fast: start nothing new after a failure
  bool unpublished = false;               ///< --unpublished: keep `published: false` posts in batch and book mode
  bool progress = true;                   ///< batch progress line when stderr is a terminal
  std::optional<GroupBy> group_by;        ///< --group-by: one EPUB per group under --output-dir; unset: none
  bool incremental = false;               ///< --incremental: skip outputs recorded as up to date
  std::optional<std::string> metadata_file;           ///< --metadata-file (YAML mapping)
  std::vector<std::pair<std::string, MetaValue>> metadata;  ///< -M, in command-line order
  ReaderOptions reader;
  WriterOptions writer;
  fetch::FetchOptions fetch;  ///< --offline, --cache-dir, --fetch-timeout, --max-image-size (with --fetch-images)
  unsigned jobs = 0;  ///< -j; 0 until parsed, then at least 1 (default: hardware threads)
  Verbosity verbosity = Verbosity::normal;
  bool fail_if_warnings = false;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::gnu;
  std::string help_text;  ///< the grouped option list, for --help
  std::string config_text;  ///< --dump-config: the options given, as a defaults file (YAML)
  std::string options_text;  ///< the same text for every mode: --incremental fingerprints it
};

/// Parses argv. Throws Error{usage} with a one-line message for anything malformed.
CliOptions parse_command_line(int argc, const char* const argv[]);

/// Types a -M value as YAML types a plain scalar, within what sheaf needs: true/false (any of
/// YAML 1.2's spellings) → bool, a decimal integer that fits 64 bits → integer, else the string.
MetaValue typed_metadata_value(const std::string& text);

}  // namespace sheaf::cli
