#pragma once
// An ambulance transport on a claim (837P 2300 CR1 and CRC, and the pick-up and drop-off
// locations of loops 2310E and 2310F).

#include <optional>
#include <string>
#include <vector>

#include "engine/model/decimal.hpp"
#include "engine/model/party.hpp"

namespace clearhouse::model {

// CRC*07: the conditions that made the transport medically necessary.
struct AmbulanceCertification {
  std::string answer = "Y";             // CRC02: Y the conditions apply, N they do not
  std::vector<std::string> conditions;  // CRC03-07: 1-5 of 01, 04, 05, 06, 07, 08, 09, 12
  friend bool operator==(const AmbulanceCertification&, const AmbulanceCertification&) = default;
};

struct AmbulanceTransport {
  std::optional<Decimal> patient_weight;  // CR102 pounds (CR101 = LB), when it justifies the service level
  std::string transport_reason;           // CR104: A-E
  Decimal distance;                       // CR106 miles (CR105 = DH)
  std::string round_trip_purpose;         // CR109, for a round trip
  std::string stretcher_purpose;          // CR110, when a stretcher was used
  std::vector<AmbulanceCertification> certifications;  // CRC*07, at most 3
  Address pick_up;                        // 2310E: NM1*PW, N3, N4
  std::string drop_off_name;              // 2310F NM103, optional (the hospital's name)
  Address drop_off;                       // 2310F: NM1*45, N3, N4
  friend bool operator==(const AmbulanceTransport&, const AmbulanceTransport&) = default;
};

}  // namespace clearhouse::model
