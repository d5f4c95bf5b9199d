#include "cli/run.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/conversion.hpp"
#include "cli/fetch_session.hpp"
#include "cli/formats.hpp"
#include "cli/grouping.hpp"
#include "cli/input.hpp"
#include "cli/interrupt.hpp"
#include "cli/manifest.hpp"
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
  std::size_t unchanged = 0;  // --incremental: up to date, not converted
  std::size_t unpublished = 0;  // drafts left out (cli.unpublished): nothing written, not converted
  std::optional<ErrorCode> first_failure;

  /// Reports one outcome and redraws the progress line; returns true when it succeeded.
  bool add(Reporter& reporter, const Outcome& outcome) {
    const bool ok = record(reporter, outcome);
    reporter.progress(converted + failed + not_started + unchanged + unpublished);
    return ok;
  }
  /// Counts a source --incremental found up to date.
  void add_unchanged(Reporter& reporter) {
    ++unchanged;
    reporter.progress(converted + failed + not_started + unchanged);
  }
  /// Counts a failure found after the sources were reported (a book that cannot be written).
  void add_failure(Reporter& reporter, const Error& e) {
    reporter.error(e);
    ++failed;
    if (!first_failure) first_failure = e.code();
  }

 private:
  bool record(Reporter& reporter, const Outcome& outcome) {
    if (outcome.skipped) {
      ++not_started;
      return false;
    }
    reporter.diagnostics(outcome.diagnostics);
    if (!outcome.error) {
      const bool draft = std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.id == "cli.unpublished"; });
      ++(draft ? unpublished : converted);
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

void end_batch(const CliOptions& o, Reporter& reporter, const Tally& tally) {
  reporter.summary(tally.converted, tally.failed, tally.not_started,
                   o.incremental ? std::optional<std::size_t>(tally.unchanged) : std::nullopt, tally.unpublished);
}

/// What --incremental compares besides the input bytes: sheaf's version, the output format, every
/// option that shapes the output (as --dump-config spells them), and the bytes of the files
/// options name (--metadata-file, --css, --cover). Options that change only how sheaf runs or
/// talks (-j, --quiet, --fail-fast, --incremental…) and which inputs are given are left out, so
/// adding inputs or changing -j does not redo the others.
std::string options_fingerprint(const Plan& plan) {
  const CliOptions& o = *plan.options;
  static const std::set<std::string, std::less<>> kIgnored = {
      "input-files", "input-root",       "output",      "output-dir",  "jobs",       "files-from", "null",
      "fail-fast",   "verbose",          "quiet",       "diagnostics", "incremental", "no-progress",
      "fail-if-warnings"};
  ContentHash hash;
  hash.add_part(version_text());
  hash.add_part(plan.writer->name);
  std::istringstream lines(o.options_text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#') continue;
    if (kIgnored.contains(std::string_view(line).substr(0, line.find(':')))) continue;
    hash.add_part(line);
  }
  const auto file = [&](const std::string& path) {
    hash.add_part(path);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    hash.add_part(in ? content_hash(bytes.str()) : std::string("missing"));
  };
  if (o.metadata_file) file(*o.metadata_file);
  for (const std::string& css : o.writer.epub.css_files) file(css);
  if (!o.writer.epub.cover.empty()) file(o.writer.epub.cover);
  return hash.hex();
}

/// The source with its bytes read ahead (--incremental hashes them, then converts the same
/// bytes); a reading error is kept in the source, to be reported when it is converted.
Source read_ahead(const Source& given, std::size_t max_input_bytes) {
  Source source = given;
  if (source.error || source.bytes) return source;
  try {
    auto bytes = std::make_shared<const std::string>(read_input(source.name, max_input_bytes));
    source.text = *bytes;
    source.bytes = std::move(bytes);
  } catch (const Error& e) {
    source.error = e;
  }
  return source;
}

/// True when the outcome is a draft left out (`cli.unpublished`): nothing was written for it.
bool left_out_as_draft(const Outcome& outcome) {
  return std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                     [](const Diagnostic& d) { return d.id == "cli.unpublished"; });
}

