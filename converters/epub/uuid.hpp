#pragma once
// Deterministic book identifiers: the same source gives the same identifier on every machine.
#include <string>
#include <string_view>

namespace sheaf::epub {

/// RFC 4122 version-5 (SHA-1, URL namespace) UUID of `name`, as "urn:uuid:xxxxxxxx-…".
std::string uuid_v5_urn(std::string_view name);

}  // namespace sheaf::epub
