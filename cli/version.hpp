#pragma once
// The --version text: sheaf's version, the JSON format version and the libraries built against.
#include <string>

namespace sheaf::cli {

std::string version_text();

}  // namespace sheaf::cli
