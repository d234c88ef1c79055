#pragma once
// The bytes of one part of a large input (parallel reading): a buffer that grows without
// filling what a read is about to overwrite. std::string::resize writes zeros first, and for
// the splitter that was a second pass over every byte of the input (4% of `parse --jobs 2`).
// Move-only; reads as a std::string_view.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace clearhouse::x12 {

class PartBytes {
 public:
  PartBytes() = default;
  explicit PartBytes(std::string_view bytes) { assign(bytes); }
  PartBytes(PartBytes&& other) noexcept { swap(other); }
  PartBytes& operator=(PartBytes&& other) noexcept {
    PartBytes gone(std::move(*this));
    swap(other);
    return *this;
  }
  PartBytes(const PartBytes&) = delete;
  PartBytes& operator=(const PartBytes&) = delete;

  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  char operator[](std::size_t i) const { return data_[i]; }
  std::string_view view() const { return {data_.get(), size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: reads like the string it replaced

  void clear() { size_ = 0; }
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    std::unique_ptr<char[]> bigger(new char[n]);  // default-initialized: not zeroed
    if (size_ != 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = n;
  }
  // Room for n more bytes after size(), left as they are; commit(k) keeps the first k of them.
  char* room(std::size_t n) {
    if (size_ + n > capacity_) reserve(std::max(size_ + n, capacity_ + capacity_ / 2));
    return data_.get() + size_;
  }
  void commit(std::size_t k) { size_ += k; }
  void truncate(std::size_t n) {
    if (n < size_) size_ = n;
  }
  void assign(std::string_view bytes) {
    size_ = 0;
    if (bytes.empty()) return;
    std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
    size_ = bytes.size();
  }

 private:
  void swap(PartBytes& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

}  // namespace clearhouse::x12
