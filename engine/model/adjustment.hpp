#pragma once
// One CAS reason/amount/quantity triple: the payer's explanation for part of the billed amount
// that was not paid. A CAS segment carries up to six of them under one group code.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/code.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

// CAS01 claim adjustment group codes of 5010 (CR existed only in 4010; kept so old files read).
enum class AdjustmentGroup : std::uint8_t {
  contractual,      // CO contractual obligation: written off, the patient does not owe it
  patient,          // PR patient responsibility
  other,            // OA other adjustment
  payer_initiated,  // PI payer-initiated reduction
  correction,       // CR correction and reversal (4010 only)
  unknown,          // anything else; the raw code is kept in Adjustment::group_code
};

AdjustmentGroup adjustment_group_from_code(std::string_view code);
std::string_view to_code(AdjustmentGroup group);  // "CO", "PR", ...; "" for unknown

// What a patient-responsibility (PR) CARC makes the patient owe. The one classification every
// total, rule and statement uses: 1, 66 (blood) and 247 (professional service on an institutional
// claim) are deductibles; 2 and 248 coinsurance; 3 and 241 (low-income subsidy) copays.
enum class PatientShareKind : std::uint8_t { deductible, coinsurance, copay, other };

constexpr PatientShareKind patient_share_kind(std::string_view carc) {
  if (carc == "1" || carc == "66" || carc == "247") return PatientShareKind::deductible;
  if (carc == "2" || carc == "248") return PatientShareKind::coinsurance;
  if (carc == "3" || carc == "241") return PatientShareKind::copay;
  return PatientShareKind::other;
}

struct Adjustment {
  AdjustmentGroup group = AdjustmentGroup::unknown;
  Code group_code;                     // CAS01 as written
  Code reason;                         // CARC, e.g. "45"
  Money amount;                        // positive reduces payment; negative in reversals
  std::optional<Decimal> quantity;     // units adjusted, when given

  friend bool operator==(const Adjustment&, const Adjustment&) = default;
};

}  // namespace clearhouse::model
