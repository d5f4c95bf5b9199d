#pragma once
// SHA-256 (FIPS 180-4), the content address of the image cache: equal names mean equal bytes.
#include <string>
#include <string_view>

namespace sheaf::fetch {

/// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace sheaf::fetch
