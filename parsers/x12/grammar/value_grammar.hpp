#pragma once
// Spirit X3 parsers for X12 element value syntaxes. Each returns nullopt when the text is not
// of the type; callers turn that into an error value with the element's position.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::x12::grammar {

// R as money: "125", "125.5", "-40", ".01", "12.340" -> exact cents. Sub-cent precision
// (e.g. "1.005") is not money and yields nullopt.
std::optional<model::Money> parse_amount(std::string_view text);
// R as an exact decimal (units, quantities): up to 18 significant digits.
std::optional<model::Decimal> parse_decimal(std::string_view text);
// Nn: an optionally signed integer with n implied decimal places (N0 = integer, N2 = cents).
std::optional<model::Decimal> parse_implied(std::string_view text, int implied_decimals);
// N0 as a plain integer.
std::optional<std::int64_t> parse_integer(std::string_view text);
// Dates (D8, D6, RD8) are model::Date's: engine/model/date.hpp, the one family of date
// parsers every reader shares.

struct TimeOfDay {
  std::uint8_t hour = 0, minute = 0, second = 0;
  std::uint8_t hundredths = 0;
};
// TM: HHMM, HHMMSS, HHMMSSD or HHMMSSDD, within 24 hours.
std::optional<TimeOfDay> parse_tm(std::string_view text);

}  // namespace clearhouse::x12::grammar
