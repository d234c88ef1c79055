#pragma once
// An exact set of keys (byte strings): the duplicate check's memory of the claims accepted so
// far. Keys are compared whole, never by a hash alone, so two different claims can never be
// taken for one. A key's bytes are copied into an arena (no allocation per key); the index is
// Boost's open-addressing unordered_flat_set, kept out of this header.

#include <cstddef>
#include <memory>
#include <string_view>

namespace clearhouse::edits {

class KeySet {
 public:
  KeySet();
  ~KeySet();
  KeySet(KeySet&&) noexcept;
  KeySet& operator=(KeySet&&) noexcept;

  bool contains(std::string_view key) const;
  // Adds a copy of key; false when it was there already.
  bool insert(std::string_view key);
  std::size_t size() const;

 private:
  struct Keys;
  std::unique_ptr<Keys> keys_;
};

}  // namespace clearhouse::edits
