#pragma once
// Coordination of benefits: the claim's other payers (837P loops 2320, 2330A-2330G) and, once a
// payer has adjudicated the claim, what it decided (2320 CAS/AMT, 2330B DTP*573/REF*F8, and per
// line the 2430 loop). A primary claim carries the payers after it, with no adjudication; the
// next payer's claim (clearhouse secondary) carries every payer before it with its adjudication
// and the payers after it without.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/insured_person.hpp"
#include "engine/model/money.hpp"
#include "engine/model/payer.hpp"

namespace clearhouse::model {

inline constexpr std::size_t kMaxOtherPayers = 10;          // the 837P's 2320 loop repeat
inline constexpr std::size_t kMaxLineAdjudications = 15;    // the 837P's 2430 loop repeat

// What a payer before this claim's payer decided about the whole claim, from its 835 (CLP).
struct PriorAdjudication {
  Money paid;                                        // 2320 AMT*D = that payer's CLP04
  std::optional<Money> remaining_patient_liability;  // 2320 AMT*EAF (the patient's share it left)
  std::optional<Money> non_covered;                  // 2320 AMT*A8
  std::vector<Adjustment> adjustments;               // 2320 CAS: its claim-level CAS, by group
  Date adjudication_date;                            // 2330B DTP*573, claim check or remittance date
  std::string payer_claim_number;                    // 2330B REF*F8 = its CLP07
  friend bool operator==(const PriorAdjudication&, const PriorAdjudication&) = default;
};

// 2330C-2330G: a provider as the other payer knows it (its own secondary identifier).
struct OtherPayerProvider {
  std::string entity;          // NM101: DN referring, 82 rendering, 77 facility, DQ supervising, 85 billing
  std::string entity_type;     // NM102: 1 person, 2 organization
  std::string id_qualifier;    // REF01: G2, LU, 0B, 1G
  std::string id;              // REF02
  friend bool operator==(const OtherPayerProvider&, const OtherPayerProvider&) = default;
};

// One other payer of the claim: its subscriber (2320 SBR, 2330A), the payer (2330B), and its
// adjudication once it has one. In an encounter, "other_coverage" lists them in payment order
// after the primary: {"payer": {...}, "subscriber": {... "payer_responsibility": "S"}, "relationship": "18"}.
struct OtherCoverage {
  Payer payer;                      // 2330B NM1*PR (name, PI id), N3/N4; SBR09 = claim_filing_indicator
  Subscriber subscriber;            // 2320 SBR01/03/04/05, 2330A NM1*IL (MI), N3/N4
  std::string relationship = std::string(kRelationshipSelf);  // SBR02: the patient to this subscriber
  std::string benefits_assignment = "Y";     // OI03
  std::string patient_signature_source;      // OI04, usually empty
  std::string release_of_information = "Y";  // OI06
  std::optional<PriorAdjudication> adjudication;
  std::vector<OtherPayerProvider> providers;  // 2330C-2330G, as partners send them
  friend bool operator==(const OtherCoverage&, const OtherCoverage&) = default;
};

// 2430: one earlier payer's adjudication of one service line (the 835's SVC and its CAS).
struct LineAdjudication {
  std::string payer_id;                 // SVD01 = the 2330B payer's NM109
  Money paid;                           // SVD02 = SVC03
  std::string procedure_code;           // SVD03-2 (HC) = SVC01-2
  std::vector<std::string> modifiers;   // SVD03-3..6
  Decimal paid_units = Decimal::from_integer(1);  // SVD05 = SVC05 (1 when absent)
  std::optional<int> bundled_line;      // SVD06: the line this one was bundled into
  std::vector<Adjustment> adjustments;  // CAS, one segment per group, in the payer's order
  Date adjudication_date;               // DTP*573
  std::optional<Money> remaining_patient_liability;  // AMT*EAF
  friend bool operator==(const LineAdjudication&, const LineAdjudication&) = default;
};

}  // namespace clearhouse::model
