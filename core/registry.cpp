#include "core/registry.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace sheaf {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

template <class Spec>
const Spec* find_named(const std::vector<Spec>& specs, std::string_view name) {
  for (const Spec& s : specs) {
    if (s.name == name) return &s;
    if (std::find(s.aliases.begin(), s.aliases.end(), name) != s.aliases.end()) return &s;
  }
  return nullptr;
}

template <class Spec>
const Spec* find_by_extension(const std::vector<Spec>& specs, const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  if (ext.empty()) return nullptr;
  for (const Spec& s : specs)
    if (std::find(s.extensions.begin(), s.extensions.end(), ext) != s.extensions.end()) return &s;
  return nullptr;
}

}  // namespace

Registry::Registry(std::vector<ReaderSpec> readers, std::vector<WriterSpec> writers)
    : readers_(std::move(readers)), writers_(std::move(writers)) {}

const ReaderSpec& Registry::reader(std::string_view name) const {
  if (const ReaderSpec* s = find_named(readers_, name)) return *s;
  throw Error(ErrorCode::unknown_reader, "unknown input format '" + std::string(name) +
                                             "' (sheaf --list-input-formats shows the known ones)");
}

const WriterSpec& Registry::writer(std::string_view name) const {
  if (const WriterSpec* s = find_named(writers_, name)) return *s;
  throw Error(ErrorCode::unknown_writer, "unknown output format '" + std::string(name) +
                                             "' (sheaf --list-output-formats shows the known ones)");
}

const ReaderSpec* Registry::reader_for(const std::filesystem::path& path) const noexcept {
  return find_by_extension(readers_, path);
}

const WriterSpec* Registry::writer_for(const std::filesystem::path& path) const noexcept {
  return find_by_extension(writers_, path);
}

}  // namespace sheaf
