#pragma once
// What posting one 277 transaction set (a 277CA front-door acknowledgment, or a 277 answer to
// our 276) will do, decided before anything is written (engine/ack/claim_status_planner.hpp)
// and applied by the ledger in the set's one transaction (ledger::ClaimStatusStore::apply).
// The same shape as an 835's PostingPlan: a record of the set (its idempotency key), what
// happens to each claim, what matched nothing, and what changes on the worklist.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/worklist_change.hpp"

namespace clearhouse::model {

// The 277 transaction set as recorded (one row per set posted).
struct ClaimStatusReportEntry {
  std::string guide;         // "277CA" (005010X214) or "277" (005010X212)
  std::string payer_id;      // 2100A NM109 of the first information source
  std::string content_hash;  // the idempotency key: 16 hex digits over the set's segments
  std::string interchange_sender, interchange_control_number, transaction_control_number;  // ISA06, ISA13, ST02
  std::string reference;     // BHT03
  std::int64_t statuses = 0, matched = 0, unmatched = 0, rejected = 0;
  std::string source_name;   // the file posted
  std::string posted_at;     // ISO timestamp
};

// Where in the 277 a status was reported.
enum class StatusLevelKind : std::uint8_t {
  claim,     // 2200D/2200E: one claim
  provider,  // 2200C: every claim of that provider in the batch, when no claim loop is under it
  batch,     // 2200B: every claim of the batch, when no claim loop is under it
};
std::string_view to_string(StatusLevelKind level);

// One claim's status from this set (a matched claim has claim_row; an unmatched one 0).
struct ClaimStatusChange {
  std::int64_t claim_row = 0;         // claims.id; 0: no claim of ours (unmatched, kept)
  std::string payer_id, claim_id, billing_npi;
  StatusLevelKind level = StatusLevelKind::claim;
  std::string status;                 // accepted, rejected, forwarded, pended, finalized_paid, ...
  std::string status_codes;           // every STC composite, "A7:33:IL,A3:21"
  std::string payer_claim_control_number;  // REF*1K ("" when not sent)
  std::optional<Money> charge, payment;    // STC04, STC05
  std::string effective_date;         // STC02, ISO ("" when not sent)
  std::string message;                // what the codes mean, for people (no PHI)
  std::string trace;                  // TRN02 as sent
  std::int64_t inquiry_id = 0;        // the 276 inquiry this answers (X212), 0 when none
  std::uint64_t segment = 0;          // ordinal of the STC (or TRN) in the input
  bool updates_claim = false;         // the claim's current front-door status becomes `status`
};

struct ClaimStatusPlan {
  enum class Result : std::uint8_t {
    post,            // write everything below
    already_posted,  // the same set (content hash) is in the ledger: write nothing
    not_posted,      // a set with errors (cut short, unreadable STC): write nothing
  };
  Result result = Result::not_posted;
  std::string at;  // ISO timestamp
  ClaimStatusReportEntry report;
  std::vector<ClaimStatusChange> changes;  // in file order
  std::vector<Finding> findings;           // unmatched statuses, reading errors, what was not posted
  std::vector<WorklistChange> worklist;    // items opened, updated, resolved
  // How the statuses came out.
  std::uint64_t accepted = 0, rejected = 0, pended = 0, forwarded = 0, finalized = 0, not_found = 0, other = 0;
  std::uint64_t denied = 0;  // of finalized: finalized_denied
  std::uint64_t unmatched = 0;

  bool writes() const { return result == Result::post; }
};

}  // namespace clearhouse::model
