#pragma once
// Deciding what posting one 835 transaction set does: pure, over values (the "decide" of
// read -> decide -> write; tested without a database).
//   1. the idempotency key: payer + trace number + content hash. Already posted: nothing
//      changes. The same payer and trace with other content is posted too, with a finding
//      (never a silent overwrite);
//   2. balance it (findings, never exceptions);
//   3. match every CLP to the submitted claim (and each SVC to a submitted line), build the
//      postings; unmatched CLPs are posted as unmatched (kept, visible, never dropped);
//   4. pair reversals (CLP02 22) with the payment they undo, found by payer claim control
//      number, first among the earlier claims of this set, then in the ledger;
//   5. move each matched claim to the status of its last payment here; attribute findings to
//      their claim payment;
//   6. with a review: the rules pipeline over every claim (its history being the ledger's plus
//      this set's postings) and what its findings change on the worklist.
// A transaction set that did not end with its SE is not posted; its findings are returned.

#include <cstdint>
#include <string>

#include "engine/ledger/posting_reads.hpp"
#include "engine/model/posting_plan.hpp"
#include "engine/model/remittance.hpp"
#include "engine/worklist/post_review.hpp"

namespace clearhouse::reconcile {

struct PlanContext {
  std::string source_name;  // recorded with the remittance (the file posted)
  std::string now;          // ISO timestamp recorded
  const worklist::PostReview* review = nullptr;  // null: no rules pipeline, no worklist
};

// What deciding this set needs from the ledger (review: the rules' and the worklist's reads too).
ledger::PostingQuery posting_query(const model::Remittance& remittance, bool review);

// The plan for a complete set, given what the ledger answered to posting_query; for an
// incomplete one (inputs are not looked at), a plan that writes nothing.
model::PostingPlan plan_remittance(const model::Remittance& remittance, ledger::PostingInputs inputs,
                                   const PlanContext& context);

// The content hash as recorded: 16 hex digits.
std::string content_hash_hex(std::uint64_t hash);
// The trace number recorded: TRN02, or "hash:<content hash>" when the set has none.
std::string recorded_trace_number(const model::Remittance& remittance);

}  // namespace clearhouse::reconcile
