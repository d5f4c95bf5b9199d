#include "cli/run.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/conversion.hpp"
#include "cli/formats.hpp"
#include "cli/input.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "cli/parallel.hpp"
#include "cli/report.hpp"
#include "cli/version.hpp"
#include "converters/epub/epub.hpp"
#include "converters/jekyll/front_matter.hpp"
#include "core/meta.hpp"

namespace sheaf::cli {
namespace {

namespace fs = std::filesystem;

bool to_stdout(const CliOptions& o) { return !o.output_dir && (!o.output || *o.output == "-"); }

/// Counts outcomes as they are reported, in source order.
struct Tally {
  std::size_t converted = 0;
  std::size_t failed = 0;
  std::size_t not_started = 0;
  std::optional<ErrorCode> first_failure;

  /// Reports one outcome and redraws the progress line; returns true when it succeeded.
  bool add(Reporter& reporter, const Outcome& outcome) {
    const bool ok = record(reporter, outcome);
    reporter.progress(converted + failed + not_started);
    return ok;
  }

 private:
  bool record(Reporter& reporter, const Outcome& outcome) {
    if (outcome.skipped) {
      ++not_started;
      return false;
    }
    reporter.diagnostics(outcome.diagnostics);
    if (!outcome.error) {
      ++converted;
      return true;
    }
    reporter.error(*outcome.error);
    ++failed;
    if (!first_failure) first_failure = outcome.error->code();
    return false;
  }
};

/// Exit code of a finished run: the first failure's code, else 3 for --fail-if-warnings.
int finish(const CliOptions& o, Reporter& reporter, std::optional<ErrorCode> first_failure) {
  if (first_failure) return static_cast<int>(*first_failure);
  if (o.fail_if_warnings && reporter.warnings() > 0) {
    reporter.error(Error(ErrorCode::warnings_as_errors,
                         "failing because of " + std::to_string(reporter.warnings()) +
                             (reporter.warnings() == 1 ? " warning" : " warnings") + " (--fail-if-warnings)"));
    return static_cast<int>(ErrorCode::warnings_as_errors);
  }
  return 0;
}

/// --fail-fast for the batch modes: once a source fails, sources not yet started are skipped.
/// Sources are started in order, so every source before the failing one has run; with -j 1 no
/// source after it runs.
class FailFast {
 public:
  explicit FailFast(bool on) : on_(on) {}
  template <class Convert>
  Outcome run(Convert convert) {
    if (on_ && stop_.load()) {
      Outcome skipped;
      skipped.skipped = true;
      return skipped;
    }
    Outcome outcome = convert();
    if (on_ && outcome.error) stop_.store(true);
    return outcome;
  }

