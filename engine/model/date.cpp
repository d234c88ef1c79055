#include "engine/model/date.hpp"

#include <cstdio>

namespace clearhouse::model {
namespace {

std::optional<int> digits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<Date> make(std::string_view y, std::string_view m, std::string_view d) {
  auto yy = digits(y), mm = digits(m), dd = digits(d);
  if (!yy || !mm || !dd) return std::nullopt;
  Date out{static_cast<std::int16_t>(*yy), static_cast<std::uint8_t>(*mm), static_cast<std::uint8_t>(*dd)};
  if (*mm < 1 || *mm > 12 || *dd < 1 || *dd > 31) return std::nullopt;
  if (!out.valid()) return std::nullopt;
  return out;
}

}  // namespace

bool Date::valid() const {
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil.
std::int32_t Date::days_since_epoch() const {
  int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = (month + 9) % 12;
  const unsigned doy = (153 * mp + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Date Date::from_days_since_epoch(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<std::int16_t>(y + (m <= 2 ? 1 : 0)), static_cast<std::uint8_t>(m),
              static_cast<std::uint8_t>(d)};
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

std::optional<Date> Date::parse_ccyymmdd(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  return make(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
}

std::optional<Date> Date::parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  return make(s.substr(0, 4), s.substr(5, 2), s.substr(8, 2));
}

}  // namespace clearhouse::model
