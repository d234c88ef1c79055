#pragma once
// Money is integer cents, always. There is deliberately no way to make one from a
// floating-point value: tests/compile_fail proves `Money{1.5}` does not compile.

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>

namespace clearhouse::model {

class Money {
 public:
  constexpr Money() = default;
  template <std::integral I>
  static constexpr Money from_cents(I cents) { return Money(static_cast<std::int64_t>(cents)); }
  template <std::floating_point F>
  static Money from_cents(F) = delete;  // money is never floating point

  constexpr std::int64_t cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }

  constexpr Money operator-() const { return Money(-cents_); }
  constexpr Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
  constexpr Money& operator-=(Money o) { cents_ -= o.cents_; return *this; }
  friend constexpr Money operator+(Money a, Money b) { return Money(a.cents_ + b.cents_); }
  friend constexpr Money operator-(Money a, Money b) { return Money(a.cents_ - b.cents_); }
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  template <std::integral I>
  constexpr explicit Money(I cents) : cents_(static_cast<std::int64_t>(cents)) {}
  std::int64_t cents_ = 0;
};

// "125", "125.5", "0.01", "-40": the X12 R form (no superfluous zeros), also used in JSON/CSV.
std::string to_x12_amount(Money m);
// The same, written into out (at least kMaxAmountChars bytes); returns the length. The one
// implementation every writer uses; no allocation.
inline constexpr std::size_t kMaxAmountChars = 24;
std::size_t write_x12_amount(Money m, char* out);
// "125.00", "-0.40": two decimals, for people (tables, reports).
std::string to_display_amount(Money m);

}  // namespace clearhouse::model
