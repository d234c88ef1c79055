#include "engine/model/money.hpp"

namespace clearhouse::model {
namespace {

// |cents| as digits, then ".dd" (fixed) or ".d"/".dd" with trailing zeros dropped (trimmed).
std::size_t write(std::int64_t cents, bool trim, char* out) {
  // Unsigned magnitude so that INT64_MIN does not overflow on negation.
  const bool negative = cents < 0;
  const std::uint64_t magnitude = negative ? (~static_cast<std::uint64_t>(cents) + 1) : static_cast<std::uint64_t>(cents);
  std::uint64_t whole = magnitude / 100;
  const unsigned fraction = static_cast<unsigned>(magnitude % 100);
  char digits[24];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  std::size_t len = 0;
  if (negative) out[len++] = '-';
  while (n > 0) out[len++] = digits[--n];
  if (!trim || fraction != 0) {
    out[len++] = '.';
    out[len++] = static_cast<char>('0' + fraction / 10);
    if (!trim || fraction % 10 != 0) out[len++] = static_cast<char>('0' + fraction % 10);
  }
  return len;
}

}  // namespace

std::size_t write_x12_amount(Money m, char* out) { return write(m.cents(), true, out); }

std::string to_x12_amount(Money m) {
  char buf[kMaxAmountChars];
  return std::string(buf, write(m.cents(), true, buf));
}

std::string to_display_amount(Money m) {
  char buf[kMaxAmountChars];
  return std::string(buf, write(m.cents(), false, buf));
}

}  // namespace clearhouse::model
