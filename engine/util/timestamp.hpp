#pragma once
// Wall-clock time as the ledger stores it: ISO 8601 UTC to the second ("2024-06-01T09:30:00Z");
// and the local date and HHMM time that X12 envelopes carry (ISA09/10, GS04/05, BHT).

#include <chrono>
#include <string>

#include "engine/model/date.hpp"

namespace clearhouse::util {

std::string utc_timestamp(std::chrono::system_clock::time_point t);
inline std::string utc_timestamp_now() { return utc_timestamp(std::chrono::system_clock::now()); }

struct LocalTime {
  model::Date date;
  std::string hhmm;
};
LocalTime local_time(std::chrono::system_clock::time_point t);

}  // namespace clearhouse::util
