#include "engine/model/date.hpp"

#include <chrono>
#include <cstdio>

namespace clearhouse::model {
namespace {

// The date in the standard calendar types, whose arithmetic we use.
std::chrono::year_month_day civil(const Date& d) {
  return std::chrono::year{d.year} / std::chrono::month{d.month} / std::chrono::day{d.day};
}

// "YYYY-MM-DD" into eight digits CCYYMMDD (out holds 8 bytes); false when the dashes are not
// where they belong or the length is wrong.
bool iso_digits(std::string_view text, char* out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::memcpy(out, text.data(), 4);
  std::memcpy(out + 4, text.data() + 5, 2);
  std::memcpy(out + 6, text.data() + 8, 2);
  return true;
}

std::optional<Date> real(const Date& d) { return d.valid() ? std::optional<Date>(d) : std::nullopt; }

}  // namespace

std::int32_t Date::days_since_epoch() const {
  return static_cast<std::int32_t>(std::chrono::sys_days(civil(*this)).time_since_epoch().count());
}

Date Date::from_days_since_epoch(std::int32_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return Date{static_cast<std::int16_t>(static_cast<int>(ymd.year())),
              static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month())),
              static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()))};
}

std::string Date::to_ccyymmdd() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

std::string Date::to_iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  char digits[8];
  Date d;
  if (!iso_digits(text, digits) || !detail::eight_digits(digits, d)) return std::nullopt;
  return real(d);
}

std::optional<Date> Date::parse_timestamp_day(std::string_view timestamp) {
  if (timestamp.size() < 10) return std::nullopt;
  return parse_iso(timestamp.substr(0, 10));
}

std::optional<Date> Date::parse_yymmdd(std::string_view text) {
  if (text.size() != 6) return std::nullopt;
  char digits[8] = {'0', '0'};
  std::memcpy(digits + 2, text.data(), 6);
  Date d;
  if (!detail::eight_digits(digits, d)) return std::nullopt;
  d.year = static_cast<std::int16_t>(d.year + (d.year < 50 ? 2000 : 1900));
  return real(d);
}

std::optional<Date> Date::read_fields(std::string_view text) {
  char digits[8];
  const char* p = text.size() == 8 ? text.data() : iso_digits(text, digits) ? digits : nullptr;
  Date d;
  if (p == nullptr || !detail::eight_digits(p, d)) return std::nullopt;
  return d;
}

std::optional<DateRange> DateRange::parse_rd8(std::string_view text) {
  if (text.size() != 17 || text[8] != '-') return std::nullopt;
  const auto from = Date::parse_ccyymmdd(text.substr(0, 8));
  const auto to = Date::parse_ccyymmdd(text.substr(9));
  if (!from || !to || *to < *from) return std::nullopt;
  return DateRange{*from, *to};
}

}  // namespace clearhouse::model
