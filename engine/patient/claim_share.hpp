#pragma once
// A claim's patient share, decided from values (no database): what the last payer that
// adjudicated the claim left to the patient, minus what the patient paid on it and the
// adjustments made to it by hand. Pure; tests/unit/claim_share_test.cpp builds its inputs.
//
// - The share is the patient responsibility (CAS group PR, claim and line level) of the last payer
//   in payer order that has a live adjudication: a secondary's PR replaces the primary's.
// - A payer's reversal (CLP02 = 22, amounts negated) cancels that payer's adjudication: until its
//   correction arrives the claim is pending insurance (the share falls back to the payer before);
//   the correction then sets the share to what it says.
// - A claim with no adjudication yet, with another payer still due (a secondary claim due or
//   sent), or with a reversal not yet corrected is pending insurance: never due.
// - Every change is an entry (engine/model/patient_share_entry.hpp): each adjudication that moves
//   the share gives a remittance (or reversal) entry of the difference, on its date.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/patient_share_entry.hpp"

namespace clearhouse::patient {

// One service line of an adjudication (loop 2110).
struct AdjudicatedLine {
  std::string procedure;                       // SVC01-2
  model::Money billed, paid;                   // SVC02, SVC03
  std::optional<model::Money> allowed;         // AMT*B6 when the payer sent it
  std::vector<model::Adjustment> adjustments;  // the line's CAS triples
};

// One payer's adjudication of the claim (an 835 CLP), as posted.
struct PayerAdjudication {
  int level = 1;                  // 1 primary, 2 secondary, 3 tertiary
  std::string payer_id, payer_name;
  model::Date date;               // the remittance's date
  std::string reference;          // its trace number (TRN02)
  bool reversal = false;          // CLP02 = 22: the original's amounts, negated
  model::Money billed, paid;      // CLP03, CLP04
  std::vector<model::Adjustment> claim_adjustments;  // claim-level CAS triples
  std::vector<AdjudicatedLine> lines;

  // Sum of the group PR amounts, claim and lines.
  model::Money patient_responsibility() const;
  // Sum of every other group's amounts (CO, OA, PI, ...): what the patient does not owe.
  model::Money other_adjustments() const;
};

struct ClaimShareInput {
  std::string claim_id;
  // In payer order (level), each payer's in the order they were posted.
  std::vector<PayerAdjudication> adjudications;
  // A next payer's claim is due or sent and has no adjudication yet.
  bool another_payer_due = false;
  // Patient payments and adjustments applied to this claim (sources payment, adjustment and
  // payment reversals); remittance entries here are ignored (they are decided below).
  std::vector<model::PatientShareEntry> patient_entries;
};

struct ClaimShare {
  std::string claim_id;
  bool pending_insurance = true;
  int deciding_level = 0;                       // 0: no live adjudication
  std::optional<std::size_t> deciding;          // index of the deciding adjudication in the input
  model::Money patient_share;                   // what the deciding payer left to the patient
  model::Money balance;                         // patient_share + patient entries
  model::Date due_since;                        // date of the entry that last set the share
  std::vector<model::PatientShareEntry> entries;  // remittance/reversal entries, then the patient's, by date
  // The PR reasons that make up patient_share, netted over the deciding payer's adjudications
  // (reason code -> amount, in first-seen order, zero sums dropped).
  std::vector<model::Adjustment> reasons;

  // What the patient owes now: the balance, unless insurance is pending.
  model::Money due() const { return pending_insurance ? model::Money{} : balance; }
};

ClaimShare decide_claim_share(const ClaimShareInput& input);

}  // namespace clearhouse::patient
