#pragma once
// An exact decimal number (coefficient x 10^-scale) for X12 R and N quantities that are not
// money: service units, percentages. Normalised so that "1", "1.0" and "1.00" compare equal.

#include <compare>
#include <cstdint>
#include <string>

namespace clearhouse::model {

struct Decimal {
  std::int64_t coefficient = 0;
  std::int8_t scale = 0;  // digits after the decimal point

  constexpr Decimal normalized() const {
    Decimal d = *this;
    while (d.scale > 0 && d.coefficient % 10 == 0) {
      d.coefficient /= 10;
      --d.scale;
    }
    return d;
  }
  static constexpr Decimal from_integer(std::int64_t v) { return Decimal{v, 0}; }
  constexpr bool is_zero() const { return coefficient == 0; }
  constexpr bool is_negative() const { return coefficient < 0; }
  // "1", "1.5", "-0.25": shortest exact form, as X12 R wants it.
  std::string to_string() const;

  friend constexpr bool operator==(const Decimal& a, const Decimal& b) {
    const Decimal x = a.normalized(), y = b.normalized();
    return x.coefficient == y.coefficient && x.scale == y.scale;
  }
};

inline std::string Decimal::to_string() const {
  const Decimal d = normalized();
  const bool negative = d.coefficient < 0;
  std::uint64_t magnitude = negative ? (~static_cast<std::uint64_t>(d.coefficient) + 1) : static_cast<std::uint64_t>(d.coefficient);
  std::string digits = std::to_string(magnitude);
  if (d.scale > 0) {
    if (digits.size() <= static_cast<std::size_t>(d.scale)) digits.insert(0, static_cast<std::size_t>(d.scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(d.scale), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

}  // namespace clearhouse::model
