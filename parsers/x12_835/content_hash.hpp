#pragma once
// A fast 64-bit hash of a transaction set's content, used to tell "the same remittance sent
// again" from "a different remittance with the same trace number". It covers each segment's
// bytes (id, separators and values, without the terminator), so line breaks and indentation
// between segments do not change it; a file re-sent with other delimiters hashes differently
// and is then reported as a conflict for a person to look at, never silently merged.
// Not cryptographic: payers are not adversaries here, and a collision would also need the
// same payer and trace number. Built for the 835 hot path: a few instructions per 8 bytes.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace clearhouse::x12_835 {

class ContentHash {
 public:
  // Adds one segment: its bytes without the terminator. Words go straight into the running
  // state (one multiply each, independent of the state, and a cheap bijective step).
  void add_segment(std::string_view raw) {
    const char* p = raw.data();
    const std::size_t n = raw.size();
    std::uint64_t h = state_;
    std::uint64_t last;
    if (n >= 8) {
      const char* const end = p + n;
      for (; end - p > 8; p += 8) h = step(h, load8(p));
      last = load8(end - 8);  // the last 8 bytes (overlapping the previous word when n % 8 != 0)
    } else if (n >= 4) {
      last = load4(p) | static_cast<std::uint64_t>(load4(p + n - 4)) << 32;
    } else {
      last = n == 0 ? 0
                    : static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
                          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    // The segment's length goes in with its last word: boundaries are part of the content.
    state_ = rotl(h, 23) ^ ((last ^ (static_cast<std::uint64_t>(n) << 40) ^ 0x8EBC6AF09C88C6E3ull) * 0x589965CC75374CC3ull);
  }

  std::uint64_t value() const {
    // The final mix (murmur3's finaliser over a 128-bit fold) spreads every input bit.
    const unsigned __int128 m = static_cast<unsigned __int128>(state_ ^ 0x1D8E4E27C47D124Full) * 0x9FB21C651E98DF25ull;
    std::uint64_t h = static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
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
  static std::uint64_t rotl(std::uint64_t x, int r) { return x << r | x >> (64 - r); }
  static std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  static std::uint32_t load4(const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }
  static std::uint64_t step(std::uint64_t h, std::uint64_t w) {
    return rotl(h, 23) ^ ((w ^ 0xA0761D6478BD642Full) * 0xE7037ED1A0B428DBull);
  }
  std::uint64_t state_ = kSeed;
};

}  // namespace clearhouse::x12_835
