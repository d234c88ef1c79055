#include "engine/ledger/status_inquiry_reads.hpp"

#include <algorithm>
#include <tuple>

#include "engine/ledger/claim_parties_codec.hpp"
#include "engine/ledger/record_columns.hpp"
#include "engine/ledger/sql/batch_insert.hpp"

namespace clearhouse::ledger {

std::vector<InquiryCandidate> read_inquiry_candidates(sql::Connection& c, std::string_view payer_id,
                                                      std::string_view cutoff) {
  auto q = c.prepare(std::string(
      "SELECT c.id, c.claim_id, c.payer_id, c.payer_name, c.billing_npi, c.billed_cents, c.service_date_from, "
      "c.service_date_to, COALESCE(c.payer_claim_control_number, ''), b.sender_id, b.receiver_id, c.submitted_at, "
      "p.parties "
      "FROM claims c JOIN batches b ON b.id = c.batch_id LEFT JOIN claim_parties p ON p.claim_row = c.id "
      "WHERE ") + kLatestClaimRow +
      " AND c.status = 'submitted' AND c.frequency_code <> '8' "
      "AND COALESCE(c.ack_status, '') <> 'rejected' "
      "AND COALESCE(c.front_door_status, '') NOT IN ('rejected', 'not_found', 'finalized', 'finalized_paid', "
      "'finalized_denied') "
      "AND substr(c.submitted_at, 1, 10) <= ? "
      "AND NOT EXISTS (SELECT 1 FROM status_inquiries i WHERE i.claim_row = c.id AND i.inquired_on > ?) "
      "AND (? = '' OR c.payer_id = ?)");
  q->bind(1, cutoff).bind(2, cutoff).bind(3, payer_id).bind(4, payer_id);
  std::vector<InquiryCandidate> out;
  while (q->step()) {
    InquiryCandidate r;
    r.claim_row = q->column_int(0);
    r.claim_id = q->column_text(1);
    r.payer_id = q->column_text(2);
    r.payer_name = q->column_text(3);
    r.billing_npi = q->column_text(4);
    r.billed_cents = q->column_int(5);
    r.service_date_from = q->column_text(6);
    r.service_date_to = q->column_text(7);
    r.payer_claim_control_number = q->column_text(8);
    r.sender_id = q->column_text(9);
    r.receiver_id = q->column_text(10);
    r.submitted_at = q->column_text(11);
    r.has_parties = !q->column_is_null(12);
    if (r.has_parties) r.parties = unpack_claim_parties(q->column_text(12));
    out.push_back(std::move(r));
  }
  q->reset();
  // Grouped as the 276 nests them: receiver, payer, provider, subscriber, patient, claim.
  const auto key = [](const InquiryCandidate& r) {
    return std::tie(r.receiver_id, r.payer_id, r.billing_npi, r.parties.member_id, r.parties.patient_last,
                    r.parties.patient_first, r.claim_id);
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return out;
}

void record_inquiries(sql::Connection& c, std::span<const InquiryRecordRow> rows) {
  sql::BatchInsert insert(c, "status_inquiries",
                          {"claim_row", "payer_id", "claim_id", "trace", "sender_id", "receiver_id",
                           "interchange_control_number", "transaction_control_number", "file_name", "inquired_on",
                           "sent_at"});
  for (const auto& r : rows)
    insert.row()
        .value(r.claim_row)
        .value(r.payer_id)
        .value(r.claim_id)
        .value(r.trace)
        .value(r.sender_id)
        .value(r.receiver_id)
        .value(r.interchange_control_number)
        .value(r.transaction_control_number)
        .value(r.file_name)
        .value(r.inquired_on)
        .value(r.sent_at);
  insert.flush();
}

}  // namespace clearhouse::ledger
