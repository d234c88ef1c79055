#include "engine/ledger/claim_status_store.hpp"

#include "engine/ledger/sql/batch_insert.hpp"

namespace clearhouse::ledger {

ClaimStatusStore::ClaimStatusStore(sql::Connection& connection)
    : c_(connection),
      insert_report_(c_.prepare(
          "INSERT INTO claim_status_reports (guide, payer_id, content_hash, interchange_sender, "
          "interchange_control_number, transaction_control_number, reference, status_count, matched, unmatched, "
          "rejected, source_name, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (payer_id, content_hash) DO NOTHING RETURNING id")),
      update_claim_(c_.prepare("UPDATE claims SET front_door_status = ?, front_door_at = ? WHERE id = ?")),
      update_claim_number_(c_.prepare("UPDATE claims SET payer_claim_control_number = ? WHERE id = ?")),
      answer_inquiry_(c_.prepare(
          "UPDATE status_inquiries SET answered_at = ?, answer_status = ? WHERE id = ? AND answered_at IS NULL")),
      history_(std::make_unique<sql::BatchInsert>(
          c_, "claim_status_history",
          std::vector<std::string>{"report_id", "sequence", "claim_row", "claim_id", "payer_id", "billing_npi", "level",
                                   "status", "status_codes", "payer_claim_control_number", "charge_cents",
                                   "payment_cents", "effective_date", "message", "trace", "received_at"})),
      worklist_(c_) {}

ClaimStatusStore::~ClaimStatusStore() = default;

std::optional<std::int64_t> ClaimStatusStore::apply(const model::ClaimStatusPlan& plan) {
  const auto& r = plan.report;
  auto& s = *insert_report_;
  s.bind(1, r.guide).bind(2, r.payer_id).bind(3, r.content_hash).bind(4, r.interchange_sender);
  s.bind(5, r.interchange_control_number).bind(6, r.transaction_control_number).bind(7, r.reference);
  s.bind(8, r.statuses).bind(9, r.matched).bind(10, r.unmatched).bind(11, r.rejected);
  s.bind(12, r.source_name).bind(13, r.posted_at);
  const auto report_id = s.single_int();
  if (!report_id) return std::nullopt;

  std::int64_t sequence = 0;
  for (const auto& ch : plan.changes) {
    auto& row = history_->row();
    row.value(*report_id).value(++sequence);
    if (ch.claim_row != 0) row.value(ch.claim_row);
    else row.null();
    row.value(ch.claim_id).value(ch.payer_id).value(ch.billing_npi).value(model::to_string(ch.level));
    row.value(ch.status).value(ch.status_codes).value(ch.payer_claim_control_number);
    row.value(ch.charge ? std::optional<std::int64_t>(ch.charge->cents()) : std::nullopt);
    row.value(ch.payment ? std::optional<std::int64_t>(ch.payment->cents()) : std::nullopt);
    row.value(ch.effective_date).value(ch.message).value(ch.trace).value(plan.at);
    if (ch.claim_row == 0) continue;
    if (ch.updates_claim) {
      update_claim_->bind(1, ch.status).bind(2, plan.at).bind(3, ch.claim_row);
      update_claim_->run();
    }
    if (!ch.payer_claim_control_number.empty()) {
      update_claim_number_->bind(1, ch.payer_claim_control_number).bind(2, ch.claim_row);
      update_claim_number_->run();
    }
    if (ch.inquiry_id != 0) {
      answer_inquiry_->bind(1, plan.at).bind(2, ch.status).bind(3, ch.inquiry_id);
      answer_inquiry_->run();
    }
  }
  history_->flush();
  worklist_.apply(plan.worklist);
  return report_id;
}

}  // namespace clearhouse::ledger
