#pragma once
// SHA-256 through OpenSSL's libcrypto (the only file that includes it): the content address of the
// image cache and the input/options hashes of --incremental's manifest. Equal digests mean equal bytes.
#include <memory>
#include <string>
#include <string_view>

namespace sheaf::fetch {

/// Incremental SHA-256: add() any number of times, then hex() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& add(std::string_view bytes);
  /// The digest of everything added, as 64 lower-case hex digits. Ends the computation.
  [[nodiscard]] std::string hex();

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

/// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace sheaf::fetch
