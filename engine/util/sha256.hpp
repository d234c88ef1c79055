#pragma once
// SHA-256, streaming: the ledger records each batch file's hash, and remittance posting
// recognises a file it has seen by its content hash. Backed by OpenSSL's libcrypto (SHA
// extensions where the CPU has them: hashing must not be what limits a submit run).

#include <memory>
#include <string>
#include <string_view>

namespace clearhouse::util {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(std::string_view bytes);
  // The digest as 64 lowercase hex characters; the object is then spent.
  std::string hex_digest();
  // The digest in base64 (as a Content-Security-Policy hash source wants it); the object is then spent.
  std::string base64_digest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace clearhouse::util
