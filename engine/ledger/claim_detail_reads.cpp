#include "engine/ledger/claim_detail_reads.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/ledger/adjustment_columns.hpp"
#include "engine/ledger/record_columns.hpp"

namespace clearhouse::ledger {
namespace {

std::vector<ClaimSubmission> read_submissions(sql::Connection& c, std::string_view payer_id,
                                              std::string_view claim_id) {
  auto q = c.prepare(fmt::format(
      "SELECT {}, submitted_at, ack_status, ack_received_at, "
      "(SELECT b.file_name FROM batches b WHERE b.id = claims.batch_id), front_door_status, "
      "payer_claim_control_number FROM claims WHERE payer_id = ? AND claim_id = ? ORDER BY id",
      kClaimColumns));
  q->bind(1, payer_id).bind(2, claim_id);
  std::vector<ClaimSubmission> out;
  while (q->step())
    out.push_back(ClaimSubmission{read_claim(*q), q->column_text(14), q->column_text(15), q->column_text(16),
                                  q->column_text(17), q->column_text(18), q->column_text(19)});
  q->reset();
  return out;
}

std::vector<ClaimPaymentDetail> read_payments(sql::Connection& c, std::string_view payer_id,
                                              std::string_view claim_id) {
  auto q = c.prepare(fmt::format(
      "SELECT p.id, r.trace_number, r.payment_date, r.posted_at, p.status_code, p.claim_status, "
      "p.payer_claim_control_number, p.reason_codes, p.remark_codes, p.reversal, p.billed_cents, p.paid_cents, "
      "p.patient_responsibility_cents, {} FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id "
      "WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY r.payment_date, p.id",
      kAdjustmentColumns));
  q->bind(1, payer_id).bind(2, claim_id);
  std::vector<ClaimPaymentDetail> out;
  while (q->step()) {
    ClaimPaymentDetail p;
    p.row_id = q->column_int(0);
    p.trace_number = q->column_text(1);
    p.payment_date = q->column_text(2);
    p.posted_at = q->column_text(3);
    p.status_code = q->column_text(4);
    p.claim_status = q->column_text(5);
    p.payer_claim_control_number = q->column_text(6);
    p.reason_codes = q->column_text(7);
    p.remark_codes = q->column_text(8);
    p.reversal = q->column_int(9) != 0;
    p.billed_cents = q->column_int(10);
    p.paid_cents = q->column_int(11);
    p.patient_responsibility_cents = q->column_int(12);
    p.adjustments = read_adjustment_totals(*q, 13);
    out.push_back(std::move(p));
  }
  q->reset();
  if (out.empty()) return out;

  // The lines of all those payments that matched a submitted line, in one query.
  std::map<std::int64_t, ClaimPaymentDetail*> by_row;
  for (auto& p : out) by_row[p.row_id] = &p;
  auto lines = c.prepare(fmt::format(
      "SELECT l.claim_payment_id, l.service_line_row, l.paid_cents, l.allowed_cents, l.reason_codes, l.remark_codes, "
      "{} FROM line_payments l JOIN claim_payments p ON p.id = l.claim_payment_id "
      "WHERE p.payer_id = ? AND p.claim_id = ? AND l.service_line_row IS NOT NULL "
      "ORDER BY l.claim_payment_id, l.line_number",
      adjustment_columns_of("l")));
  lines->bind(1, payer_id).bind(2, claim_id);
  while (lines->step()) {
    const auto it = by_row.find(lines->column_int(0));
    if (it == by_row.end()) continue;  // a payment whose remittance row is missing
    LinePaymentDetail l;
    l.service_line_row = lines->column_int(1);
    l.paid_cents = lines->column_int(2);
    if (!lines->column_is_null(3)) l.allowed_cents = lines->column_int(3);
    l.reason_codes = lines->column_text(4);
    l.remark_codes = lines->column_text(5);
    l.adjustments = read_adjustment_totals(*lines, 6);
    it->second->lines.push_back(std::move(l));
  }
  lines->reset();
  return out;
}

std::vector<ClaimStatusDetail> read_statuses(sql::Connection& c, std::string_view payer_id, std::string_view claim_id) {
  auto q = c.prepare(
      "SELECT h.received_at, r.guide, r.transaction_control_number, h.level, h.status, h.status_codes, h.message, "
      "h.payer_claim_control_number, h.effective_date FROM claim_status_history h "
      "JOIN claim_status_reports r ON r.id = h.report_id WHERE h.payer_id = ? AND h.claim_id = ? ORDER BY h.id");
  q->bind(1, payer_id).bind(2, claim_id);
  std::vector<ClaimStatusDetail> out;
  while (q->step())
    out.push_back({q->column_text(0), q->column_text(1), q->column_text(2), q->column_text(3), q->column_text(4),
                   q->column_text(5), q->column_text(6), q->column_text(7), q->column_text(8)});
  q->reset();
  return out;
}

}  // namespace

std::vector<CoordinationLevel> coordination_levels(sql::Connection& c, std::string_view claim_id) {
  auto q = c.prepare(
      "SELECT c.payer_id, c.payer_name, c.payer_level, c.status, c.billed_cents, "
      "(SELECT COALESCE(SUM(p.paid_cents), 0) FROM claim_payments p WHERE p.payer_id = c.payer_id AND p.claim_id = c.claim_id), "
      "(SELECT COALESCE(SUM(p.patient_responsibility_cents), 0) FROM claim_payments p WHERE p.payer_id = c.payer_id "
      "AND p.claim_id = c.claim_id), "
      "(SELECT COUNT(*) FROM claim_payments p WHERE p.payer_id = c.payer_id AND p.claim_id = c.claim_id), "
      "c.follows_claim_row, (SELECT COUNT(*) FROM claims n WHERE n.follows_claim_row = c.id) "
      "FROM claims c WHERE c.claim_id = ? AND c.id = (SELECT MAX(d.id) FROM claims d WHERE d.payer_id = c.payer_id "
      "AND d.claim_id = c.claim_id) ORDER BY c.payer_level, c.id");
  q->bind(1, claim_id);
  std::vector<CoordinationLevel> out;
  bool chained = false;
  while (q->step()) {
    CoordinationLevel l;
    l.payer_id = q->column_text(0);
    l.payer_name = q->column_text(1);
    l.payer_level = q->column_text(2);
    l.status = q->column_text(3);
    l.billed_cents = q->column_int(4);
    l.paid_cents = q->column_int(5);
    l.patient_responsibility_cents = q->column_int(6);
    l.adjudicated = q->column_int(7) > 0;
    chained = chained || !q->column_is_null(8) || q->column_int(9) > 0;
    out.push_back(std::move(l));
  }
  q->reset();
  if (!chained) out.clear();
  return out;
}

std::string coordination_first_payer(sql::Connection& c, std::string_view claim_id) {
  auto firsts = c.prepare("SELECT DISTINCT payer_id FROM claims WHERE claim_id = ? AND follows_claim_row IS NULL");
  firsts->bind(1, claim_id);
  std::vector<std::string> first;
  while (firsts->step()) first.push_back(firsts->column_text(0));
  if (first.size() != 1) return {};
  // Every other payer the claim id is known to must have a claims row that follows another.
  for (const auto& payer : payers_of_claim(c, claim_id)) {
    if (payer == first.front()) continue;
    auto q = c.prepare("SELECT COUNT(*) FROM claims WHERE claim_id = ? AND payer_id = ? AND follows_claim_row IS NOT NULL");
    q->bind(1, claim_id).bind(2, payer);
    if (q->single_int().value_or(0) == 0) return {};
  }
  return first.front();
}

std::vector<std::string> payers_of_claim(sql::Connection& c, std::string_view claim_id) {
  auto q = c.prepare(
      "SELECT payer_id FROM claims WHERE claim_id = ? UNION SELECT payer_id FROM worklist_items WHERE claim_id = ? "
      "UNION SELECT payer_id FROM claim_payments WHERE claim_id = ?");
  q->bind(1, claim_id).bind(2, claim_id).bind(3, claim_id);
  std::vector<std::string> out;
  while (q->step()) out.push_back(q->column_text(0));
  q->reset();
  return out;
}

ClaimDetailRecords read_claim_detail(Ledger& ledger, std::string_view payer_id, std::string_view claim_id) {
  ClaimDetailRecords out;
  out.submissions = read_submissions(ledger.connection(), payer_id, claim_id);
  if (!out.submissions.empty()) {
    if (auto latest = ledger.find_claim(payer_id, claim_id)) out.lines = std::move(latest->lines);
  }
  out.payments = read_payments(ledger.connection(), payer_id, claim_id);
  out.statuses = read_statuses(ledger.connection(), payer_id, claim_id);
  for (auto& e : read_coordination_history(ledger.connection(), claim_id))
    if (e.payer_id == payer_id || e.next_payer_id == payer_id) out.coordination.push_back(std::move(e));
  return out;
}

}  // namespace clearhouse::ledger
