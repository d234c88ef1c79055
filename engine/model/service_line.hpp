#pragma once
// One service line of a submitted claim (837P loop 2400: LX, SV1, DTP*472, REF*6R).

#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

struct ServiceLine {
  int line_number = 0;                 // LX01: 1, 2, ... within the claim
  std::string procedure_code;          // SV101-2 (CPT or HCPCS, qualifier HC)
  std::vector<std::string> modifiers;  // SV101-3..6, at most four
  Money charge;                        // SV102
  std::string unit_code = "UN";        // SV103: UN units, MJ minutes
  Decimal units = Decimal::from_integer(1);  // SV104
  std::string place_of_service;        // the line's; SV105 is written only when it differs from the claim's
  std::vector<int> diagnosis_pointers; // SV107: 1-4 pointers into the claim's diagnoses (1-based)
  Date service_date;                   // DTP*472 (D8), or the start of a range
  Date service_date_end;               // empty unless a range (RD8)
  std::string line_control_number;     // REF*6R, echoed by the payer in the 835
  friend bool operator==(const ServiceLine&, const ServiceLine&) = default;
};

}  // namespace clearhouse::model