/// Saves the manifest after a run; a failure to save is a failure of the run.
void save_manifest(Manifest& manifest, Reporter& reporter, Tally& tally) {
  try {
    manifest.save();
  } catch (const Error& e) {
    tally.add_failure(reporter, e);
  }
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

/// The file-name stem of a JSON Lines document's `source.name` ("" when it has none or the line
/// is not a JSON object with one); only characters safe in a file name are kept.
std::string jsonl_source_stem(std::string_view line) {
  const nlohmann::json doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("source") || !doc["source"].is_object()) return "";
  const auto& name = doc["source"].value("name", nlohmann::json());
  if (!name.is_string()) return "";
  std::string stem = fs::path(name.get<std::string>()).stem().string();
  if (stem == "." || stem == ".." || stem == "-" || stem.find_first_of("/\\") != std::string::npos) return "";
  return stem;
}

/// --output-dir target of each source: DIR / <folder relative to the inputs' common folder> /
/// <stem>.<first extension of the writer>; JSON Lines sources are <stem>-<line>. The name comes
/// from the input's file name alone, never from its content: a Jekyll post already is
/// `<date>-<slug>.md` and keeps that name, and a post whose date is only in its front matter keeps
/// its stem. So every target is known, and collisions are found, before any input is read, and
/// editing a post's front matter never renames its output. Two sources with the same target are
/// refused before anything is written.
std::vector<fs::path> output_targets(const Plan& plan) {
  const CliOptions& o = *plan.options;
  const fs::path dir = *o.output_dir;
  const std::string ext = plan.writer->extensions.empty() ? ".out" : std::string(plan.writer->extensions.front());
  std::vector<std::string> names;
  for (const Source& s : plan.sources) names.push_back(s.name);
  // Mirroring the folders below the deepest one the inputs share keeps posts of the same name in
  // different folders (archived/2021-01-01/x.md, _posts/x.md) apart.
  // --input-root fixes that folder, so that runs over parts of a site (GNU parallel, one chunk of
  // inputs per process) lay their outputs out as one run over the whole site would.
  const fs::path shared = o.input_root ? fs::absolute(fs::path(*o.input_root)).lexically_normal() : common_folder(names);
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
      if (o.input_root && (relative.empty() || *relative.begin() == ".."))
        throw Error(ErrorCode::usage, "input '" + s.name + "' is not under --input-root '" + *o.input_root + "'");
      stem = input.stem().string();
    }
    const std::string label = s.line > 0 ? s.name + ":" + std::to_string(s.line) : s.name;
    if (s.line > 0) {
      // A JSON Lines document is named after the file it was read from (its `source.name`), so
      // that `-t jsonl | … | -f jsonl --output-dir` names outputs as a direct run would; without
      // one, or when two documents share it, after the JSON Lines file and the line.
      const std::string own = jsonl_source_stem(s.text);
      const fs::path by_source = (dir / relative / (own + ext)).lexically_normal();
      stem = !own.empty() && !claimed.contains(by_source) ? own : stem + "-" + std::to_string(s.line);
    }
    const fs::path target = (dir / relative / (stem + ext)).lexically_normal();
    if (auto [it, fresh] = claimed.emplace(target, label); !fresh)
      throw Error(ErrorCode::usage, "'" + it->second + "' and '" + label + "' would both be written to '" +
                                        target.string() + "'");
    targets.push_back(target);
  }
  return targets;
}

/// One source's result in --output-dir mode.
struct Job {
  Outcome outcome;
  bool unchanged = false;  // --incremental: up to date, not converted
  std::string hash;        // --incremental: hash of the input bytes
};

