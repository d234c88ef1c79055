#pragma once
// What every rule sees about one claim: the claim payment as read from the 835 and as posted,
// the claim as submitted, the ledger's history of that claim and the remittance it came in.
// Pointers may be null: a ledger-wide sweep has no payment in hand (only history), and an
// unmatched payment has no submitted claim. Rules read, never write, and keep nothing.

#include <span>
#include <string_view>

#include "engine/ledger/records.hpp"
#include "engine/model/claim_payment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"

namespace clearhouse::rules {

class RulesConfig;
class FeeSchedule;

struct ClaimContext {
  const model::ClaimPayment* payment = nullptr;   // the CLP as read (null in a sweep)
  const model::Posting* posting = nullptr;        // as posted (null in a sweep)
  const ledger::ClaimRecord* submitted = nullptr; // the matched submitted claim (null when unmatched)
  // Every posting of this claim (same payer and claim id) in the ledger, oldest first; after a
  // post it includes `posting` and everything posted before it.
  std::span<const model::Posting> history;
  // Findings posting produced for this claim (balancing, matching): routed through.
  std::span<const model::Finding> posting_findings;
  std::string_view payer_id;
  std::string_view trace_number;                  // TRN02 of the remittance
  model::Date remittance_date;                    // BPR16 (else DTM*405)
  model::Date submitted_on;                       // when the claim was submitted (sweeps)
  model::Date latest_posting_on;                  // when the last posting of history was made (sweeps)
};

// Everything a rule may consult besides the claim. `today` is the injectable clock.
struct RuleEnvironment {
  const RulesConfig& config;
  const FeeSchedule* fees = nullptr;  // null or empty: the fee schedule rules stay quiet
  model::Date today;
};

}  // namespace clearhouse::rules