 private:
  bool on_;
  std::atomic<bool> stop_{false};
};

void start_progress(const CliOptions& o, Reporter& reporter, std::size_t total) {
  if (o.progress && stderr_is_terminal()) reporter.enable_progress(total);
}

void end_batch(Reporter& reporter, const Tally& tally) {
  reporter.summary(tally.converted, tally.failed, tally.not_started);
}

int run_single(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  const Source& source = plan.sources.front();
  Outcome outcome;
  if (to_stdout(o)) {
    outcome = convert_to_string(plan, source);
    if (!outcome.error) {
      try {
        write_stdout(outcome.output);
      } catch (const Error& e) {
        outcome.error = e;
      }
    }
  } else {
    outcome = convert_to_file(plan, source, *o.output);
  }
  Tally tally;
  tally.add(reporter, outcome);
  return finish(o, reporter, tally.first_failure);
}

/// --output-dir target of each source: DIR / <folder relative to the inputs' common folder> /
/// <stem>.<first extension of the writer>; JSON Lines sources are <stem>-<line>.
std::vector<fs::path> output_targets(const Plan& plan) {
  const CliOptions& o = *plan.options;
  const fs::path dir = *o.output_dir;
  const std::string ext = plan.writer->extensions.empty() ? ".out" : std::string(plan.writer->extensions.front());
  std::vector<std::string> names;
  for (const Source& s : plan.sources) names.push_back(s.name);
  // Mirroring the folders below the deepest one the inputs share keeps posts of the same name in
  // different folders (archived/2021-01-01/x.md, _posts/x.md) apart.
  const fs::path shared = common_folder(names);
  std::vector<fs::path> targets;
  std::map<fs::path, std::string> claimed;
  for (const Source& s : plan.sources) {
    if (s.name == "-" && s.line == 0)
      throw Error(ErrorCode::usage, "--output-dir needs named inputs; standard input has no name (unless it is JSON Lines)");
    fs::path relative;
    std::string stem = "stdin";
    if (s.name != "-") {
      const fs::path input = fs::absolute(fs::path(s.name)).lexically_normal();
      relative = input.parent_path().lexically_relative(shared);
      stem = input.stem().string();
    }
    if (s.line > 0) stem += "-" + std::to_string(s.line);
    const fs::path target = (dir / relative / (stem + ext)).lexically_normal();
    const std::string label = s.line > 0 ? s.name + ":" + std::to_string(s.line) : s.name;
    if (auto [it, fresh] = claimed.emplace(target, label); !fresh)
      throw Error(ErrorCode::usage, "'" + it->second + "' and '" + label + "' would both be written to '" +
                                        target.string() + "'");
    targets.push_back(target);
  }
  return targets;
}

/// --output-dir: one file per source, in parallel; failures reported, the others written.
int run_output_dir(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  const std::vector<fs::path> targets = output_targets(plan);
  std::error_code ec;
  fs::create_directories(*o.output_dir, ec);
  if (ec) throw Error(ErrorCode::io, "cannot create output folder: " + ec.message(), *o.output_dir);

  Tally tally;
  FailFast fail_fast(o.fail_fast);
  start_progress(o, reporter, plan.sources.size());
  run_ordered<Outcome>(
      plan.sources.size(), o.jobs,
      [&](std::size_t i) { return fail_fast.run([&] {
        const Source& source = plan.sources[i];
        Outcome early;
        // Converting into the input's own folder and format must not destroy the input.
        std::error_code same_ec;
        if (source.line == 0 && source.name != "-" && fs::equivalent(source.name, targets[i], same_ec)) {
          early.error = Error(ErrorCode::refused, "output '" + targets[i].string() + "' would overwrite the input", source.name);
          return early;
        }
        std::error_code dir_ec;
        fs::create_directories(targets[i].parent_path(), dir_ec);  // another job may create it too
        if (dir_ec && !fs::is_directory(targets[i].parent_path())) {
          early.error = Error(ErrorCode::io, "cannot create output folder: " + dir_ec.message(),
                              targets[i].parent_path().string());
          return early;
        }
        return convert_to_file(plan, source, targets[i], !o.unpublished);
      }); },
      [&](std::size_t, Outcome&& outcome) { tally.add(reporter, outcome); });
  end_batch(reporter, tally);
  return finish(o, reporter, tally.first_failure);
}

/// Several sources into one stream format (jsonl): each output in source order; a failing source
/// is reported and left out.
int run_stream(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  Tally tally;
  FailFast fail_fast(o.fail_fast);
  start_progress(o, reporter, plan.sources.size());
  const auto convert_all = [&](std::ostream* file) {
    run_ordered<Outcome>(
        plan.sources.size(), o.jobs,
        [&](std::size_t i) { return fail_fast.run([&] { return convert_to_string(plan, plan.sources[i], !o.unpublished); }); },
        [&](std::size_t, Outcome&& outcome) {
          if (!outcome.error) {
            try {
              if (file) file->write(outcome.output.data(), static_cast<std::streamsize>(outcome.output.size()));
              else write_stdout(outcome.output);
            } catch (const Error& e) {
              outcome.error = e;
            }
          }
          tally.add(reporter, outcome);
        });
  };
  if (to_stdout(o)) convert_all(nullptr);
  else write_file_atomically(*o.output, [&](std::ostream& out) { convert_all(&out); });
  end_batch(reporter, tally);
  return finish(o, reporter, tally.first_failure);
}

/// Several sources into one EPUB: every source read (in parallel), failures reported and left
/// out, then one book. -M and --metadata-file describe the book, not its chapters.
int run_book(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  struct Chapter {
    Outcome outcome;
    std::optional<Document> doc;
  };
  Plan reading = plan;  // chapters keep their own metadata
  reading.metadata_defaults.clear();
  reading.metadata.clear();

  std::vector<Document> chapters;
  Tally tally;
  FailFast fail_fast(o.fail_fast);
  start_progress(o, reporter, plan.sources.size());
  run_ordered<Chapter>(
      plan.sources.size(), o.jobs,
      [&](std::size_t i) {
        Chapter chapter;
        chapter.outcome = fail_fast.run([&] {
          return guarded(plan.sources[i].name, [&](FileContext& context, Outcome&) {
            chapter.doc = load(reading, plan.sources[i], context);
            if (!o.unpublished && skip_draft(*chapter.doc, plan.sources[i].name, context)) chapter.doc.reset();
          });
        });
        return chapter;
      },
      [&](std::size_t, Chapter&& chapter) {
        if (tally.add(reporter, chapter.outcome) && chapter.doc) chapters.push_back(std::move(*chapter.doc));
      });

  if (!chapters.empty() && !(o.fail_fast && tally.failed > 0)) {
    MetaMap book_meta = plan.metadata_defaults;
    for (const auto& [key, value] : plan.metadata) meta_set(book_meta, key, value);
    const std::string book_name = to_stdout(o) ? "-" : *o.output;
    const Outcome written = guarded(book_name, [&](FileContext& context, Outcome&) {
      const auto write = [&](std::ostream& out) { epub::write_book(chapters, book_meta, o.writer, context, out); };
      if (to_stdout(o)) {
        std::ostringstream out;
        write(out);
        write_stdout(std::move(out).str());
      } else {
        write_file_atomically(*o.output, write);
        context.report(note("cli.output", "wrote " + *o.output + " (" + std::to_string(chapters.size()) +
                                              " chapters)", *o.output));
      }
    });
    reporter.diagnostics(written.diagnostics);
    if (written.error) {
      reporter.error(*written.error);
      return static_cast<int>(written.error->code());
    }
  }
  end_batch(reporter, tally);
  return finish(o, reporter, tally.first_failure);
}

/// --metadata-file: a YAML mapping, typed as front matter is (the Jekyll reader's YAML adapter).
MetaMap load_metadata_file(const std::string& path, const ReaderOptions& options, Reporter& reporter) {
  const std::string yaml = read_input(path, options.max_input_bytes);
  FileContext context;
  MetaMap meta = jekyll::parse_front_matter(yaml, 1, path, options, context);
  reporter.diagnostics(context.take_diagnostics());
  return meta;
}

const WriterSpec& resolve_writer(const CliOptions& o) {
  if (o.to) return find_writer(*o.to);
  if (o.output && *o.output != "-")
    if (const WriterSpec* by_ext = writer_for_path(*o.output)) return *by_ext;
  return find_writer(kDefaultWriter);
}

int convert(const CliOptions& o, Reporter& reporter) {
  // Formats first: an unknown format fails before any input is read.
  Plan plan;
  plan.options = &o;
  plan.writer = &resolve_writer(o);
  if (o.from) plan.from = &find_reader(*o.from);
  std::vector<std::string> given = o.inputs;
  if (o.files_from) {
    if (*o.files_from == "-" && std::count(given.begin(), given.end(), "-") > 0)
      throw Error(ErrorCode::usage, "standard input cannot be both --files-from - and an input");
    for (std::string& path : read_path_list(*o.files_from, o.files_from_null, o.reader.max_input_bytes))
      given.push_back(std::move(path));
  }
  // No input reads standard input, unless a --files-from list (even an empty one) names them.
  if (given.empty() && !o.files_from) given.push_back("-");
  const std::vector<std::string> inputs =
      expand_inputs(given, [](const fs::path& p) { return reader_for_path(p) != nullptr; });
  if (std::count(inputs.begin(), inputs.end(), "-") > 1)
    throw Error(ErrorCode::usage, "standard input (-) can be read only once");
  // -o naming one of the inputs (or a link to it) would destroy that input: refused up front.
  if (o.output && *o.output != "-") {
    std::vector<std::string> read = inputs;
    if (o.metadata_file) read.push_back(*o.metadata_file);
    for (const std::string& input : read) {
      std::error_code same_ec;
      if (input != "-" && fs::equivalent(input, *o.output, same_ec))
        throw Error(ErrorCode::refused, "output '" + *o.output + "' would overwrite the input", input);
    }
  }
  if (plan.writer->kind == OutputKind::binary && to_stdout(o) && stdout_is_terminal())
    throw Error(ErrorCode::refused, "not writing " + std::string(plan.writer->name) +
                                        " (binary) to a terminal; use -o FILE or redirect standard output");
  if (o.metadata_file) plan.metadata_defaults = load_metadata_file(*o.metadata_file, o.reader, reporter);
  plan.metadata = o.metadata;
  plan.sources = plan_sources(inputs, plan.from, o.reader.max_input_bytes);

  if (plan.sources.empty()) return finish(o, reporter, std::nullopt);  // empty JSON Lines: nothing to do
  if (o.output_dir) return run_output_dir(plan, reporter);
  const bool single_input = inputs.size() == 1 && (plan.sources.size() == 1 && plan.sources.front().line == 0);
  if (single_input) return run_single(plan, reporter);
  if (is_stream_format(*plan.writer)) return run_stream(plan, reporter);
  if (plan.writer->write == &epub::write) return run_book(plan, reporter);
  if (plan.sources.size() == 1) return run_single(plan, reporter);  // one line of JSON Lines
  throw Error(ErrorCode::usage,
              std::to_string(plan.sources.size()) + " inputs but one " + std::string(plan.writer->name) +
                  " output: use --output-dir DIR for one output per input, -t epub for one book, or "
                  "-t jsonl for one JSON document per line");
}

}  // namespace

int run(const CliOptions& options) {
  Reporter reporter(options.verbosity, options.diagnostics);
  try {
    switch (options.mode) {
      case Mode::help: write_stdout(options.help_text); return 0;
      case Mode::dump_config: write_stdout(options.config_text); return 0;
      case Mode::version: write_stdout(version_text()); return 0;
      case Mode::list_input_formats: write_stdout(reader_table()); return 0;
      case Mode::list_output_formats: write_stdout(writer_table()); return 0;
      case Mode::convert: handle_interrupts(); return convert(options, reporter);
    }
    throw Error(ErrorCode::internal, "unhandled mode");
  } catch (const Error& e) {
    reporter.error(e);
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    const Error internal = internal_error(e);
    reporter.error(internal);
    return static_cast<int>(internal.code());
  }
}

}  // namespace sheaf::cli
