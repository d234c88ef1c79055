#pragma once
// SHA-256 (FIPS 180-4), streaming: the ledger records each batch file's hash, and remittance
// posting recognises a file it has seen by its content hash.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace clearhouse::util {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lowercase hex characters; the object is then spent.
  std::string hex_digest();

 private:
  void block(const unsigned char* p);
  std::array<std::uint32_t, 8> h_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_ = 0;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace clearhouse::util
