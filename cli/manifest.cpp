#include "cli/manifest.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "cli/output.hpp"

namespace sheaf::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kManifestVersion = 1;

struct FileStamp {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<FileStamp> stamp(const fs::path& file) {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  FileStamp s;
  s.size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const auto time = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  // As Unix time, so the manifest reads naturally (the filesystem clock's epoch is not 1970).
  s.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::file_clock::to_sys(time).time_since_epoch()).count();
  return s;
}

}  // namespace

ContentHash& ContentHash::add(std::string_view bytes) {
  digest_.add(bytes);
  return *this;
}

ContentHash& ContentHash::add_part(std::string_view bytes) {
  add(std::to_string(bytes.size()));
  add(":");
  return add(bytes);
}

std::string ContentHash::hex() { return digest_.hex(); }

std::string content_hash(std::string_view bytes) { return ContentHash().add(bytes).hex(); }

Manifest Manifest::load(const fs::path& dir) {
  Manifest m;
  m.dir_ = dir;
  std::ifstream in(dir / kFileName, std::ios::binary);
  if (!in) return m;
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  // A manifest of another version or shape is ignored: redoing everything is always safe.
  if (!j.is_object() || j.value("sheaf_manifest", 0) != kManifestVersion) {
    m.dirty_ = true;
    return m;
  }
  try {
    for (const auto& [name, e] : j.at("outputs").items())
      m.outputs_[name] = ManifestEntry{e.at("input").get<std::string>(), e.at("options").get<std::string>(),
                                       e.at("size").get<std::uintmax_t>(), e.at("mtime_ns").get<std::int64_t>()};
    if (j.contains("inputs"))
      for (const auto& [name, e] : j.at("inputs").items())
        m.inputs_[name] = ManifestInput{e.at("input").get<std::string>(), e.at("options").get<std::string>(),
                                        e.at("groups").get<std::vector<std::pair<std::string, std::string>>>()};
  } catch (const nlohmann::json::exception&) {
    m.outputs_.clear();
    m.inputs_.clear();
    m.dirty_ = true;
  }
  return m;
}

bool Manifest::up_to_date(const std::string& output, std::string_view input, std::string_view options) const {
  const auto it = outputs_.find(output);
  if (it == outputs_.end() || it->second.input != input || it->second.options != options) return false;
  const auto now = stamp(dir_ / output);
  return now && now->size == it->second.size && now->mtime_ns == it->second.mtime_ns;
}

void Manifest::record(const std::string& output, std::string input, std::string options) {
  const auto now = stamp(dir_ / output);
  if (!now) {
    forget(output);
    return;
  }
  outputs_[output] = ManifestEntry{std::move(input), std::move(options), now->size, now->mtime_ns};
  dirty_ = true;
}

void Manifest::forget(const std::string& output) {
  if (outputs_.erase(output) > 0) dirty_ = true;
}

const ManifestInput* Manifest::find_input(const std::string& key) const {
  const auto it = inputs_.find(key);
  return it == inputs_.end() ? nullptr : &it->second;
}

void Manifest::record_input(const std::string& key, ManifestInput entry) {
  auto& slot = inputs_[key];
  if (slot.input == entry.input && slot.options == entry.options && slot.groups == entry.groups) return;
  slot = std::move(entry);
  dirty_ = true;
}

void Manifest::forget_input(const std::string& key) {
  if (inputs_.erase(key) > 0) dirty_ = true;
}

void Manifest::save() {
  if (!dirty_) return;
  nlohmann::ordered_json j;
  j["sheaf_manifest"] = kManifestVersion;
  nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
  for (const auto& [name, e] : outputs_)
    outputs[name] = {{"input", e.input}, {"options", e.options}, {"size", e.size}, {"mtime_ns", e.mtime_ns}};
  j["outputs"] = std::move(outputs);
  if (!inputs_.empty()) {
    nlohmann::ordered_json inputs = nlohmann::ordered_json::object();
    for (const auto& [name, e] : inputs_)
      inputs[name] = {{"input", e.input}, {"options", e.options}, {"groups", e.groups}};
    j["inputs"] = std::move(inputs);
  }
  const std::string text = j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  write_file_atomically(dir_ / kFileName, [&](std::ostream& out) { out << text; });
  dirty_ = false;
}

}  // namespace sheaf::cli
