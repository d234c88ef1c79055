#pragma once
// Loop 2110 of an 835: how the payer adjudicated one service line (SVC and what follows it).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"
#include "engine/model/qualified_value.hpp"
#include "engine/model/service_procedure.hpp"
#include "engine/model/unread_amounts.hpp"

namespace clearhouse::model {

struct LinePayment {
  ServiceProcedure procedure;                    // SVC01 as adjudicated
  Money billed;                                  // SVC02 line charge
  Money paid;                                    // SVC03
  Code revenue_code;                             // SVC04 (institutional)
  std::optional<Decimal> units;                  // SVC05 units paid (1 when absent)
  std::optional<ServiceProcedure> original_procedure;  // SVC06: the code billed, when the payer changed it
  std::optional<Decimal> original_units;         // SVC07
  Date service_date;                             // DTM*472
  Date period_start, period_end;                 // DTM*150 / DTM*151
  std::vector<Adjustment> adjustments;           // line CAS, every triple
  std::string line_control_number;               // REF*6R: the provider's line id echoed back
  std::vector<QualifiedText> references;         // every other REF
  std::optional<Money> allowed;                  // AMT*B6
  std::vector<QualifiedAmount> amounts;          // every other AMT
  std::vector<QualifiedQuantity> quantities;     // QTY
  std::vector<QualifiedText> remarks;            // LQ: HE = RARC, RX = NCPDP reject code
  std::uint64_t segment = 0;                     // ordinal of the SVC segment in the input
  UnreadAmounts unread;                           // SVC02, SVC03, line CAS that were not amounts

  // The billed procedure: SVC06 when present, else SVC01.
  const ServiceProcedure& billed_procedure() const { return original_procedure ? *original_procedure : procedure; }
  Money adjustment_total() const {
    Money sum;
    for (const auto& a : adjustments) sum += a.amount;
    return sum;
  }
  // The first service date known for the line: 472, else 150.
  Date date() const { return service_date.empty() ? period_start : service_date; }
};

}  // namespace clearhouse::model
