#pragma once
// The fast path for the value syntax an 835 is mostly made of, R amounts: it accepts only the
// plain common form ("-1234.5") and computes exactly what x12::grammar computes for it;
// anything else goes to the grammar, which stays the one definition of the syntax
// (tests/unit/fast_values_test.cpp compares the two). D8 dates need no fast path of their
// own: model::Date::parse_ccyymmdd is the one parser, and it is inline and branch-light.

#include <cstdint>
#include <optional>
#include <string_view>

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

// An R amount: the plain form here, everything else through the grammar. False (and zero) when
// the text is not an amount. Hot paths take this form: an optional<Money> passed on is built
// with two stores and copied with one 16-byte load the processor cannot forward from them.
inline bool fast_amount(std::string_view text, model::Money& amount) {
  std::int64_t cents;
  if (plain_amount(text, cents)) {
    amount = model::Money::from_cents(cents);
    return true;
  }
  const auto parsed = x12::grammar::parse_amount(text);
  amount = parsed.value_or(model::Money{});
  return parsed.has_value();
}

inline std::optional<model::Money> fast_amount(std::string_view text) {
  model::Money amount;
  if (fast_amount(text, amount)) return amount;
  return std::nullopt;
}

}  // namespace clearhouse::x12_835
