#pragma once
// The modes of the sheaf command (docs/cli.md): information (--help, --version, --list-*), one
// input to one output, many inputs to an output folder (--output-dir, in parallel), and many
// inputs to one stream (-t jsonl).
#include "cli/cli_options.hpp"

namespace sheaf::cli {

/// Carries out the parsed command line and returns the process exit code. All messages go to
/// standard error through a Reporter; converter errors become their ErrorCode as exit code.
int run(const CliOptions& options);

}  // namespace sheaf::cli
