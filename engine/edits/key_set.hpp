#pragma once
// A set of 64-bit keys (hashes) in one flat array with linear probing. The duplicate check
// asks it once per claim while it grows to the size of the input: a lookup here reads one
// cache line, where std::unordered_set follows a bucket pointer and a node (two cache misses
// once the set outgrows the caches).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clearhouse::edits {

class KeySet {
 public:
  bool contains(std::uint64_t key) const {
    if (key == 0) return has_zero_;
    if (slots_.empty()) return false;
    for (std::size_t i = slot(key);; i = (i + 1) & mask()) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

  void insert(std::uint64_t key) {
    if (key == 0) {
      size_ += has_zero_ ? 0 : 1;
      has_zero_ = true;
      return;
    }
    if ((size_ + 1) * 2 > slots_.size()) grow();  // at most half full
    for (std::size_t i = slot(key);; i = (i + 1) & mask()) {
      if (slots_[i] == key) return;
      if (slots_[i] == 0) {
        slots_[i] = key;
        ++size_;
        return;
      }
    }
  }

  // Starts loading the slot a later contains(key) reads, so that miss overlaps other work.
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot(key)]);
  }

  std::size_t size() const { return size_; }

 private:
  std::size_t mask() const { return slots_.size() - 1; }
  // Fibonacci hashing: the top bits of key * 2^64/phi, so keys that differ only in their low
  // bits still spread.
  std::size_t slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    const std::size_t capacity = old.empty() ? 1024 : old.size() * 2;
    slots_.assign(capacity, 0);
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (std::uint64_t key : old) {
      if (key == 0) continue;
      std::size_t i = slot(key);
      while (slots_[i] != 0) i = (i + 1) & mask();
      slots_[i] = key;
    }
  }

  std::vector<std::uint64_t> slots_;  // 0 marks an empty slot; the key 0 is has_zero_
  bool has_zero_ = false;
  std::size_t size_ = 0;
  int shift_ = 64;
};

}  // namespace clearhouse::edits