/// --output-dir: one file per source, in parallel; failures reported, the others written.
/// --incremental skips a source whose output the folder's manifest records as made from the same
/// bytes and options, and records each output written.
int run_output_dir(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  const std::vector<fs::path> targets = output_targets(plan);
  std::error_code ec;
  fs::create_directories(*o.output_dir, ec);
  if (ec) throw Error(ErrorCode::io, "cannot create output folder: " + ec.message(), *o.output_dir);

  // Workers read `previous` only; the emitting thread updates `next`.
  const fs::path dir = fs::path(*o.output_dir).lexically_normal();
  std::optional<Manifest> previous;
  std::optional<Manifest> next;
  std::string options_hash;
  if (o.incremental) {
    previous = Manifest::load(*o.output_dir);
    next = previous;
    options_hash = options_fingerprint(plan);
  }
  const auto key = [&](std::size_t i) { return targets[i].lexically_relative(dir).generic_string(); };

  Tally tally;
  FailFast fail_fast(o.fail_fast);
  start_progress(o, reporter, plan.sources.size());
  run_ordered<Job>(
      plan.sources.size(), o.jobs,
      [&](std::size_t i) {
        Job job;
        job.outcome = fail_fast.run([&] {
          Source source = plan.sources[i];
          if (previous) {
            source = read_ahead(source, o.reader.max_input_bytes);
            if (!source.error) {
              job.hash = content_hash(source.text);
              if (previous->up_to_date(key(i), job.hash, options_hash)) {
                job.unchanged = true;
                return Outcome{};
              }
            }
          }
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
        });
        return job;
      },
      [&](std::size_t i, Job&& job) {
        if (job.unchanged) {
          tally.add_unchanged(reporter);
          return;
        }
        const bool ok = tally.add(reporter, job.outcome);
        if (!next || job.outcome.skipped) return;
        if (ok && !left_out_as_draft(job.outcome)) next->record(key(i), job.hash, options_hash);
        else next->forget(key(i));
      });
  if (next) save_manifest(*next, reporter, tally);
  end_batch(o, reporter, tally);
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
  end_batch(o, reporter, tally);
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
      FetchingContext fetching(context, plan.fetcher);
      const auto write = [&](std::ostream& out) { epub::write_book(chapters, book_meta, o.writer, fetching, out); };
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
  end_batch(o, reporter, tally);
  return finish(o, reporter, tally.first_failure);
}

/// One input of --group-by: its groups, not its document (a book re-reads its posts when it is
/// built, so that only one book's documents are in memory at a time).
struct Member {
  Outcome outcome;
  std::vector<GroupName> groups;
  std::string hash;      // --incremental: hash of the input bytes
  bool parsed = false;   // read and parsed in this run (else its groups came from the manifest)
  bool chapter = false;  // parsed without error and not a draft left out: its books include it
};

/// One book of --group-by: its members in source order.
struct Book {
  std::string label;
  std::vector<std::size_t> members;
  std::string fingerprint;  // --incremental: the options and every member's name and hash
};

/// The manifest's name of a source: its absolute path (with `:line` for a JSON Lines document).
std::string input_key(const Source& s) {
  std::string key = s.name == "-" ? s.name : fs::absolute(fs::path(s.name)).lexically_normal().string();
  if (s.line > 0) key += ":" + std::to_string(s.line);
  return key;
}

/// The document of a post of --group-by, or nothing for a draft left out (with its note).
std::optional<Document> load_post(const Plan& reading, const Source& source, FileContext& context) {
  Document doc = load(reading, source, context);
  if (!reading.options->unpublished && skip_draft(doc, source.name, context)) return std::nullopt;
  return doc;
}

/// Reads and parses one member for its groups; the document is dropped. A draft is left out
/// with its note.
Outcome parse_member(const Plan& reading, const Source& source, Member& m) {
  m.parsed = true;
  m.chapter = false;
  return guarded(source.name, [&](FileContext& context, Outcome&) {
    const std::optional<Document> doc = load_post(reading, source, context);
    if (!doc) {
      m.groups.clear();
      return;
    }
    m.groups = group_names(doc->meta, *reading.options->group_by);
    m.chapter = true;
  });
}

/// The chapters of one book, in source order: its posts read and parsed again (in parallel).
/// Their diagnostics were reported when they were first parsed, so they are dropped here; a post
/// that fails now (changed or removed since) fails the book with its error.
std::vector<Document> load_chapters(const Plan& reading, const std::vector<Source>& sources,
                                    const std::vector<std::size_t>& posts) {
  struct Chapter {
    std::optional<Document> doc;
    std::optional<Error> error;
  };
  std::vector<Document> chapters;
  std::optional<Error> first_error;
  run_ordered<Chapter>(
      posts.size(), reading.options->jobs,
      [&](std::size_t k) {
        Chapter chapter;
        const Source& source = sources[posts[k]];
        chapter.error = guarded(source.name, [&](FileContext& context, Outcome&) {
                          chapter.doc = load_post(reading, source, context);
                        }).error;
        return chapter;
      },
      [&](std::size_t, Chapter&& chapter) {
        if (chapter.error && !first_error) first_error = std::move(chapter.error);
        if (chapter.doc && !first_error) chapters.push_back(std::move(*chapter.doc));
      });
  if (first_error) throw *first_error;
  return chapters;
}

