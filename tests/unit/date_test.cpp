// The one family of date parsers (engine/model/date.hpp): every form, held against
// std::chrono's calendar on every day of the edge years, and the date arithmetic.
#include "engine/model/date.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace clearhouse::model {
namespace {

// The calendar as the standard library knows it, within the years dates may carry.
bool chrono_real(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return ymd.ok() && year >= 1800 && year <= 2999;
}

constexpr int kEdgeYears[] = {1799, 1800, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 2999, 3000};

TEST(Date, EveryFormAgreesWithChronoOnEveryDayOfTheEdgeYears) {
  for (int year : kEdgeYears)
    for (int month = 0; month <= 13; ++month)
      for (int day = 0; day <= 32; ++day) {
        const Date fields{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month),
                          static_cast<std::uint8_t>(day)};
        const bool real = chrono_real(year, month, day);
        const std::string d8 = fmt::format("{:04d}{:02d}{:02d}", year, month, day);
        const std::string iso = fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
        SCOPED_TRACE(d8);
        EXPECT_EQ(is_real_date(year, month, day), real);
        EXPECT_EQ(fields.valid(), real);
        EXPECT_EQ(Date::parse_ccyymmdd(d8), real ? std::optional<Date>(fields) : std::nullopt);
        EXPECT_EQ(Date::parse_iso(iso), real ? std::optional<Date>(fields) : std::nullopt);
        // The fields as written, real or not.
        EXPECT_EQ(Date::read_fields(d8), fields);
        EXPECT_EQ(Date::read_fields(iso), fields);
        if (year == 1999 || year == 2024) {
          const std::string d6 = d8.substr(2);
          EXPECT_EQ(Date::parse_yymmdd(d6), real ? std::optional<Date>(fields) : std::nullopt);
        }
      }
}

TEST(Date, DaysInMonthIsTheCalendars) {
  for (int year = 1800; year <= 2999; ++year)
    for (int month = 1; month <= 12; ++month) {
      const auto last = std::chrono::year_month_day_last{
          std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
      ASSERT_EQ(days_in_month(year, month), static_cast<int>(static_cast<unsigned>(last.day()))) << year << "-" << month;
    }
}

TEST(Date, LeapDaysAndMonthEnds) {
  for (const char* real : {"20240229", "20000229", "20241231", "20240430"}) EXPECT_TRUE(Date::parse_ccyymmdd(real)) << real;
  for (const char* not_real : {"20230229", "21000229", "20240431", "20261345"})
    EXPECT_FALSE(Date::parse_ccyymmdd(not_real)) << not_real;
  EXPECT_FALSE(Date::parse_iso("2024-02-30"));
}

TEST(Date, TextOfTheWrongShapeIsNoDate) {
  for (const char* text : {"", "2024013", "202401311", "2024O131", "2024-1-3", "        ", "2024/01/31", "+2024013",
                           "20240131 "}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(Date::parse_ccyymmdd(text));
    EXPECT_FALSE(Date::parse_iso(text));
    EXPECT_FALSE(Date::parse_yymmdd(text));
  }
  EXPECT_FALSE(Date::parse_ccyymmdd(std::string_view("2024\0" "131", 8)));
  for (const char* text : {"2024-01-3x", "2024_01_31", "20-4-01-31", "2024-01-31T00", "24-01-31", "2024-0131"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(Date::parse_iso(text));
    EXPECT_FALSE(Date::read_fields(text));
  }
  EXPECT_FALSE(Date::read_fields("03/14/1968"));
  EXPECT_FALSE(Date::read_fields("1968-3-14"));
}

TEST(Date, D6PivotsAtFifty) {
  EXPECT_EQ(Date::parse_yymmdd("240612"), (Date{2024, 6, 12}));
  EXPECT_EQ(Date::parse_yymmdd("491231"), (Date{2049, 12, 31}));
  EXPECT_EQ(Date::parse_yymmdd("500101"), (Date{1950, 1, 1}));
  EXPECT_EQ(Date::parse_yymmdd("991231"), (Date{1999, 12, 31}));
  EXPECT_EQ(Date::parse_yymmdd("000229"), (Date{2000, 2, 29}));
  EXPECT_FALSE(Date::parse_yymmdd("010229"));
  EXPECT_FALSE(Date::parse_yymmdd("2406120"));
}

TEST(Date, Rd8IsAnOrderedPairOfRealDates) {
  EXPECT_EQ(DateRange::parse_rd8("20240101-20240131"), (DateRange{{2024, 1, 1}, {2024, 1, 31}}));
  EXPECT_EQ(DateRange::parse_rd8("20240101-20240101"), (DateRange{{2024, 1, 1}, {2024, 1, 1}}));
  // Ends before it starts; one date; no such day; another separator; a date too short or long.
  for (const char* text : {"20240131-20240101", "20240101", "20240101-20240230", "20240101:20240131",
                           "20240101-2024013", "20240101-202401311"})
    EXPECT_FALSE(DateRange::parse_rd8(text)) << text;
}

TEST(Date, Arithmetic) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{1969, 12, 31}).days_since_epoch(), -1);
  EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11017);
  EXPECT_EQ(days_between(Date{2024, 1, 1}, Date{2024, 3, 1}), 60);
  for (int d = -62000; d < 380000; d += 37) EXPECT_EQ(Date::from_days_since_epoch(d).days_since_epoch(), d);
  // Day after day, the fields step through the calendar the parsers accept.
  Date previous = Date::from_days_since_epoch((Date{1800, 1, 1}).days_since_epoch());
  for (int d = (Date{1800, 1, 2}).days_since_epoch(); d <= (Date{2999, 12, 31}).days_since_epoch(); ++d) {
    const Date next = Date::from_days_since_epoch(d);
    ASSERT_TRUE(next.valid()) << d;
    ASSERT_LT(previous, next);
    ASSERT_EQ(Date::parse_ccyymmdd(next.to_ccyymmdd()), next);
    previous = next;
  }
  EXPECT_EQ(previous, (Date{2999, 12, 31}));
  EXPECT_EQ(Date::parse_iso("2024-01-27").value().to_ccyymmdd(), "20240127");
  EXPECT_EQ((Date{2024, 1, 27}).to_iso(), "2024-01-27");
}

}  // namespace
}  // namespace clearhouse::model
