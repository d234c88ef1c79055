#pragma once
// One service line of a submitted claim (837P loop 2400: LX, SV1, PWK, DTP*472, REF*G1/6R/9F,
// NTE, the drug of loop 2410, and the earlier payers' adjudication of loop 2430).

#include <optional>
#include <string>
#include <vector>

#include "engine/model/attachment.hpp"
#include "engine/model/boxed.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/drug.hpp"
#include "engine/model/money.hpp"
#include "engine/model/note.hpp"
#include "engine/model/other_coverage.hpp"

namespace clearhouse::model {

// What few lines carry besides the service itself.
struct LineSupplements {
  std::string prior_authorization;     // REF*G1, when the line's differs from the claim's
  std::string referral_number;         // REF*9F, when the line's differs from the claim's
  std::vector<Attachment> attachments; // PWK, at most 10
  std::optional<Note> note;            // NTE (ADD or DCP)
  std::optional<Drug> drug;            // 2410 LIN/CTP/REF
  std::vector<LineAdjudication> prior_adjudications;  // 2430: earlier payers' SVD/CAS, per payer
  friend bool operator==(const LineSupplements&, const LineSupplements&) = default;
};

struct ServiceLine {
  int line_number = 0;                 // LX01: 1, 2, ... within the claim
  std::string procedure_code;          // SV101-2 (CPT or HCPCS, qualifier HC)
  std::vector<std::string> modifiers;  // SV101-3..6, at most four
  Money charge;                        // SV102
  std::string unit_code = "UN";        // SV103: UN units, MJ minutes (anesthesia time)
  Decimal units = Decimal::from_integer(1);  // SV104: units, or whole minutes with MJ
  std::string place_of_service;        // the line's; SV105 is written only when it differs from the claim's
  std::vector<int> diagnosis_pointers; // SV107: 1-4 pointers into the claim's diagnoses (1-based)
  Date service_date;                   // DTP*472 (D8), or the start of a range
  Date service_date_end;               // empty unless a range (RD8)
  std::string line_control_number;     // REF*6R, echoed by the payer in the 835
  Boxed<LineSupplements> supplements; // PWK, REF*G1/9F, NTE, 2410: on few lines, so kept apart
  friend bool operator==(const ServiceLine&, const ServiceLine&) = default;
};

}  // namespace clearhouse::model
