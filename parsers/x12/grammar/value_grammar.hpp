#pragma once
// Spirit X3 parsers for X12 element value syntaxes. Each returns nullopt when the text is not
// of the type; callers turn that into an error value with the element's position.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/model/date.hpp"
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
// D8: CCYYMMDD, a real calendar date.
std::optional<model::Date> parse_d8(std::string_view text);
// D6: YYMMDD (ISA09), pivoting years at 50 (00-49 -> 20xx).
std::optional<model::Date> parse_d6(std::string_view text);

struct DateRange {
  model::Date from, to;
};
// RD8: CCYYMMDD-CCYYMMDD with from <= to.
std::optional<DateRange> parse_rd8(std::string_view text);

struct TimeOfDay {
  std::uint8_t hour = 0, minute = 0, second = 0;
  std::uint8_t hundredths = 0;
};
// TM: HHMM, HHMMSS, HHMMSSD or HHMMSSDD, within 24 hours.
std::optional<TimeOfDay> parse_tm(std::string_view text);

}  // namespace clearhouse::x12::grammar
