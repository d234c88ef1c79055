#pragma once
// A fast 64-bit hash of a transaction set's content, used to tell "the same remittance sent
// again" from "a different remittance with the same trace number". It covers segment ids and
// element values, not the delimiters, line breaks or indentation, so a re-sent file that was
// only re-wrapped hashes the same. Not cryptographic: payers are not adversaries here, and a
// collision needs the same payer and trace number as well.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace clearhouse::x12_835 {

class ContentHash {
 public:
  void add(std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    while (n >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      mix(w);
      p += 8;
      n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    // The length in the top byte keeps "AB" + "" apart from "A" + "B".
    mix(tail ^ (static_cast<std::uint64_t>(bytes.size() & 0xFF) << 56) ^ 0x9E3779B97F4A7C15ull);
  }
  void separator(std::uint64_t marker) { mix(marker * 0xC2B2AE3D27D4EB4Full); }
  std::uint64_t value() const {
    std::uint64_t h = state_;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
  }
  void reset() { state_ = kSeed; }

 private:
  static constexpr std::uint64_t kSeed = 0x243F6A8885A308D3ull;
  // Each word is scrambled on its own, then folded into the state by a bijective step
  // (murmur-style), so equal prefixes never cancel out.
  void mix(std::uint64_t w) {
    const unsigned __int128 m = static_cast<unsigned __int128>(w ^ 0xA0761D6478BD642Full) * 0x9FB21C651E98DF25ull;
    const std::uint64_t k = static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
    state_ = ((state_ ^ k) << 27 | (state_ ^ k) >> 37) * 5 + 0x52DCE729ull;
  }
  std::uint64_t state_ = kSeed;
};

}  // namespace clearhouse::x12_835
