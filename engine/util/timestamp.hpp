#pragma once
// Wall-clock time as the ledger stores it: ISO 8601 UTC to the second ("2024-06-01T09:30:00Z").

#include <chrono>
#include <string>

namespace clearhouse::util {

std::string utc_timestamp(std::chrono::system_clock::time_point t);
inline std::string utc_timestamp_now() { return utc_timestamp(std::chrono::system_clock::now()); }

}  // namespace clearhouse::util
