#include "cli/version.hpp"

#include "cli/version_info.hpp"
#include "converters/json/json.hpp"

namespace sheaf::cli {

std::string version_text() {
  namespace b = build_info;
  std::string out = std::string("sheaf ") + b::sheaf_version + "\n";
  out += "JSON document format " + std::to_string(json::kFormatVersionMajor) + "." +
         std::to_string(json::kFormatVersionMinor) + "\n";
  out += std::string("Built with libxml2 ") + b::libxml2 + ", cmark-gfm " + b::cmark_gfm + ", libzip " +
         b::libzip + ", yaml-cpp " + b::yaml_cpp + ", ICU " + b::icu + ", nlohmann-json " +
         b::nlohmann_json + ", Boost " + b::boost + "\n";
  return out;
}

}  // namespace sheaf::cli
