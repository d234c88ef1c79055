#include "engine/ledger/submission_recorder.hpp"

namespace clearhouse::ledger {

SubmissionRecorder::SubmissionRecorder(sql::Connection& c) : c_(c) {
  c_.execute(R"sql(
CREATE TEMP TABLE IF NOT EXISTS staged_claims (
  batch_key INTEGER NOT NULL, batch_sequence BIGINT NOT NULL, claim_id TEXT NOT NULL, payer_id TEXT NOT NULL,
  payer_name TEXT NOT NULL, billing_npi TEXT NOT NULL, frequency_code TEXT NOT NULL, original_claim_number TEXT,
  billed_cents BIGINT NOT NULL, line_count BIGINT NOT NULL, service_date_from TEXT NOT NULL,
  service_date_to TEXT NOT NULL, transaction_control_number TEXT NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS staged_lines (
  batch_key INTEGER NOT NULL, batch_sequence BIGINT NOT NULL, line_number BIGINT NOT NULL,
  line_control_number TEXT NOT NULL, procedure_code TEXT NOT NULL, modifiers TEXT NOT NULL,
  charge_cents BIGINT NOT NULL, units TEXT NOT NULL, unit_code TEXT NOT NULL, service_date TEXT NOT NULL);
DELETE FROM staged_claims;
DELETE FROM staged_lines;
)sql");
  insert_claim_ = c_.prepare(
      "INSERT INTO staged_claims (batch_key, batch_sequence, claim_id, payer_id, payer_name, billing_npi, "
      "frequency_code, original_claim_number, billed_cents, line_count, service_date_from, service_date_to, "
      "transaction_control_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert_line_ = c_.prepare(
      "INSERT INTO staged_lines (batch_key, batch_sequence, line_number, line_control_number, procedure_code, "
      "modifiers, charge_cents, units, unit_code, service_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

SubmissionRecorder::~SubmissionRecorder() {
  try {
    discard();
  } catch (...) {
    // Nothing to do: the staging tables vanish with the connection.
  }
}

void SubmissionRecorder::stage(int batch_key, std::int64_t batch_sequence, const ClaimRecord& claim) {
  if (!staging_open_) {
    c_.begin(false);  // deferred: TEMP tables only, the ledger's write lock stays free
    staging_open_ = true;
  }
  // The record outlives each run() below, so its text is bound without copies.
  insert_claim_->bind(1, batch_key)
      .bind(2, batch_sequence)
      .bind_view(3, claim.claim_id)
      .bind_view(4, claim.payer_id)
      .bind_view(5, claim.payer_name)
      .bind_view(6, claim.billing_npi)
      .bind_view(7, claim.frequency_code)
      .bind_text_or_null(8, claim.original_claim_number)
      .bind(9, claim.billed_cents)
      .bind(10, static_cast<std::int64_t>(claim.lines.size()))
      .bind_view(11, claim.service_date_from)
      .bind_view(12, claim.service_date_to)
      .bind_view(13, claim.transaction_control_number);
  insert_claim_->run();
  for (const auto& line : claim.lines) {
    insert_line_->bind(1, batch_key)
        .bind(2, batch_sequence)
        .bind(3, line.line_number)
        .bind_view(4, line.line_control_number)
        .bind_view(5, line.procedure_code)
        .bind_view(6, line.modifiers)
        .bind(7, line.charge_cents)
        .bind_view(8, line.units)
        .bind_view(9, line.unit_code)
        .bind_view(10, line.service_date);
    insert_line_->run();
  }
  ++staged_claims_;
}

void SubmissionRecorder::pause() {
  if (staging_open_) {
    c_.commit();
    staging_open_ = false;
  }
}

std::vector<BatchRecord> SubmissionRecorder::commit(std::vector<std::pair<int, BatchRecord>> batches,
                                                    const std::string& submitted_at) {
  pause();
  std::vector<BatchRecord> out;
  sql::Transaction tx(c_);
  auto insert_batch = c_.prepare(
      "INSERT INTO batches (file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, "
      "group_control_number, first_transaction_number, last_transaction_number, transaction_count, claim_count, "
      "line_count, billed_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  auto copy_claims = c_.prepare(
      "INSERT INTO claims (batch_id, batch_sequence, claim_id, payer_id, payer_name, billing_npi, frequency_code, "
      "original_claim_number, billed_cents, line_count, service_date_from, service_date_to, "
      "transaction_control_number, status, submitted_at) "
      "SELECT ?, batch_sequence, claim_id, payer_id, payer_name, billing_npi, frequency_code, original_claim_number, "
      "billed_cents, line_count, service_date_from, service_date_to, transaction_control_number, 'submitted', ? "
      "FROM staged_claims WHERE batch_key = ? ORDER BY batch_sequence");
  auto copy_lines = c_.prepare(
      "INSERT INTO service_lines (claim_row, line_number, line_control_number, procedure_code, modifiers, "
      "charge_cents, units, unit_code, service_date) "
      "SELECT c.id, l.line_number, l.line_control_number, l.procedure_code, l.modifiers, l.charge_cents, l.units, "
      "l.unit_code, l.service_date FROM staged_lines l JOIN claims c ON c.batch_id = ? AND c.batch_sequence = "
      "l.batch_sequence WHERE l.batch_key = ? ORDER BY l.batch_sequence, l.line_number");
  for (auto& [key, batch] : batches) {
    insert_batch->bind(1, batch.file_name)
        .bind(2, batch.sha256)
        .bind(3, batch.bytes)
        .bind(4, batch.sender_id)
        .bind(5, batch.receiver_id)
        .bind(6, batch.interchange_control_number)
        .bind(7, batch.group_control_number)
        .bind(8, batch.first_transaction_number)
        .bind(9, batch.last_transaction_number)
        .bind(10, batch.transaction_count)
        .bind(11, batch.claim_count)
        .bind(12, batch.line_count)
        .bind(13, batch.billed_cents)
        .bind(14, batch.created_at);
    const auto id = insert_batch->single_int();
    if (!id) throw LedgerError("batch insert returned no id");
    batch.row_id = *id;
    copy_claims->bind(1, batch.row_id).bind(2, submitted_at).bind(3, key);
    copy_claims->run();
    copy_lines->bind(1, batch.row_id).bind(2, key);
    copy_lines->run();
    out.push_back(batch);
  }
  tx.commit();
  discard();
  return out;
}

void SubmissionRecorder::discard() {
  pause();
  c_.execute("DELETE FROM staged_claims; DELETE FROM staged_lines;");
  staged_claims_ = 0;
}

}  // namespace clearhouse::ledger
