#include "tests/support/corpus.hpp"

#include <algorithm>
#include <cstdlib>

namespace sheaf::test {

std::optional<std::filesystem::path> corpus_dir() {
  std::filesystem::path dir = SHEAF_CORPUS_DIR;
  if (const char* env = std::getenv("SHEAF_CORPUS"); env && *env) dir = env;
  std::error_code ec;
  if (std::filesystem::is_directory(dir / "seed", ec)) return std::filesystem::canonical(dir, ec);
  return std::nullopt;
}

std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir,
                                               const std::vector<std::string>& extensions) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) != extensions.end())
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sheaf::test
