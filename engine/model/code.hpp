#pragma once
// A short X12 code kept inline: a qualifier, a CARC or RARC, a group code, a modifier, a claim
// status. Up to 15 characters (the longest such code in 005010X221A1 has 5), no allocation,
// trivially copyable, so the hot path can fill and clear millions of them for free. It reads
// like a string: compare with literals and strings, view() or str() for the text.

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace clearhouse::model {

class Code {
 public:
  static constexpr std::size_t kCapacity = 15;

  constexpr Code() = default;
  constexpr Code(std::string_view text) { assign(text); }  // NOLINT: reads like a string on purpose
  constexpr Code(const char* text) : Code(std::string_view(text)) {}
  Code(const std::string& text) : Code(std::string_view(text)) {}

  // Keeps the first kCapacity characters; false when text was longer (callers report that).
  [[gnu::always_inline]] constexpr bool assign(std::string_view text) {
    const std::size_t n = std::min(text.size(), kCapacity);
    size_ = static_cast<std::uint8_t>(n);
    const char* p = text.data();
    if (std::is_constant_evaluated() || n < 4) {
      for (std::size_t i = 0; i < n; ++i) chars_[i] = p[i];
    } else if (n < 8) {  // two overlapping fixed-size copies: no call, no loop
      std::memcpy(chars_, p, 4);
      std::memcpy(chars_ + n - 4, p + n - 4, 4);
    } else {
      std::memcpy(chars_, p, 8);
      std::memcpy(chars_ + n - 8, p + n - 8, 8);
    }
    return text.size() <= kCapacity;
  }
  constexpr void clear() { size_ = 0; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr std::size_t size() const { return size_; }
  constexpr std::string_view view() const { return std::string_view(chars_, size_); }
  constexpr operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }

  friend constexpr bool operator==(const Code& a, const Code& b) { return a.view() == b.view(); }
  template <typename T>
    requires(!std::same_as<T, Code> && std::convertible_to<const T&, std::string_view>)
  friend constexpr bool operator==(const Code& a, const T& b) {
    return a.view() == std::string_view(b);
  }
  friend constexpr auto operator<=>(const Code& a, const Code& b) { return a.view() <=> b.view(); }

 private:
  char chars_[kCapacity] = {};
  std::uint8_t size_ = 0;
};

}  // namespace clearhouse::model
