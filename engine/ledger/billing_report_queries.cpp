#include "engine/ledger/billing_report_queries.hpp"

#include <fmt/format.h>

#include "engine/ledger/record_columns.hpp"

namespace clearhouse::ledger {
namespace {

using sql::Connection;

std::uint64_t count_at(const sql::Statement& q, int column) { return static_cast<std::uint64_t>(q.column_int(column)); }

// Whether remittance posting has created its tables in this ledger.
bool has_table(Connection& c, std::string_view name) {
  auto q = c.prepare(c.dialect() == sql::Dialect::sqlite
                         ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                         : "SELECT 1 FROM information_schema.tables WHERE table_name = ?");
  q->bind(1, name);
  return q->single_int().has_value();
}

void read_claims(Connection& c, BillingReportRows& rows) {
  auto q = c.prepare(fmt::format(
      "SELECT c.payer_id, MAX(c.payer_name), COUNT(*), SUM(c.billed_cents), "
      "SUM(CASE WHEN c.status = 'paid' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.status = 'partially_paid' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.status = 'denied' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.status = 'forwarded' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.status = 'reversed' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.status IN ('submitted', 'reversed') THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN c.follows_claim_row IS NULL THEN 0 ELSE c.billed_cents END) "
      "FROM claims c WHERE {} GROUP BY c.payer_id",
      kLatestClaimRow));
  while (q->step()) {
    PayerClaimCounts p;
    p.payer_id = q->column_text(0);
    p.payer_name = q->column_text(1);
    p.claims = count_at(*q, 2);
    p.billed_cents = q->column_int(3);
    p.paid = count_at(*q, 4);
    p.partially_paid = count_at(*q, 5);
    p.denied = count_at(*q, 6);
    p.forwarded = count_at(*q, 7);
    p.reversed = count_at(*q, 8);
    p.awaiting_remittance = count_at(*q, 9);
    p.billed_onward_cents = q->column_int(10);
    rows.claims(p);
  }
  q->reset();
}

void read_payments(Connection& c, BillingReportRows& rows) {
  auto q = c.prepare(
      "SELECT payer_id, CASE WHEN claim_row IS NULL THEN 1 ELSE 0 END, SUM(paid_cents), "
      "SUM(contractual_cents + other_adjustment_cents + payer_initiated_cents + unclassified_cents), "
      "SUM(deductible_cents + coinsurance_cents + copay_cents + other_patient_cents), COUNT(*), "
      "COUNT(DISTINCT CASE WHEN reversal = 0 THEN claim_id END) "
      "FROM claim_payments GROUP BY payer_id, CASE WHEN claim_row IS NULL THEN 1 ELSE 0 END");
  while (q->step()) {
    PayerPaymentTotals p;
    p.payer_id = q->column_text(0);
    p.matched = q->column_int(1) == 0;
    p.paid_cents = q->column_int(2);
    p.adjusted_cents = q->column_int(3);
    p.patient_responsibility_cents = q->column_int(4);
    p.payments = count_at(*q, 5);
    p.claims_adjudicated = count_at(*q, 6);
    rows.payments(p);
  }
  q->reset();
}

void read_open_items(Connection& c, BillingReportRows& rows) {
  auto q = c.prepare(
      "SELECT payer_id, COUNT(*) FROM worklist_items WHERE status IN ('open', 'in_progress') GROUP BY payer_id");
  while (q->step()) rows.open_items(PayerOpenItems{q->column_text(0), count_at(*q, 1)});
  q->reset();
}

void read_denial_findings(Connection& c, BillingReportRows& rows) {
  auto q = c.prepare(
      "SELECT i.payer_id, i.claim_id, f.category, f.carc, f.amount_cents FROM worklist_findings f "
      "JOIN worklist_items i ON i.id = f.item_id WHERE f.rule IN ('denial.claim', 'denial.line') ORDER BY f.id");
  while (q->step())
    rows.denial_finding(
        DenialFinding{q->column_text(0), q->column_text(1), q->column_text(2), q->column_text(3), q->column_int(4)});
  q->reset();
}

void read_amounts_expected(Connection& c, BillingReportRows& rows) {
  // A next payer's claim awaits what the payer before it left: that payer's patient
  // responsibility (CLP05 of its standing payment), not the whole charge again.
  auto waiting = c.prepare(fmt::format(
      "SELECT c.submitted_at, CASE WHEN c.follows_claim_row IS NULL THEN c.billed_cents ELSE COALESCE("
      "(SELECT p.patient_responsibility_cents FROM claims f JOIN claim_payments p ON p.payer_id = f.payer_id "
      "AND p.claim_id = f.claim_id AND p.claim_row = f.id WHERE f.id = c.follows_claim_row AND p.reversal = 0 "
      "AND p.reversed_by IS NULL ORDER BY p.id DESC LIMIT 1), c.billed_cents) END "
      "FROM claims c WHERE c.status IN ('submitted', 'reversed') AND {}",
      kLatestClaimRow));
  while (waiting->step()) rows.awaiting_remittance(AwaitingClaim{waiting->column_text(0), waiting->column_int(1)});
  waiting->reset();
  auto items = c.prepare(
      "SELECT i.amount_cents, i.reference_date, "
      "(SELECT c.submitted_at FROM claims c WHERE c.payer_id = i.payer_id AND c.claim_id = i.claim_id ORDER BY c.id DESC LIMIT 1), "
      "(SELECT c.status FROM claims c WHERE c.payer_id = i.payer_id AND c.claim_id = i.claim_id ORDER BY c.id DESC LIMIT 1) "
      "FROM worklist_items i WHERE i.status IN ('open', 'in_progress')");
  while (items->step())
    rows.open_item_at_stake(
        OpenItemAtStake{items->column_int(0), items->column_text(1), items->column_text(2), items->column_text(3)});
  items->reset();
}

void read_first_payments(Connection& c, BillingReportRows& rows) {
  auto q = c.prepare(fmt::format(
      "SELECT c.submitted_at, MIN(m.payment_date) FROM claims c "
      "JOIN claim_payments p ON p.claim_row = c.id JOIN remittances m ON m.id = p.remittance_id "
      "WHERE p.paid_cents > 0 AND p.reversal = 0 AND m.payment_date <> '' AND {} GROUP BY c.id, c.submitted_at",
      kLatestClaimRow));
  while (q->step()) rows.first_payment(FirstPayment{q->column_text(0), q->column_text(1)});
  q->reset();
}

}  // namespace

void read_billing_report(Connection& c, BillingReportRows& rows) {
  const bool posted = has_table(c, "claim_payments") && has_table(c, "remittances");
  read_claims(c, rows);
  if (posted) read_payments(c, rows);
  read_open_items(c, rows);
  read_denial_findings(c, rows);
  read_amounts_expected(c, rows);
  if (posted) read_first_payments(c, rows);
}

}  // namespace clearhouse::ledger
