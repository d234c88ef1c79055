#pragma once
// One X12 segment as views into the reader's buffer: valid until the reader moves on.

#include <cstdint>
#include <span>
#include <string_view>

#include "parsers/x12/delimiters.hpp"

namespace clearhouse::x12 {

// A segment id or short code (a qualifier) as one integer ("NM1" -> 0x4E4D31), so hot paths
// switch and compare without memcmp. The first four characters count.
constexpr std::uint32_t segment_key(std::string_view id) {
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < id.size() && i < 4; ++i) k = (k << 8) | static_cast<unsigned char>(id[i]);
  return k;
}

class Segment {
 public:
  Segment() = default;
  Segment(std::span<const std::string_view> elements, std::string_view raw, std::uint64_t offset,
          std::uint64_t ordinal, const Delimiters* delimiters)
      : elements_(elements), raw_(raw), offset_(offset), ordinal_(ordinal), delimiters_(delimiters) {}

  std::string_view id() const { return elements_.empty() ? std::string_view{} : elements_[0]; }
  bool is(std::string_view segment_id) const { return id() == segment_id; }
  // Number of elements after the id, as written (trailing empty elements included).
  std::size_t size() const { return elements_.empty() ? 0 : elements_.size() - 1; }
  // Element at 1-based position i; empty when absent.
  std::string_view operator[](std::size_t i) const { return i < elements_.size() ? elements_[i] : std::string_view{}; }
  std::string_view element(std::size_t i) const { return (*this)[i]; }
  // Component k (1-based) of element i; the element itself when it has no components and k == 1.
  std::string_view component(std::size_t i, std::size_t k) const;

  std::span<const std::string_view> elements() const { return elements_; }  // [0] is the id
  std::string_view raw() const { return raw_; }                            // without terminator
  std::uint64_t offset() const { return offset_; }                         // byte offset in the input
  std::uint64_t ordinal() const { return ordinal_; }                       // 1-based in the input
  const Delimiters& delimiters() const { return *delimiters_; }

 private:
  std::span<const std::string_view> elements_;
  std::string_view raw_;
  std::uint64_t offset_ = 0;
  std::uint64_t ordinal_ = 0;
  const Delimiters* delimiters_ = nullptr;
};

// Splits a view on one separator without allocating: for (auto part : Split(value, ':')).
class Split {
 public:
  Split(std::string_view text, char separator) : text_(text), separator_(separator) {}

  class iterator {
   public:
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    iterator() = default;  // the end
    iterator(std::string_view text, char sep) : rest_(text), sep_(sep), at_end_(false) { advance(); }
    std::string_view operator*() const { return current_; }
    iterator& operator++() { advance(); return *this; }
    iterator operator++(int) { auto copy = *this; advance(); return copy; }
    bool operator==(const iterator& o) const {
      return at_end_ == o.at_end_ && (at_end_ || current_.data() == o.current_.data());
    }

   private:
    void advance() {
      if (last_) { at_end_ = true; return; }
      const auto pos = rest_.find(sep_);
      if (pos == std::string_view::npos) {
        current_ = rest_;
        last_ = true;
      } else {
        current_ = rest_.substr(0, pos);
        rest_.remove_prefix(pos + 1);
      }
    }
    std::string_view rest_, current_;
    char sep_ = 0;
    bool at_end_ = true, last_ = false;
  };

  iterator begin() const { return iterator(text_, separator_); }
  iterator end() const { return iterator(); }

 private:
  std::string_view text_;
  char separator_;
};

// The k-th (1-based) part of text split on sep; empty when absent.
inline std::string_view nth_part(std::string_view text, char sep, std::size_t k) {
  std::size_t i = 1;
  for (auto part : Split(text, sep)) {
    if (i++ == k) return part;
  }
  return {};
}

inline std::string_view Segment::component(std::size_t i, std::size_t k) const {
  return nth_part((*this)[i], delimiters_ ? delimiters_->component : ':', k);
}

}  // namespace clearhouse::x12
