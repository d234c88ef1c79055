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

struct Adjustment {
  AdjustmentGroup group = AdjustmentGroup::unknown;
  Code group_code;                     // CAS01 as written
  Code reason;                         // CARC, e.g. "45"
  Money amount;                        // positive reduces payment; negative in reversals
  std::optional<Decimal> quantity;     // units adjusted, when given

  friend bool operator==(const Adjustment&, const Adjustment&) = default;
};

}  // namespace clearhouse::model
