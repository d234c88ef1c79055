#pragma once
// Fast paths for the two value syntaxes an 835 is made of: R amounts and D8 dates. Each
// accepts only the plain common form ("-1234.5", "20240131") and computes exactly what
// x12::grammar computes for it; anything else goes to the grammar, which stays the one
// definition of the syntax (tests/unit/fast_values_test.cpp compares the two).

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::x12_835 {

// The plain R form "[-]digits[.d[d]]" with at most 15 whole digits: true and exact cents.
// False for anything else ("12.340", ".5", "1e3", text), which the grammar then decides.
[[gnu::always_inline]] inline bool plain_amount(std::string_view text, std::int64_t& cents) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p != end && *p == '-';
  p += negative;
  const char* const digits = p;
  std::uint64_t v = 0;  // unsigned: a longer run of digits may wrap before it is turned down
  for (; p != end; ++p) {
    const unsigned d = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
    if (d > 9) break;
    v = v * 10 + d;
  }
  if (p == digits || p - digits > 15) return false;
  v *= 100;
  if (p != end) {
    if (*p != '.' || end - p > 3) return false;
    const auto fraction = end - p - 1;
    if (fraction >= 1) {
      const unsigned d = static_cast<unsigned char>(p[1]) - static_cast<unsigned>('0');
      if (d > 9) return false;
      v += 10 * d;
    }
    if (fraction == 2) {
      const unsigned d = static_cast<unsigned char>(p[2]) - static_cast<unsigned>('0');
      if (d > 9) return false;
      v += d;
    }
  }
  cents = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return true;
}

// An R amount: the plain form here, everything else through the grammar.
inline std::optional<model::Money> fast_amount(std::string_view text) {
  std::int64_t cents;
  if (plain_amount(text, cents)) return model::Money::from_cents(cents);
  return x12::grammar::parse_amount(text);
}

inline std::optional<model::Date> fast_d8(std::string_view text) {
  if (text.size() != 8) return x12::grammar::parse_d8(text);
  std::uint64_t w;
  std::memcpy(&w, text.data(), 8);
  // Eight ASCII digits: every byte is 0x30..0x39 (adding 6 keeps a digit below 0x40).
  if ((w & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull ||
      ((w + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull)
    return x12::grammar::parse_d8(text);
  // Pairs of digits at once: byte 2k of pairs is the two-digit number at characters 2k, 2k+1.
  const std::uint64_t digits = w & 0x0F0F0F0F0F0F0F0Full;
  const std::uint64_t pairs = (digits * 10 + (digits >> 8)) & 0x00FF00FF00FF00FFull;
  const int year = static_cast<int>(pairs & 0xFF) * 100 + static_cast<int>((pairs >> 16) & 0xFF);
  const int month = static_cast<int>((pairs >> 32) & 0xFF);
  const int day = static_cast<int>((pairs >> 48) & 0xFF);
  // Checked on the integers, the Date built once: years 1800-2999, and the calendar asked only
  // for days 29-31.
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1) [[unlikely]]
    return std::nullopt;
  if (day > 28 && day > model::days_in_month(year, month)) [[unlikely]]
    return std::nullopt;
  return model::Date{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month), static_cast<std::uint8_t>(day)};
}

}  // namespace clearhouse::x12_835
