#pragma once
// Finding the submitted claim an 835 claim payment answers, and the submitted line each of its
// service lines answers.
//
// Claim: CLP01 is the claim id the provider sent in CLM01. Among submitted claims with that id,
// the latest one sent to the remittance's payer wins. When none was sent to that payer but all
// candidates went to one other payer id, that one is taken with a warning (payers identify
// themselves differently in 837 and 835 more often than providers reuse claim ids); candidates
// for several other payers are ambiguous and the claim stays unmatched.
//
// Lines: by REF*6R line control number when the payer echoed it; otherwise by procedure (the
// billed one, SVC06, when the payer changed it), service date, charge, and modifiers, where the
// payer may have dropped some (the 835's modifiers must be a subset of the submitted ones; an
// exact set is preferred). Each submitted line answers at most one service line.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/model/claim_payment.hpp"

namespace clearhouse::reconcile {

enum class LineMatchKind : std::uint8_t {
  none,
  control_number,            // REF*6R
  procedure,                 // procedure + modifiers + date + charge
  procedure_fewer_modifiers  // the same, with modifiers the payer dropped
};

struct LineMatch {
  int submitted_index = -1;  // index into ClaimRecord::lines; -1 when none
  LineMatchKind kind = LineMatchKind::none;
};

struct ClaimMatch {
  const ledger::ClaimRecord* claim = nullptr;  // nullptr when unmatched
  bool payer_differs = false;  // matched a claim sent to another payer id (see above)
  bool ambiguous = false;      // candidates for several other payers: left unmatched
  std::vector<LineMatch> lines;  // one per LinePayment, in order
};

ClaimMatch match_claim(const model::ClaimPayment& payment, std::string_view payer_id,
                       std::span<const ledger::ClaimRecord* const> candidates);

std::vector<LineMatch> match_lines(const model::ClaimPayment& payment, const ledger::ClaimRecord& claim);

}  // namespace clearhouse::reconcile
