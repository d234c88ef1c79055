#pragma once
// One PLB adjustment: money the payer adds to or takes from the whole payment, outside any
// claim (interest, overpayment recovery, forward balance, ...). A PLB segment carries up to
// six reason:reference + amount pairs; each becomes one ProviderAdjustment.

#include <cstdint>
#include <string>

#include "engine/model/code.hpp"
#include "engine/model/date.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

struct ProviderAdjustment {
  std::string provider_id;   // PLB01 (NPI or other provider identifier)
  Date fiscal_period_end;    // PLB02
  Code reason;               // PLB03-1 adjustment reason: WO, L6, FB, J1, 72, CS, ...
  std::string reference;     // PLB03-2 the payer's reference (claim, check or account id)
  Money amount;              // positive reduces the payment (BPR02 = sum CLP04 - sum PLB)
  std::uint64_t segment = 0; // ordinal of the PLB segment in the input

  friend bool operator==(const ProviderAdjustment&, const ProviderAdjustment&) = default;
};

}  // namespace clearhouse::model
