#pragma once
// The drug a service line administers or supplies (837P loop 2410: LIN, CTP, REF). Payers
// price injectables and other drugs billed with a HCPCS code by the National Drug Code.

#include <string>

#include "engine/model/decimal.hpp"

namespace clearhouse::model {

struct Drug {
  std::string ndc;                  // LIN03 with LIN02 = N4: 11 digits in 5-4-2 form, no hyphens
  Decimal quantity;                 // CTP04: how much of the drug, in `unit`
  std::string unit;                 // CTP05-1: F2 international unit, GR gram, ME milligram, ML milliliter, UN unit
  std::string prescription_number;  // REF*XZ, the pharmacy prescription number; empty when not sent
  friend bool operator==(const Drug&, const Drug&) = default;
};

}  // namespace clearhouse::model
