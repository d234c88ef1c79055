#pragma once
// A vector whose removed elements stay constructed behind its end, to be refilled in place.
// The 835 reader refills one transaction's claims for the next. A claim whose slot held more
// lines last time keeps the spare lines (and their buffers) here; moving each spare into a
// pool and back cost 8% of reading a remittance. To everyone else it is a vector: size(),
// the iterators, copying and comparing see only the live elements, and elements that are
// added through push_back, emplace_back or resize start out as new values.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <utility>
#include <vector>

namespace clearhouse::model {

template <typename T>
class RecyclingVector {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = T*;
  using const_iterator = const T*;

  RecyclingVector() = default;
  RecyclingVector(std::initializer_list<T> items) : slots_(items), size_(slots_.size()) {}
  RecyclingVector(std::vector<T> items) : slots_(std::move(items)), size_(slots_.size()) {}  // NOLINT: a vector is one
  RecyclingVector(const RecyclingVector& other) : slots_(other.begin(), other.end()), size_(other.size_) {}
  RecyclingVector(RecyclingVector&& other) noexcept
      : slots_(std::move(other.slots_)), size_(std::exchange(other.size_, 0)) {}
  RecyclingVector& operator=(const RecyclingVector& other) {
    if (this != &other) {
      slots_.assign(other.begin(), other.end());
      size_ = other.size_;
    }
    return *this;
  }
  RecyclingVector& operator=(RecyclingVector&& other) noexcept {
    slots_ = std::move(other.slots_);
    size_ = std::exchange(other.size_, 0);
    other.slots_.clear();
    return *this;
  }

  size_type size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return slots_.data(); }
  const T* data() const { return slots_.data(); }
  iterator begin() { return slots_.data(); }
  iterator end() { return slots_.data() + size_; }
  const_iterator begin() const { return slots_.data(); }
  const_iterator end() const { return slots_.data() + size_; }
  T& operator[](size_type i) { return slots_[i]; }
  const T& operator[](size_type i) const { return slots_[i]; }
  T& at(size_type i) { return i < size_ ? slots_[i] : throw std::out_of_range("RecyclingVector::at"); }
  const T& at(size_type i) const { return i < size_ ? slots_[i] : throw std::out_of_range("RecyclingVector::at"); }
  T& front() { return slots_[0]; }
  const T& front() const { return slots_[0]; }
  T& back() { return slots_[size_ - 1]; }
  const T& back() const { return slots_[size_ - 1]; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ < slots_.size()) slots_[size_] = T(std::forward<Args>(args)...);
    else slots_.emplace_back(std::forward<Args>(args)...);
    return slots_[size_++];
  }
  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  void resize(size_type n) {
    if (n <= size_) size_ = n;
    while (size_ < n) emplace_back();
  }
  void reserve(size_type n) { slots_.reserve(n); }
  // Removes elements from view; they stay behind the end as spares for reuse_back().
  void pop_back() { --size_; }
  void clear() { size_ = 0; }

  // The next element, for a caller that refills every field itself: a spare one as it was
  // left (its buffers kept), else a new one.
  T& reuse_back() {
    if (size_ == slots_.size()) slots_.emplace_back();
    return slots_[size_++];
  }

  friend bool operator==(const RecyclingVector& a, const RecyclingVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::vector<T> slots_;
  size_type size_ = 0;
};

}  // namespace clearhouse::model
