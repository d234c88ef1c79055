#pragma once
// What the ledger recorded about one claim, for the claim detail a biller reads
// (GET /v1/claims/{claim_id}, engine/service/claim_detail.hpp): every submission of it with its
// front-door acknowledgment, the lines of the latest, and every remittance payment with the
// lines it matched to submitted lines. Read-only. The worklist item is the worklist store's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/coordination_store.hpp"
#include "engine/ledger/records.hpp"
#include "engine/model/adjustment_totals.hpp"

namespace clearhouse::ledger {

// One submission of the claim (the original, then each replacement).
struct ClaimSubmission {
  ClaimRecord claim;            // without its lines
  std::string submitted_at;     // ISO timestamp
  std::string ack_status;       // 999/TA1: accepted, accepted_with_errors, rejected; "" until acknowledged
  std::string ack_received_at;
  std::string batch_file_name;  // the 837 file that carried it
  std::string front_door_status;           // the latest 277CA/277 status; "" until one came
  std::string payer_claim_control_number;  // REF*1K of a 277CA/277; "" until one came
};

// A service line payment matched to a submitted line.
struct LinePaymentDetail {
  std::int64_t service_line_row = 0;
  std::int64_t paid_cents = 0;
  std::optional<std::int64_t> allowed_cents;  // AMT*B6
  std::string reason_codes, remark_codes;     // comma-joined CARCs, RARCs
  model::AdjustmentTotals adjustments;
};

// One claim payment (a CLP) with its remittance.
struct ClaimPaymentDetail {
  std::int64_t row_id = 0;
  std::string trace_number, payment_date, posted_at;
  std::string status_code;   // CLP02
  std::string claim_status;  // what the claim's status became ("" when the payment did not move it)
  std::string payer_claim_control_number;
  std::string reason_codes, remark_codes;  // comma-joined, claim level
  bool reversal = false;
  std::int64_t billed_cents = 0, paid_cents = 0, patient_responsibility_cents = 0;
  model::AdjustmentTotals adjustments;
  std::vector<LinePaymentDetail> lines;  // in line order
};

// One 277CA/277 status of the claim (claim_status_history, migration 7).
struct ClaimStatusDetail {
  std::string received_at;                 // when it was posted
  std::string guide;                       // 277CA or 277
  std::string transaction_control_number;  // the 277's ST02
  std::string level;                       // claim, provider, batch
  std::string status;                      // accepted, rejected, pended, finalized_paid, ...
  std::string status_codes;                // "A7:33:IL,..."
  std::string message;                     // the codes in words
  std::string payer_claim_control_number;
  std::string effective_date;
};

struct ClaimDetailRecords {
  std::vector<ClaimSubmission> submissions;  // oldest first
  std::vector<ClaimStatusDetail> statuses;   // 277CA/277 statuses, in the order posted
  std::vector<LineRecord> lines;             // of the latest submission, in line order
  std::vector<ClaimPaymentDetail> payments;  // by payment date, then in posting order
  // Coordination of benefits (migration 9): what `clearhouse secondary` decided for this claim
  // at this payer (sent on to the next payer, forwarded by the payer, waiting) and, for the next
  // payer's claim, what it was sent after. Oldest first.
  std::vector<CoordinationEvent> coordination;
};

// The payers this claim id is known to (submitted to, paid by, on the worklist of), each once.
std::vector<std::string> payers_of_claim(sql::Connection& connection, std::string_view claim_id);

// One payer's part of a claim billed to several payers in turn (coordination of benefits).
struct CoordinationLevel {
  std::string payer_id, payer_name;
  std::string payer_level;                  // SBR01 as sent: P, S, T
  std::string status;                       // that payer's claims row
  std::int64_t billed_cents = 0;
  std::int64_t paid_cents = 0;              // net of reversals
  std::int64_t patient_responsibility_cents = 0;  // CLP05, net of reversals
  bool adjudicated = false;                 // a payment of this payer was posted
};

// The payers of a claim id in payment order (the first payer's claim, then the claims that
// follow it), each with its latest claims row; empty unless the claim was sent on to a next payer.
std::vector<CoordinationLevel> coordination_levels(sql::Connection& connection, std::string_view claim_id);

// When a claim id is known to several payers only because it was sent on from one to the next
// (every other payer's claims follow its claim), that first payer; "" otherwise.
std::string coordination_first_payer(sql::Connection& connection, std::string_view claim_id);

// Everything above for this payer's claim id (all empty when the ledger knows nothing of it).
ClaimDetailRecords read_claim_detail(Ledger& ledger, std::string_view payer_id, std::string_view claim_id);

}  // namespace clearhouse::ledger
