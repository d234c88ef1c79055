#pragma once
// What `clearhouse status-inquiry` reads and records (migration 7): the claims that are due a
// 276 inquiry, with who they were for (claim_parties) and the batch that carried them, and the
// inquiries sent. SQL only; what to ask and how to write it is engine/ack/status_inquiry_run.hpp.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

// A claim a 276 may ask about: the latest submission of its claim id.
struct InquiryCandidate {
  std::int64_t claim_row = 0;
  std::string claim_id, payer_id, payer_name, billing_npi;
  std::int64_t billed_cents = 0;
  std::string service_date_from, service_date_to;  // ISO
  std::string payer_claim_control_number;          // from a 277CA/277, "" when none
  std::string sender_id, receiver_id;              // of the batch that carried it
  std::string submitted_at;
  bool has_parties = false;                        // parties recorded (claims submitted since migration 7)
  ClaimParties parties;
};

// Claims neither rejected (999/TA1, 277CA) nor adjudicated (an 835 moved their status off
// 'submitted', or a 277 finalized them), not voids, submitted on or before `cutoff` (ISO date)
// and not asked about after it; of one payer when payer_id is set. Ordered by receiver, payer,
// billing provider, subscriber, claim: the order a 276 groups them in.
std::vector<InquiryCandidate> read_inquiry_candidates(sql::Connection& connection, std::string_view payer_id,
                                                      std::string_view cutoff);

// One 276 inquiry sent.
struct InquiryRecordRow {
  std::int64_t claim_row = 0;
  std::string payer_id, claim_id, trace;
  std::string sender_id, receiver_id;
  std::int64_t interchange_control_number = 0;
  std::string transaction_control_number, file_name;
  std::string inquired_on;  // the as-of date, ISO
  std::string sent_at;      // ISO timestamp
};

// Records the inquiries (inside the caller's transaction).
void record_inquiries(sql::Connection& connection, std::span<const InquiryRecordRow> rows);

}  // namespace clearhouse::ledger
