// The public API (include/sheaf/sheaf.hpp): format choice, file I/O and the registry, over the
// converter table. Converters stay pure; this file only adds what the CLI also does around them.
#include "core/sniff.hpp"
#include "sheaf/sheaf.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace sheaf {
namespace {

const Registry& table(const Registry* registry) { return registry ? *registry : builtin_registry(); }

const ReaderSpec& choose_reader(const Registry& registry, const ReadOptions& options,
                                std::string_view bytes) {
  if (!options.format.empty()) return registry.reader(options.format);
  if (options.name != "-")
    if (const ReaderSpec* spec = registry.reader_for(options.name)) return *spec;
  return registry.reader(sniff_format(bytes));
}

const WriterSpec& choose_writer(const Registry& registry, const WriteOptions& options,
                                const std::filesystem::path* path) {
  if (!options.format.empty()) return registry.writer(options.format);
  if (path)
    if (const WriterSpec* spec = registry.writer_for(*path)) return *spec;
  return registry.writer("markdown");
}

void write_with(const WriterSpec& spec, const Document& document, std::ostream& out,
                const WriteOptions& options, Context* context) {
  FileContext fallback;
  spec.write(document, options.writer, context ? *context : fallback, out);
  out.flush();
  if (!out) throw Error(ErrorCode::io, "could not write the " + std::string(spec.name) + " output");
}

}  // namespace

std::string_view version() noexcept { return SHEAF_VERSION; }

Registry make_registry(std::vector<ReaderSpec> readers, std::vector<WriterSpec> writers) {
  const Registry& builtin = builtin_registry();
  readers.insert(readers.end(), builtin.readers().begin(), builtin.readers().end());
  writers.insert(writers.end(), builtin.writers().begin(), builtin.writers().end());
  return Registry(std::move(readers), std::move(writers));
}

Document read_string(std::string_view bytes, const ReadOptions& options, Context* context) {
  if (bytes.size() > options.reader.max_input_bytes)
    throw Error(ErrorCode::limit,
                "input larger than " + std::to_string(options.reader.max_input_bytes) + " bytes",
                options.name);
  const ReaderSpec& spec = choose_reader(table(options.registry), options, bytes);
  FileContext fallback;
  const Input input{bytes, options.name, options.base};
  try {
    return spec.read(input, options.reader, context ? *context : fallback);
  } catch (const Error& e) {
    throw e.with_source(options.name);
  }
}

Document read_file(const std::filesystem::path& path, ReadOptions options, Context* context) {
  options.name = path.string();
  const std::string parent = path.parent_path().string();
  options.base = parent.empty() ? "." : parent;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.reader.max_input_bytes)
    throw Error(ErrorCode::limit,
                "input larger than " + std::to_string(options.reader.max_input_bytes) + " bytes",
                options.name);
  const std::string bytes = read_file_or_throw(path);
  return read_string(bytes, options, context);
}

void write(const Document& document, std::ostream& out, const WriteOptions& options,
           Context* context) {
  write_with(choose_writer(table(options.registry), options, nullptr), document, out, options,
             context);
}

std::string write_string(const Document& document, const WriteOptions& options, Context* context) {
  std::ostringstream out(std::ios::out | std::ios::binary);
  write(document, out, options, context);
  return std::move(out).str();
}

void write_file(const Document& document, const std::filesystem::path& path, WriteOptions options,
                Context* context) {
  const WriterSpec& spec = choose_writer(table(options.registry), options, &path);
  // Written in full before the file is touched, so a failing writer leaves no half file.
  std::ostringstream buffer(std::ios::out | std::ios::binary);
  write_with(spec, document, buffer, options, context);
  std::ofstream out(path, std::ios::out | std::ios::binary | std::ios::trunc);
  const std::string bytes = std::move(buffer).str();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(ErrorCode::io, "cannot write the file", path.string());
}

void convert_file(const std::filesystem::path& input, const std::filesystem::path& output,
                  const ReadOptions& read_options, const WriteOptions& write_options,
                  Context* context) {
  write_file(read_file(input, read_options, context), output, write_options, context);
}

}  // namespace sheaf
