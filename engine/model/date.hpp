#pragma once
// A calendar date without time zone, as X12 D8 (CCYYMMDD) and ISO (YYYY-MM-DD) carry it.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clearhouse::model {

constexpr bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days in a Gregorian month (1-12).
constexpr int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (month == 2 && is_leap_year(year)) ? 29 : kDays[month - 1];
}

struct Date {
  std::int16_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  constexpr bool empty() const { return year == 0 && month == 0 && day == 0; }
  // True for a real Gregorian date (leap years included), years 1800-2999.
  bool valid() const;
  // Days since 1970-01-01 (negative before); only meaningful for valid dates.
  std::int32_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int32_t days);

  std::string to_ccyymmdd() const;  // "20240127"
  std::string to_iso() const;       // "2024-01-27"

  // Parse "CCYYMMDD" or "YYYY-MM-DD"; nullopt when malformed or not a real date.
  static std::optional<Date> parse_ccyymmdd(std::string_view s);
  static std::optional<Date> parse_iso(std::string_view s);

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

inline std::int32_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

}  // namespace clearhouse::model
