#pragma once
// A calendar date without time zone, and the one family of date parsers: every reader and the
// validator reads its dates here (X12 D8, D6 and RD8, ISO, and the encounter input's forms).
// One calendar rule (is_real_date) decides what a real date is; tests/unit/date_test.cpp
// checks it and the parsers against std::chrono on every day of the edge years.

#include <compare>
#include <cstdint>
#include <cstring>
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

// The calendar rule every date passes: years 1800-2999 (what claims and remittances carry),
// months 1-12, the days of that month (leap years included). The month is asked only for days
// 29-31.
constexpr bool is_real_date(int year, int month, int day) {
  return year >= 1800 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
         (day <= 28 || day <= days_in_month(year, month));
}

struct Date {
  std::int16_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  constexpr bool empty() const { return year == 0 && month == 0 && day == 0; }
  // True for a real date (is_real_date).
  constexpr bool valid() const { return is_real_date(year, month, day); }
  // Days since 1970-01-01 (negative before); only meaningful for valid dates.
  std::int32_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int32_t days);

  std::string to_ccyymmdd() const;  // "20240127"
  std::string to_iso() const;       // "2024-01-27"

  // A real date (valid()) written in one form, else nullopt (wrong length, a non-digit, or no
  // such day). D8 is inline: the 835 reader reads one per service line.
  static std::optional<Date> parse_ccyymmdd(std::string_view text);  // X12 D8: "20240131"
  static std::optional<Date> parse_iso(std::string_view text);       // "2024-01-31"
  static std::optional<Date> parse_yymmdd(std::string_view text);    // X12 D6 (ISA09): 00-49 are 20xx
  // The day a stored timestamp starts with ("2024-01-31 10:00:00", "2024-01-31T10:00:00Z").
  static std::optional<Date> parse_timestamp_day(std::string_view timestamp);
  // The fields of a "YYYY-MM-DD" or "CCYYMMDD" text as written, whether or not such a day
  // exists (valid() says); nullopt when the text has neither form. For a reader that leaves
  // "is it a real date" to a later edit with its own message.
  static std::optional<Date> read_fields(std::string_view text);

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

inline std::int32_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

// An X12 RD8 period "CCYYMMDD-CCYYMMDD", from <= to.
struct DateRange {
  Date from, to;
  static std::optional<DateRange> parse_rd8(std::string_view text);
  friend constexpr bool operator==(const DateRange&, const DateRange&) = default;
};

namespace detail {

// Eight ASCII digits CCYYMMDD at p (8 readable bytes) into fields, the calendar not asked;
// false when a byte is not a digit. Eight bytes at once: no loop, no branch per digit.
inline bool eight_digits(const char* p, Date& out) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  // Every byte is 0x30..0x39: its high nibble is 3, and adding 6 keeps it below 0x40.
  if ((w & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull ||
      ((w + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull)
    return false;
  // Pairs of digits at once: byte 2k of pairs is the two-digit number at characters 2k, 2k+1.
  const std::uint64_t digits = w & 0x0F0F0F0F0F0F0F0Full;
  const std::uint64_t pairs = (digits * 10 + (digits >> 8)) & 0x00FF00FF00FF00FFull;
  out.year = static_cast<std::int16_t>((pairs & 0xFF) * 100 + ((pairs >> 16) & 0xFF));
  out.month = static_cast<std::uint8_t>((pairs >> 32) & 0xFF);
  out.day = static_cast<std::uint8_t>((pairs >> 48) & 0xFF);
  return true;
}

}  // namespace detail

inline std::optional<Date> Date::parse_ccyymmdd(std::string_view text) {
  Date d;
  if (text.size() != 8 || !detail::eight_digits(text.data(), d)) [[unlikely]]
    return std::nullopt;
  if (!d.valid()) [[unlikely]]
    return std::nullopt;
  return d;
}

}  // namespace clearhouse::model
