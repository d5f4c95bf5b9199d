#include "converters/fetch/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace sheaf::fetch {

struct Sha256::Handle {
  struct Free {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx{EVP_MD_CTX_new()};
};

Sha256::Sha256() : handle_(std::make_unique<Handle>()) {
  // Only allocation can fail here; SHA-256 is always available in libcrypto's default provider.
  if (!handle_->ctx || EVP_DigestInit_ex(handle_->ctx.get(), EVP_sha256(), nullptr) != 1)
    throw std::bad_alloc();
}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

Sha256& Sha256::add(std::string_view bytes) {
  EVP_DigestUpdate(handle_->ctx.get(), bytes.data(), bytes.size());
  return *this;
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(handle_->ctx.get(), digest, &length);
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 0xF];
  }
  return out;
}

std::string sha256_hex(std::string_view data) { return Sha256().add(data).hex(); }

}  // namespace sheaf::fetch
