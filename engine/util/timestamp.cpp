#include "engine/util/timestamp.hpp"

#include <cstdio>
#include <ctime>

namespace clearhouse::util {

std::string utc_timestamp(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

LocalTime local_time(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&seconds, &tm);
  char hhmm[8];
  std::snprintf(hhmm, sizeof hhmm, "%02d%02d", tm.tm_hour, tm.tm_min);
  return {model::Date{static_cast<std::int16_t>(tm.tm_year + 1900), static_cast<std::uint8_t>(tm.tm_mon + 1),
                      static_cast<std::uint8_t>(tm.tm_mday)},
          hhmm};
}

}  // namespace clearhouse::util
