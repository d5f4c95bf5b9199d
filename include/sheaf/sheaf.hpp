#pragma once
// sheaf's public C++ API: the one header a program outside the tree includes.
//
//   #include <sheaf/sheaf.hpp>
//   sheaf::Document doc = sheaf::read_file("_posts/2024-01-15-hello-world.md");
//   sheaf::for_each_inline(doc, [](sheaf::Inline& i) { /* transform */ });
//   sheaf::write_file(doc, "hello.epub");
//
// It is a thin layer over the same pieces the sheaf command uses: the model (core/document.hpp),
// the options structs (core/options.hpp), the converter table (converters/builtin.hpp) and the one
// error type (core/error.hpp). Every function is thread-safe on distinct documents; fatal problems
// throw sheaf::Error (its code() is the sheaf command's exit code), recoverable ones are reported as
// Diagnostics through the Context passed in (docs/api.md, docs/errors.md).
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "converters/builtin.hpp"
#include "core/context.hpp"
#include "core/diagnostics.hpp"
#include "core/document.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "core/options.hpp"
#include "core/overloaded.hpp"
#include "core/registry.hpp"

namespace sheaf {

/// The library version, "MAJOR.MINOR.PATCH" (the same as `sheaf --version`).
[[nodiscard]] std::string_view version() noexcept;

/// A converter table holding the built-in readers and writers and `readers`/`writers` before them,
/// so a custom converter with a built-in name replaces the built-in one. The specs hold
/// string_views: names, aliases, extensions and descriptions must outlive the Registry (string
/// literals do). Pass the result as ReadOptions::registry / WriteOptions::registry.
[[nodiscard]] Registry make_registry(std::vector<ReaderSpec> readers,
                                     std::vector<WriterSpec> writers = {});

/// How to read one input.
struct ReadOptions {
  /// Reader name or alias (`sheaf --list-input-formats`). Empty: chosen by the extension of the
  /// source name, else guessed from the content ("---" line: jekyll, '<': html, '{': json,
  /// otherwise markdown). Default empty.
  std::string format;
  /// Name used in messages and errors. read_file sets it to the path. Default "-".
  std::string name = "-";
  /// Directory relative references (images) resolve against. read_file: the file's folder.
  /// Default ".".
  std::string base = ".";
  ReaderOptions reader;              ///< limits and reader switches. Default: ReaderOptions{}.
  const Registry* registry = nullptr;  ///< converter table. Default nullptr: builtin_registry().
};

/// How to write one document.
struct WriteOptions {
  /// Writer name or alias (`sheaf --list-output-formats`). Empty: from the extension of the
  /// output file in write_file, else "markdown". Default empty.
  std::string format;
  WriterOptions writer;              ///< per-format writer options. Default: WriterOptions{}.
  const Registry* registry = nullptr;  ///< converter table. Default nullptr: builtin_registry().
};

/// Parses `bytes`. Diagnostics go to `context`; without one they go to a FileContext that is
/// dropped (pass a MemoryContext or FileContext to see them). Throws Error{unknown_reader} for an
/// unknown format, Error{limit} above ReaderOptions::max_input_bytes, and the reader's errors.
[[nodiscard]] Document read_string(std::string_view bytes, const ReadOptions& options = {},
                                   Context* context = nullptr);

/// Reads and parses the file at `path` (name = the path, base = its folder, format as in
/// read_string). Throws Error{not_found}/Error{io} naming the file when it cannot be read.
[[nodiscard]] Document read_file(const std::filesystem::path& path, ReadOptions options = {},
                                 Context* context = nullptr);

/// Writes `document` to `out` (opened in binary mode for binary formats such as epub).
/// Throws Error{unknown_writer} for an unknown format, Error{io} when the stream fails.
void write(const Document& document, std::ostream& out, const WriteOptions& options = {},
           Context* context = nullptr);

/// The written bytes as a string (an EPUB is a zip archive: binary bytes).
[[nodiscard]] std::string write_string(const Document& document, const WriteOptions& options = {},
                                       Context* context = nullptr);

/// Writes `document` to the file at `path`, replacing it; the format defaults to the path's
/// extension. Throws Error{io} naming the file when it cannot be written.
void write_file(const Document& document, const std::filesystem::path& path,
                WriteOptions options = {}, Context* context = nullptr);

/// Reads `input` and writes it to `output` in one call; formats follow the two extensions unless
/// given.
void convert_file(const std::filesystem::path& input, const std::filesystem::path& output,
                  const ReadOptions& read_options = {}, const WriteOptions& write_options = {},
                  Context* context = nullptr);

/// Calls `visit` on every block of the document, depth first in document order: a container
/// (quote, list item, table cell, note, div...) before the blocks inside it. The callback may
/// change the block it is given, including its children, which are walked afterwards; it must
/// not add or remove blocks of the container being walked (rebuild the list in its parent
/// instead). Footnote content (Note) is walked where the note is called.
void for_each_block(Document& document, const std::function<void(Block&)>& visit);

/// Calls `visit` on every inline of the document, in every block (headings, paragraphs, table
/// cells, captions, credits, terms, notes...), a container (emphasis, link, span) before its
/// children, under the same rules as for_each_block.
void for_each_inline(Document& document, const std::function<void(Inline&)>& visit);

/// Read-only walks: the same order, the callback sees const nodes.
void for_each_block(const Document& document, const std::function<void(const Block&)>& visit);
void for_each_inline(const Document& document, const std::function<void(const Inline&)>& visit);

}  // namespace sheaf
