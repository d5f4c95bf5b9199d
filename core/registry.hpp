#pragma once
// Readers and writers are plain functions of (input, options, context), registered in one explicit
// table (converters/builtin.cpp). There is no self-registration: adding a format is one row there.
#include <filesystem>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "core/document.hpp"
#include "core/options.hpp"

namespace sheaf {

/// One input to a reader. The bytes are not owned and must outlive the call.
struct Input {
  std::string_view bytes;
  std::string name;  ///< path as given, or "-"
  std::string base;  ///< directory relative references resolve against
};

using ReadFn = Document (*)(const Input&, const ReaderOptions&, Context&);
using WriteFn = void (*)(const Document&, const WriterOptions&, Context&, std::ostream&);

enum class OutputKind { text, binary };  ///< binary output is never written to a terminal

struct ReaderSpec {
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::vector<std::string_view> extensions;  ///< with the dot, lower case: ".md"
  std::string_view description;
  ReadFn read = nullptr;
};

struct WriterSpec {
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::vector<std::string_view> extensions;  ///< first one names new output files
  OutputKind kind = OutputKind::text;
  std::string_view description;
  WriteFn write = nullptr;
};

class Registry {
 public:
  Registry(std::vector<ReaderSpec> readers, std::vector<WriterSpec> writers);
  /// By name or alias; throws Error{unknown_reader}.
  [[nodiscard]] const ReaderSpec& reader(std::string_view name) const;
  /// By name or alias; throws Error{unknown_writer}.
  [[nodiscard]] const WriterSpec& writer(std::string_view name) const;
  /// By file extension (case-insensitive); nullptr when none matches.
  [[nodiscard]] const ReaderSpec* reader_for(const std::filesystem::path& path) const noexcept;
  [[nodiscard]] const WriterSpec* writer_for(const std::filesystem::path& path) const noexcept;
  [[nodiscard]] std::span<const ReaderSpec> readers() const noexcept { return readers_; }
  [[nodiscard]] std::span<const WriterSpec> writers() const noexcept { return writers_; }

 private:
  std::vector<ReaderSpec> readers_;
  std::vector<WriterSpec> writers_;
};

}  // namespace sheaf
