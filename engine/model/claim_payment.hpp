#pragma once
// Loop 2100 of an 835: the payer's adjudication of one claim (CLP and what follows it),
// with its service lines.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/model/code.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/line_payment.hpp"
#include "engine/model/money.hpp"
#include "engine/model/party.hpp"
#include "engine/model/qualified_value.hpp"
#include "engine/model/recycling_vector.hpp"
#include "engine/model/unread_amounts.hpp"

namespace clearhouse::model {

// MIA (inpatient) and MOA (outpatient) adjudication information: amounts by element
// position plus the remark codes (RARCs) they carry.
struct AdjudicationInfo {
  std::vector<PositionedAmount> amounts;       // monetary elements that were sent
  std::vector<QualifiedQuantity> quantities;   // counts and rates, qualifier = element position ("01")
  std::vector<Code> remark_codes;              // RARCs (MIA05/20-24, MOA03-07)
  friend bool operator==(const AdjudicationInfo&, const AdjudicationInfo&) = default;
};

// CLP02 19, 20, 21: the payer processed the claim (as primary, secondary, tertiary) and sent it
// on to the next payer itself (a crossover).
inline bool processed_and_forwarded(std::string_view clp02) { return clp02 == "19" || clp02 == "20" || clp02 == "21"; }

// The payer sent the claim on to another payer itself, which answers next: after processing it
// (19-21), or without, as not its claim (23). Nobody else should bill that payer for it now.
inline bool forwarded_to_another_payer(std::string_view clp02) {
  return processed_and_forwarded(clp02) || clp02 == "23";
}

struct ClaimPayment {
  std::string patient_control_number;      // CLP01: the claim id the provider submitted (CLM01)
  Code status_code;                        // CLP02: 1/2/3 processed, 4 denied, 19-21 forwarded, 22 reversal, ...
  Money billed;                            // CLP03
  Money paid;                              // CLP04
  Money patient_responsibility;            // CLP05
  Code filing_indicator;                   // CLP06
  std::string payer_claim_control_number;  // CLP07
  Code facility_code;                      // CLP08 (place of service for professional claims)
  Code frequency_code;                     // CLP09
  std::string drg_code;                    // CLP11
  std::optional<Decimal> drg_weight;       // CLP12
  std::optional<Decimal> discharge_fraction;  // CLP13
  std::vector<Adjustment> adjustments;     // claim-level CAS, every triple
  std::vector<Party> parties;              // NM1 QC patient, IL insured, 74 corrected, 82 rendering, TT crossover, PR payer
  std::optional<AdjudicationInfo> inpatient;   // MIA
  std::optional<AdjudicationInfo> outpatient;  // MOA
  std::vector<QualifiedText> references;   // REF (1L group, F8 original ref, CE, ...)
  std::vector<QualifiedDate> dates;        // DTM 050 received, 232/233 statement period, 036, ...
  std::vector<Contact> contacts;           // PER*CX
  std::vector<QualifiedAmount> amounts;    // AMT (AU coverage, I interest, ...)
  std::vector<QualifiedQuantity> quantities;  // QTY
  RecyclingVector<LinePayment> lines;      // loop 2110
  std::size_t header_group = 0;            // index of its LX group in Remittance::header_groups
  std::uint64_t segment = 0;               // ordinal of the CLP segment in the input
  std::uint64_t offset = 0;                // byte offset of the CLP segment
  UnreadAmounts unread;                     // CLP03, CLP04, claim-level CAS that were not amounts

  Money adjustment_total() const {         // claim CAS + every line's CAS
    Money sum;
    for (const auto& a : adjustments) sum += a.amount;
    for (const auto& l : lines) sum += l.adjustment_total();
    return sum;
  }
  Date date(std::string_view qualifier) const {
    const auto* d = find_qualified(dates, qualifier);
    return d ? d->date : Date{};
  }
  const Party* party(std::string_view entity) const {
    for (const auto& p : parties)
      if (p.entity == entity) return &p;
    return nullptr;
  }
};

}  // namespace clearhouse::model
