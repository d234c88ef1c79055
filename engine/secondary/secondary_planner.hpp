#pragma once
// The next payer's claim (coordination of benefits), decided without a database: for each
// candidate the ledger read (a claims row naming other coverage, whose payer's remittance
// posted), whether it is due, and the next payer's model::Claim.
//
// The next payer is the first entry of the claim's other_coverage without an adjudication (a
// primary claim lists the payers after it; the next payer's claim lists the payers before it
// with their adjudication, then the ones after it). The claim's standing payment (the latest
// payment not reversed, not itself a reversal) decides:
//   - CLP02 19/20/21, or an NM1*TT in the CLP: the payer forwarded the claim itself
//     (crossover): not sent; history "forwarded" once for that payment;
//   - no standing payment (every payment reversed, no correction yet): not sent; history
//     "waiting_reversed" once;
//   - already sent to that payer on this payment: nothing (runs are idempotent);
//   - sent on an earlier payment since reversed and corrected: a replacement (CLM05-3 = 7) with
//     REF*F8 = the next payer's claim number (its 277CA REF*1K or 835 CLP07). When that number
//     is not known yet, the replacement waits (the guide requires REF*F8 with frequency 7);
//     history "waiting_claim_number" once, and a later run sends it once the number arrives;
//   - the payer left the patient nothing (CLP05 = 0, e.g. paid in full or a contractual
//     denial): nothing to bill the next payer for; history "nothing_owed" once;
//   - otherwise (processed, or denied with a patient share: the next payer needs a denial's
//     adjudication too) sent.
// The next payer's claim: its payer and subscriber (SBR01 S or T) from the next coverage; every
// earlier payer, and the claim's own payer now, in other_coverage WITH adjudication (AMT*D =
// CLP04, CAS = its claim-level CAS triples, AMT*EAF = CLP05, DTP*573 = its remittance's payment
// date (BPR16, else the posting date), REF*F8 = CLP07), the payers after the next one without;
// per line, a 2430 from the SVC matched to it (SVD02 = SVC03, procedure and modifiers as
// billed, SVD05 = SVC05 or 1, CAS triples, DTP*573).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ledger/coordination_store.hpp"
#include "engine/model/claim.hpp"

namespace clearhouse::secondary {

enum class Decision {
  send,                  // the next payer's claim, original (CLM05-3 1)
  replace,               // a replacement (CLM05-3 7) after a corrected payment
  forwarded,             // crossover: the payer sent it on itself
  waiting_reversed,      // the payment was reversed and not corrected
  waiting_claim_number,  // a replacement is due but the next payer's claim number is unknown
  nothing_owed,          // the payer left nothing to the patient (CLP05 0): nothing to bill onward
  nothing,               // already decided on this payment (no history row)
  no_next_payer,         // every other coverage already has its adjudication
  unreadable,            // the stored rendering does not read back (reported)
};
std::string_view to_string(Decision d);  // the history's event name ("sent", "replacement_sent", ...)

// The candidate as the planner sees it: the ledger's rows and the claim rebuilt from its rendering.
struct Candidate {
  ledger::CoordinationCandidate row;
  model::Claim claim;  // from the rendering (submit::read_rendered_claim)
};

struct PlannedClaim {
  std::int64_t claim_row = 0;
  std::string claim_id, payer_id;
  std::string next_payer_id, next_payer_name, next_level;
  Decision decision = Decision::nothing;
  std::int64_t based_on_payment = 0;
  std::string message;                 // what the history says
  std::optional<model::Claim> next_claim;  // send and replace
  bool records_event() const {
    return decision != Decision::nothing && decision != Decision::no_next_payer && decision != Decision::unreadable;
  }
};

PlannedClaim plan_claim(const Candidate& candidate);

// The next payer's claim from the claim, the payment it follows and the index of the next
// coverage in claim.other_coverage (exposed for tests).
model::Claim build_next_claim(const model::Claim& claim, std::string_view payer_level,
                              const ledger::CoordinationPayment& payment, std::size_t next);

}  // namespace clearhouse::secondary