/// --group-by: every source read (in parallel) for its groups and dropped, then the books one at
/// a time, each one's posts read again (in parallel), written and freed before the next: memory
/// is bounded by the largest book and the jobs in flight, not by the number of inputs. With
/// --incremental an input whose bytes and options are unchanged is not parsed
/// unless a book it belongs to must be rebuilt, and a book is rebuilt only when its list of
/// posts, one of their bytes or the options changed.
int run_grouped(const Plan& plan, Reporter& reporter) {
  const CliOptions& o = *plan.options;
  for (const Source& s : plan.sources)
    if (s.name == "-" && s.line == 0)
      throw Error(ErrorCode::usage, "--group-by needs named inputs; standard input has no name (unless it is JSON Lines)");
  const fs::path dir = *o.output_dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::io, "cannot create output folder: " + ec.message(), dir.string());
  Plan reading = plan;  // chapters keep their own metadata; -M describes the books
  reading.metadata_defaults.clear();
  reading.metadata.clear();

  std::optional<Manifest> previous;
  std::optional<Manifest> next;
  std::string options_hash;
  if (o.incremental) {
    previous = Manifest::load(dir);
    next = previous;
    options_hash = options_fingerprint(plan);
  }

  // 1. Read every source (or, with --incremental, take an unchanged one's groups as recorded).
  std::vector<Member> members(plan.sources.size());
  Tally tally;
  FailFast fail_fast(o.fail_fast);
  start_progress(o, reporter, plan.sources.size());
  run_ordered<Member>(
      plan.sources.size(), o.jobs,
      [&](std::size_t i) {
        Member m;
        m.outcome = fail_fast.run([&] {
          Source source = plan.sources[i];
          if (previous) {
            source = read_ahead(source, o.reader.max_input_bytes);
            if (!source.error) {
              m.hash = content_hash(source.text);
              const ManifestInput* known = previous->find_input(input_key(source));
              if (known && known->input == m.hash && known->options == options_hash) {
                for (const auto& [stem, label] : known->groups) m.groups.push_back(GroupName{stem, label});
                return Outcome{};
              }
            }
          }
          return parse_member(reading, source, m);
        });
        return m;
      },
      [&](std::size_t i, Member&& m) {
        // Not parsed and not skipped by --fail-fast: unchanged, its groups taken from the manifest.
        const bool reused = !m.parsed && !m.outcome.skipped;
        bool ok = true;
        if (reused) tally.add_unchanged(reporter);
        else ok = tally.add(reporter, m.outcome);
        if (next && !m.outcome.skipped) {
          const std::string key = input_key(plan.sources[i]);
          if (ok) {
            ManifestInput entry{m.hash, options_hash, {}};
            for (const GroupName& g : m.groups) entry.groups.emplace_back(g.stem, g.label);
            next->record_input(key, std::move(entry));
          } else {
            next->forget_input(key);
          }
        }
        if (!ok) {
          m.groups.clear();
          m.chapter = false;
        }
        members[i] = std::move(m);
      });

  // 2. The books, by file name; each keeps its members in source order.
  std::map<std::string, Book> books;
  for (std::size_t i = 0; i < members.size(); ++i)
    for (const GroupName& g : members[i].groups) {
      Book& book = books[g.stem];
      if (book.members.empty()) book.label = g.label;
      book.members.push_back(i);
    }
  std::vector<std::map<std::string, Book>::iterator> to_build;
  for (auto it = books.begin(); it != books.end(); ++it) {
    if (previous) {
      ContentHash fingerprint;
      fingerprint.add_part(options_hash);
      for (const std::size_t i : it->second.members) {
        fingerprint.add_part(input_key(plan.sources[i]));
        fingerprint.add_part(members[i].hash);
      }
      it->second.fingerprint = fingerprint.hex();
      if (previous->up_to_date(it->first + ".epub", it->second.fingerprint, options_hash)) continue;
    }
    to_build.push_back(it);
  }
  const bool stopped = o.fail_fast && tally.failed > 0;

  // 3. Parse the unchanged members of the books that must be rebuilt after all.
  std::vector<std::size_t> missing;
  if (!stopped) {
    std::set<std::size_t> wanted;
    for (const auto& it : to_build)
      for (const std::size_t i : it->second.members)
        if (!members[i].parsed) wanted.insert(i);
    missing.assign(wanted.begin(), wanted.end());
  }
  std::set<std::string> incomplete;  // books missing a member that failed only now
  run_ordered<Outcome>(
      missing.size(), o.jobs,
      [&](std::size_t k) {
        const std::size_t i = missing[k];
        return parse_member(reading, read_ahead(plan.sources[i], o.reader.max_input_bytes), members[i]);
      },
      [&](std::size_t k, Outcome&& outcome) {
        const std::size_t i = missing[k];
        reporter.diagnostics(outcome.diagnostics);
        --tally.unchanged;  // it was counted unchanged; now it is converted or failed
        if (outcome.error) {
          members[i].chapter = false;
          tally.add_failure(reporter, *outcome.error);
          for (const GroupName& g : members[i].groups) incomplete.insert(g.stem);
          if (next) next->forget_input(input_key(plan.sources[i]));
        } else {
          ++tally.converted;
        }
      });

  // 4. Write the books, one at a time. The epub writer is deterministic, and every book's
  // chapters are in source order before it sorts them, so books do not depend on -j.
  MetaMap book_meta = plan.metadata_defaults;
  for (const auto& [key, value] : plan.metadata) meta_set(book_meta, key, value);
  const std::optional<std::string> title = meta_string(book_meta, meta_key::title);
  if (stopped) to_build.clear();
  run_ordered<Outcome>(
      to_build.size(), 1,
      [&](std::size_t b) {
        // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
        const std::string& stem = to_build[b]->first;
        const auto& book = to_build[b]->second;
        const fs::path target = dir / (stem + ".epub");
        return guarded(target.string(), [&](FileContext& context, Outcome&) {
          std::vector<std::size_t> posts;
          for (const std::size_t i : book.members)
            if (members[i].chapter) posts.push_back(i);
          const std::vector<Document> chapters = load_chapters(reading, plan.sources, posts);
          MetaMap meta = book_meta;
          meta_set(meta, meta_key::title, MetaValue{title ? *title + " — " + book.label : book.label});
          write_file_atomically(target, [&](std::ostream& out) { epub::write_book(chapters, meta, o.writer, context, out); });
          context.report(note("cli.output", "wrote " + target.string() + " (" + std::to_string(chapters.size()) +
                                                (chapters.size() == 1 ? " chapter)" : " chapters)"), target.string()));
        });
      },
      [&](std::size_t b, Outcome&& outcome) {
        const auto& [stem, book] = *to_build[b];
        reporter.diagnostics(outcome.diagnostics);
        if (outcome.error) {
          tally.add_failure(reporter, *outcome.error);
          if (next) next->forget(stem + ".epub");
        } else if (next) {
          if (incomplete.contains(stem)) next->forget(stem + ".epub");
          else next->record(stem + ".epub", book.fingerprint, options_hash);
        }
      });
  if (next) save_manifest(*next, reporter, tally);
  end_batch(o, reporter, tally);
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
  if (o.group_by) return find_writer("epub");  // --group-by makes books
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
  FetchSession fetch_session(o, reporter);  // --fetch-images: one fetcher for the run; reports at the end
  plan.fetcher = fetch_session.fetcher();

  if (plan.sources.empty()) return finish(o, reporter, std::nullopt);  // empty JSON Lines: nothing to do
  if (o.group_by) {
    if (plan.writer->write != &epub::write)
      throw Error(ErrorCode::usage, "--group-by makes EPUB books, not " + std::string(plan.writer->name) +
                                        " (leave out -t, or use -t epub)");
    return run_grouped(plan, reporter);
  }
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
