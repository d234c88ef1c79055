#pragma once
// Batches, submitted claims and service lines as the ledger stores them: the columns to SELECT
// and the readers that turn a row into a record. kLineColumns ends with claim_row (column 9),
// which read_line leaves to the caller: it says which claim the line belongs to.

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

inline constexpr const char* kClaimColumns =
    "id, batch_id, claim_id, payer_id, payer_name, billing_npi, frequency_code, original_claim_number, "
    "billed_cents, service_date_from, service_date_to, transaction_control_number, status, payer_level";
inline constexpr const char* kLineColumns =
    "id, line_number, line_control_number, procedure_code, modifiers, charge_cents, units, unit_code, service_date, "
    "claim_row";

// For a query over `claims c`: keeps the latest row of each claim id (a replacement supersedes
// the original), the claims that reports and the sweep count.
inline constexpr const char* kLatestClaimRow =
    "c.id = (SELECT MAX(d.id) FROM claims d WHERE d.payer_id = c.payer_id AND d.claim_id = c.claim_id)";

inline constexpr const char* kBatchColumns =
    "id, file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, group_control_number, "
    "first_transaction_number, last_transaction_number, transaction_count, claim_count, line_count, billed_cents, "
    "created_at";

inline BatchRecord read_batch(const sql::Statement& q) {
  BatchRecord b;
  b.row_id = q.column_int(0);
  b.file_name = q.column_text(1);
  b.sha256 = q.column_text(2);
  b.bytes = static_cast<std::uint64_t>(q.column_int(3));
  b.sender_id = q.column_text(4);
  b.receiver_id = q.column_text(5);
  b.interchange_control_number = static_cast<std::uint64_t>(q.column_int(6));
  b.group_control_number = static_cast<std::uint64_t>(q.column_int(7));
  b.first_transaction_number = static_cast<std::uint64_t>(q.column_int(8));
  b.last_transaction_number = static_cast<std::uint64_t>(q.column_int(9));
  b.transaction_count = static_cast<std::uint64_t>(q.column_int(10));
  b.claim_count = static_cast<std::uint64_t>(q.column_int(11));
  b.line_count = static_cast<std::uint64_t>(q.column_int(12));
  b.billed_cents = q.column_int(13);
  b.created_at = q.column_text(14);
  return b;
}

inline ClaimRecord read_claim(const sql::Statement& q) {
  ClaimRecord c;
  c.row_id = q.column_int(0);
  c.batch_id = q.column_int(1);
  c.claim_id = q.column_text(2);
  c.payer_id = q.column_text(3);
  c.payer_name = q.column_text(4);
  c.billing_npi = q.column_text(5);
  c.frequency_code = q.column_text(6);
  c.original_claim_number = q.column_text(7);
  c.billed_cents = q.column_int(8);
  c.service_date_from = q.column_text(9);
  c.service_date_to = q.column_text(10);
  c.transaction_control_number = q.column_text(11);
  c.status = q.column_text(12);
  c.payer_level = q.column_text(13);
  return c;
}

inline LineRecord read_line(const sql::Statement& q) {
  LineRecord l;
  l.row_id = q.column_int(0);
  l.line_number = q.column_int(1);
  l.line_control_number = q.column_text(2);
  l.procedure_code = q.column_text(3);
  l.modifiers = q.column_text(4);
  l.charge_cents = q.column_int(5);
  l.units = q.column_text(6);
  l.unit_code = q.column_text(7);
  l.service_date = q.column_text(8);
  return l;
}

}  // namespace clearhouse::ledger
