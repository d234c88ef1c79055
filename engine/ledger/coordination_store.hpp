#pragma once
// Coordination of benefits in the ledger (migration 9): what `clearhouse secondary` reads to
// decide (claims naming other coverage whose payer's remittance posted, with their payments,
// lines and CAS triples, and their coordination history) and the history it writes. SQL only;
// the decision is engine/secondary's.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/adjustment.hpp"

namespace clearhouse::ledger {

// One claim payment (CLP) posted against a claims row, with its lines (SVC).
struct CoordinationPayment {
  std::int64_t id = 0;                 // claim_payments.id
  std::string status_code;             // CLP02
  bool reversal = false;               // CLP02 22
  std::int64_t reversed_by = 0;        // the reversal that undid it; 0 while standing
  std::int64_t paid_cents = 0;         // CLP04
  std::int64_t patient_responsibility_cents = 0;  // CLP05
  std::string payer_claim_control_number;         // CLP07
  std::vector<model::Adjustment> adjustments;     // claim-level CAS triples
  std::string crossover_payer;         // NM1*TT, "" when none
  std::string payment_date;            // the remittance's BPR16, ISO ("" when none)
  std::string posted_at;               // when the remittance was posted (timestamp)
  struct Line {
    std::int64_t submitted_line = 0;   // LX of the submitted line it answers; 0 unmatched
    std::string procedure_code, modifiers;  // as billed; modifiers joined with ':'
    std::int64_t billed_cents = 0, paid_cents = 0;
    std::string paid_units;            // SVC05, "" when absent
    std::vector<model::Adjustment> adjustments;
  };
  std::vector<Line> lines;
};

// One coordination_history row.
struct CoordinationEvent {
  std::int64_t id = 0;
  std::int64_t claim_row = 0;
  std::string claim_id, payer_id;
  std::string next_payer_id, next_level;  // the payer the decision was about, S or T
  std::string event;                      // sent, replacement_sent, forwarded, waiting_reversed, waiting_claim_number
  std::int64_t based_on_payment = 0;      // claim_payments.id the decision read; 0 none
  std::int64_t next_claim_row = 0;        // the claims row sent; 0 none
  std::int64_t batch_id = 0;
  std::string file_name;                  // the batch's file (read back only)
  std::string message, at;
};

// The latest claims row of a payer's claim id (a corrected claim supersedes the one it
// replaces) naming other coverage, whose payer's remittance has posted. Its history is the
// claim id's at that payer, whichever of its claims rows it was recorded for.
struct CoordinationCandidate {
  ClaimRecord claim;                 // without lines; payer_level, follows_claim_row, rendering filled
  std::string payer_claim_control_number;  // the payer's REF*1K (277CA), "" when none
  std::vector<CoordinationPayment> payments;  // oldest first
  std::vector<CoordinationEvent> history;     // oldest first
  // For the claim last sent to each next payer (history's next_claim_row): that payer's claim
  // number as its 277CA (REF*1K) or 835 (CLP07) gave it, "" when unknown; index = history index.
  std::vector<std::string> next_claim_numbers;
};

// Candidates whose payments were posted on or before `as_of` (ISO date), in claims row order.
std::vector<CoordinationCandidate> read_coordination_candidates(sql::Connection& c, std::string_view as_of);

// Inserts history rows (inside the caller's transaction).
void insert_coordination_events(sql::Connection& c, std::span<const CoordinationEvent> events);

// The history of every claims row with this claim id (claim detail, worklist show), oldest first.
std::vector<CoordinationEvent> read_coordination_history(sql::Connection& c, std::string_view claim_id);

// The claims row a batch holds at a position (after a commit), 0 when none.
std::int64_t claim_row_at(sql::Connection& c, std::int64_t batch_id, std::int64_t batch_sequence);

// Links the next payer's claims row to the claims row it follows (inside the caller's transaction).
void link_next_claim(sql::Connection& c, std::int64_t next_claim_row, std::int64_t follows_claim_row);

}  // namespace clearhouse::ledger
