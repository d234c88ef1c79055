#pragma once
// The element views of the segment being split, in a buffer reused across segments. The
// splitter writes through a raw cursor after asking for room for a whole 64-byte block at a
// time, so its inner loop has no capacity check (and no reload of the vector) per element.

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace clearhouse::x12::detail {

class ElementViews {
 public:
  ElementViews() : slots_(kInitial) {}

  void clear() { size_ = 0; }
  std::size_t size() const { return size_; }
  std::span<const std::string_view> view() const { return {slots_.data(), size_}; }

  void push_back(std::string_view v) { *room_for(1) = v; ++size_; }
  // A cursor with room for at least n more views; commit() where writing stopped.
  std::string_view* room_for(std::size_t n) {
    if (slots_.size() - size_ < n) [[unlikely]] slots_.resize(std::max(slots_.size() * 2, size_ + n));
    return slots_.data() + size_;
  }
  void commit(const std::string_view* end) { size_ = static_cast<std::size_t>(end - slots_.data()); }

 private:
  static constexpr std::size_t kInitial = 128;  // two blocks of one-byte elements
  std::vector<std::string_view> slots_;
  std::size_t size_ = 0;
};

}  // namespace clearhouse::x12::detail
