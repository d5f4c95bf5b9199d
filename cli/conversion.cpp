#include "cli/conversion.hpp"

#include <sstream>

#include "cli/fetch_session.hpp"
#include "cli/formats.hpp"
#include "cli/input.hpp"
#include "cli/output.hpp"
#include "core/meta.hpp"

namespace sheaf::cli {
namespace {

/// Forwards to another context, moving the positions that name `name` down by `offset` lines:
/// a JSON Lines document is parsed on its own, but messages point into the whole input.
class LineOffsetContext : public Context {
 public:
  LineOffsetContext(Context& inner, std::string name, std::uint32_t offset)
      : inner_(inner), name_(std::move(name)), offset_(offset) {}
  void report(Diagnostic d) override {
    if (d.source_name == name_ && d.pos.line > 0) d.pos.line += offset_;
    inner_.report(std::move(d));
  }
  std::optional<std::string> read_file(const std::filesystem::path& path) override { return inner_.read_file(path); }
  std::optional<std::uintmax_t> file_size(const std::filesystem::path& path) override { return inner_.file_size(path); }
  std::chrono::system_clock::time_point now() override { return inner_.now(); }

 private:
  Context& inner_;
  std::string name_;
  std::uint32_t offset_;
};

Document parse(const Plan& plan, const Source& source, std::string_view bytes, Context& context) {
  const ReaderOptions& options = plan.options->reader;
  const Input input{bytes, source.name, input_base(source.name)};
  if (source.line > 0) {
    const ReaderSpec& json = find_reader("json");
    Diagnostic chosen = note("cli.reader", "read as json (a line of JSON Lines)", source.name);
    chosen.pos = SourcePos{source.line, 0};
    context.report(std::move(chosen));
    LineOffsetContext shifted(context, source.name, source.line - 1);
    try {
      return json.read(input, options, shifted);
    } catch (const Error& e) {
      if (e.source_name() != source.name) throw;
      const SourcePos pos = e.pos().line > 0 ? SourcePos{e.pos().line + source.line - 1, e.pos().column}
                                             : SourcePos{source.line, 0};
      throw Error(e.code(), e.what(), e.source_name(), pos);
    }
  }
  const ChosenReader reader = choose_reader(plan.from, source.name, bytes);
  context.report(note("cli.reader", "read as " + std::string(reader.spec->name) + " (chosen by " +
                                        std::string(reader.reason) + ")", source.name));
  return reader.spec->read(input, options, context);
}

}  // namespace

Diagnostic note(std::string id, std::string message, std::string source) {
  return Diagnostic{Severity::info, std::move(id), std::move(message), std::move(source), {}};
}

Document load(const Plan& plan, const Source& source, Context& context) {
  if (source.error) throw *source.error;
  std::string owned;
  std::string_view bytes = source.text;
  if (!source.bytes) {
    owned = read_input(source.name, plan.options->reader.max_input_bytes);
    bytes = owned;
  }
  Document doc = parse(plan, source, bytes, context);
  if (doc.source_name.empty()) doc.source_name = source.name;
  if (doc.base.empty()) doc.base = input_base(source.name);
  // pandoc's precedence: the document's own metadata beats --metadata-file, -M beats both.
  for (const MetaField& f : plan.metadata_defaults)
    if (!meta_find(doc.meta, f.key)) meta_set(doc.meta, f.key, f.value);
  for (const auto& [key, value] : plan.metadata) meta_set(doc.meta, key, value);
  return doc;
}

bool skip_draft(const Document& doc, const std::string& source, Context& context) {
  const MetaValue* published = meta_find(doc.meta, "published");
  if (!published || *published != MetaValue{false}) return false;
  context.report(note("cli.unpublished", "skipped: published: false (--unpublished keeps it)", source));
  return true;
}

Outcome convert_to_file(const Plan& plan, const Source& source, const std::filesystem::path& target,
                        bool skip_drafts) {
  return guarded(source.name, [&](FileContext& context, Outcome&) {
    const Document doc = load(plan, source, context);
    if (skip_drafts && skip_draft(doc, source.name, context)) return;
    FetchingContext fetching(context, plan.fetcher);
    write_file_atomically(target, [&](std::ostream& out) {
      plan.writer->write(doc, plan.options->writer, fetching, out);
    });
    context.report(note("cli.output", "wrote " + target.string(), source.name));
  });
}

Outcome convert_to_string(const Plan& plan, const Source& source, bool skip_drafts) {
  return guarded(source.name, [&](FileContext& context, Outcome& outcome) {
    const Document doc = load(plan, source, context);
    if (skip_drafts && skip_draft(doc, source.name, context)) return;
    std::ostringstream out;
    FetchingContext fetching(context, plan.fetcher);
    plan.writer->write(doc, plan.options->writer, fetching, out);
    outcome.output = std::move(out).str();
  });
}

}  // namespace sheaf::cli
