#include "engine/edits/key_set.hpp"

#include <boost/unordered/unordered_flat_set.hpp>

#include <cstring>
#include <functional>
#include <memory_resource>

namespace clearhouse::edits {

struct KeySet::Keys {
  // Views into the arena, looked up by any string_view (no copy to ask).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept { return std::hash<std::string_view>{}(key); }
  };
  std::pmr::monotonic_buffer_resource arena;  // the key bytes, released together
  boost::unordered_flat_set<std::string_view, Hash, std::equal_to<>> index;
};

KeySet::KeySet() : keys_(std::make_unique<Keys>()) {}
KeySet::~KeySet() = default;
KeySet::KeySet(KeySet&&) noexcept = default;
KeySet& KeySet::operator=(KeySet&&) noexcept = default;

bool KeySet::contains(std::string_view key) const { return keys_->index.contains(key); }

bool KeySet::insert(std::string_view key) {
  if (keys_->index.contains(key)) return false;
  char* copy = key.empty() ? nullptr : static_cast<char*>(keys_->arena.allocate(key.size(), 1));
  if (copy != nullptr) std::memcpy(copy, key.data(), key.size());
  keys_->index.insert(std::string_view(copy, key.size()));
  return true;
}

std::size_t KeySet::size() const { return keys_->index.size(); }

}  // namespace clearhouse::edits
