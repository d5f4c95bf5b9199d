#pragma once
// Defaults files (--defaults FILE, --dump-config): a YAML mapping of long option names to values,
// like pandoc's defaults files, so a batch job is reproducible from one file (docs/cli.md).
// yaml-cpp stays behind converters/jekyll/front_matter.*: the file is read with its parser.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace sheaf::cli {

/// The mapping in the YAML file `path`, in file order. Throws Error{not_found}/Error{io} when the
/// file cannot be read and Error{parse} (with line:column) when it is not a YAML mapping; a
/// repeated key takes its last value.
MetaMap read_defaults_file(const std::string& path);

/// The command-line words for one field of a defaults file: `--name value` for each value.
/// `takes_value` false (a switch): true gives `--name`, false gives nothing. A list gives one
/// `--name value` per item (for options that repeat); a mapping under `metadata` gives
/// `--metadata key=value` per field. Throws Error{usage} naming `path` for a value of the wrong
/// shape (a list or mapping where one value is expected, a switch that is not true/false).
std::vector<std::string> defaults_arguments(const std::string& path, const MetaField& field,
                                            bool takes_value, bool repeats);

/// `text` as a YAML double-quoted scalar (JSON-compatible escapes), which reads back unchanged.
std::string yaml_quoted(std::string_view text);

}  // namespace sheaf::cli
