#pragma once
// Converting one source: read, parse, apply metadata, write; every failure captured as the
// source's Outcome so that batch modes report it and go on.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_options.hpp"
#include "cli/report.hpp"
#include "cli/sources.hpp"
#include "core/context.hpp"
#include "core/diagnostics.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"

namespace sheaf::fetch {
class RemoteFetcher;
}

namespace sheaf::cli {

/// What every conversion of a run shares, resolved once before any input is converted.
struct Plan {
  const CliOptions* options = nullptr;
  const ReaderSpec* from = nullptr;    ///< -f, or nullptr: chosen per source
  const WriterSpec* writer = nullptr;
  MetaMap metadata_defaults;           ///< --metadata-file: fills keys the document lacks
  std::vector<std::pair<std::string, MetaValue>> metadata;  ///< -M: replaces or adds keys
  std::vector<Source> sources;
  fetch::RemoteFetcher* fetcher = nullptr;  ///< --fetch-images: the run's one fetcher, else none
};

/// One source's result, handed to the Reporter in source order.
struct Outcome {
  std::vector<Diagnostic> diagnostics;
  std::optional<Error> error;
  std::string output;  ///< conversions to a string: the written bytes
  bool skipped = false;  ///< --fail-fast: not started because an earlier source failed
};

/// An informational diagnostic of the command itself (`cli.*`), shown with --verbose.
Diagnostic note(std::string id, std::string message, std::string source);

/// Reads and parses the source and applies the metadata of the plan. Errors name the source;
/// positions of JSON Lines sources are lines of the whole input.
Document load(const Plan& plan, const Source& source, Context& context);

/// Runs `body(context, outcome)` with a fresh FileContext; any exception becomes the outcome's
/// error (named after `name` when it names no file), and the context's diagnostics its list.
template <class Body>
Outcome guarded(const std::string& name, Body body);

/// Converts the source into `target`, written atomically.
Outcome convert_to_file(const Plan& plan, const Source& source, const std::filesystem::path& target,
                        bool skip_drafts = false);

/// Converts the source into Outcome::output.
Outcome convert_to_string(const Plan& plan, const Source& source, bool skip_drafts = false);

/// A Jekyll draft (`published: false`), which batch and book mode leave out unless --unpublished;
/// reports a `cli.unpublished` note when it is one.
bool skip_draft(const Document& doc, const std::string& source, Context& context);

template <class Body>
Outcome guarded(const std::string& name, Body body) {
  FileContext context;
  Outcome outcome;
  try {
    body(context, outcome);
  } catch (const Error& e) {
    outcome.error = e.with_source(name);
  } catch (const std::exception& e) {
    outcome.error = internal_error(e).with_source(name);
  }
  outcome.diagnostics = context.take_diagnostics();
  return outcome;
}

}  // namespace sheaf::cli
