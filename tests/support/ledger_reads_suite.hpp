#pragma once
// The ledger's reads and bookkeeping that the report, the claim detail, the service, the sweep
// and acknowledgment posting rely on, run against every database like the rest of the ledger
// suite (include after tests/support/ledger_suite.hpp; the same instantiation covers these):
// batches by id and file, acknowledgment marks, the fee schedule, the sweep's candidates, the
// billing report's rows, the claim detail's records and per-session settings.

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ledger/billing_report_queries.hpp"
#include "engine/ledger/claim_acknowledgments.hpp"
#include "engine/ledger/claim_detail_reads.hpp"
#include "engine/ledger/fee_schedule_store.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/ledger/sweep_candidates.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "tests/support/ledger_suite.hpp"

namespace clearhouse::testing {

// Every row the billing report's reads hand out, kept (a report keeps none of them).
struct BillingReportRowsRead final : ledger::BillingReportRows {
  std::vector<ledger::PayerClaimCounts> claim_counts;
  std::vector<ledger::PayerPaymentTotals> payment_totals;
  std::vector<ledger::PayerOpenItems> open_item_counts;
  std::vector<ledger::DenialFinding> denial_findings;
  std::vector<ledger::AwaitingClaim> awaiting;
  std::vector<ledger::OpenItemAtStake> at_stake;
  std::vector<ledger::FirstPayment> first_payments;
  void claims(const ledger::PayerClaimCounts& row) override { claim_counts.push_back(row); }
  void payments(const ledger::PayerPaymentTotals& row) override { payment_totals.push_back(row); }
  void open_items(const ledger::PayerOpenItems& row) override { open_item_counts.push_back(row); }
  void denial_finding(const ledger::DenialFinding& row) override { denial_findings.push_back(row); }
  void awaiting_remittance(const ledger::AwaitingClaim& row) override { awaiting.push_back(row); }
  void open_item_at_stake(const ledger::OpenItemAtStake& row) override { at_stake.push_back(row); }
  void first_payment(const ledger::FirstPayment& row) override { first_payments.push_back(row); }
};

TEST_P(LedgerSuite, BatchesAreFoundByIdAndByFileName) {
  submit({claim("C1")}, 1);
  submit({claim("C2")}, 2);
  const auto all = ledger().batches();
  ASSERT_EQ(all.size(), 2u);
  const auto second = ledger().find_batch(all[1].row_id);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->file_name, "ACME01-2.837");
  EXPECT_EQ(second->interchange_control_number, 2u);
  EXPECT_EQ(second->first_transaction_number, 1u);
  EXPECT_EQ(second->claim_count, 1u);
  EXPECT_EQ(second->sha256, std::string(64, 'a'));
  const auto by_file = ledger().find_batch_by_file("ACME01-1.837");
  ASSERT_TRUE(by_file.has_value());
  EXPECT_EQ(by_file->row_id, all[0].row_id);
  EXPECT_FALSE(ledger().find_batch(all[1].row_id + 100).has_value());
  EXPECT_FALSE(ledger().find_batch_by_file("ACME01-9.837").has_value());
}

TEST_P(LedgerSuite, AcknowledgmentsMarkTheClaimsOfABatchOrOfOneTransactionSet) {
  auto c3 = claim("C3");
  c3.transaction_control_number = "0002";
  submit({claim("C1"), claim("C2"), c3}, 7);
  const auto batch = ledger::find_sent_batch(db(), "SENDER", "ACME01", ledger::BatchControlNumber::group, 7);
  ASSERT_TRUE(batch.has_value());
  EXPECT_EQ(ledger::find_sent_batch(db(), "SENDER", "ACME01", ledger::BatchControlNumber::interchange, 7), batch);
  EXPECT_FALSE(ledger::find_sent_batch(db(), "SENDER", "OTHER", ledger::BatchControlNumber::group, 7).has_value());
  EXPECT_FALSE(ledger::find_sent_batch(db(), "ACME01", "SENDER", ledger::BatchControlNumber::group, 7).has_value());
  EXPECT_FALSE(ledger::find_sent_batch(db(), "SENDER", "ACME01", ledger::BatchControlNumber::group, 8).has_value());

  const auto ack_of = [&](const char* claim_id) {
    const auto records = ledger::read_claim_detail(ledger(), "ACME01", claim_id);
    return records.submissions.empty() ? std::string("?") : records.submissions.back().ack_status;
  };
  {
    ledger::sql::Transaction tx(db());
    EXPECT_EQ(ledger::mark_transaction_set_acknowledged(db(), *batch, "0009", "accepted", "2024-06-02T00:00:00Z"), 0u);
    EXPECT_EQ(ledger::mark_transaction_set_acknowledged(db(), *batch, "0002", "rejected", "2024-06-02T00:00:00Z"), 1u);
    tx.commit();
  }
  EXPECT_EQ(ack_of("C1"), "");
  EXPECT_EQ(ack_of("C3"), "rejected");
  {
    ledger::sql::Transaction tx(db());
    EXPECT_EQ(ledger::mark_batch_acknowledged(db(), *batch, "accepted_with_errors", "2024-06-03T00:00:00Z"), 3u);
    tx.commit();
  }
  EXPECT_EQ(ack_of("C1"), "accepted_with_errors");
  EXPECT_EQ(ack_of("C3"), "accepted_with_errors");
  EXPECT_EQ(ledger::read_claim_detail(ledger(), "ACME01", "C2").submissions.back().ack_received_at,
            "2024-06-03T00:00:00Z");
}

TEST_P(LedgerSuite, TheFeeScheduleRoundTripsAndALaterRowReplacesTheEarlierOne) {
  std::vector<model::FeeScheduleRow> rows = {{"P1", "99213", "", 8000}, {"P1", "99214", "25", 12000}};
  EXPECT_EQ(ledger::store_fee_schedule(db(), rows, "t"), 2u);
  rows = {{"P1", "99213", "", 8100}};
  ledger::store_fee_schedule(db(), rows, "t");
  const rules::FeeSchedule fees(ledger::read_fee_schedule(db()));
  EXPECT_EQ(fees.size(), 2u);
  EXPECT_EQ(fees.allowed("P1", "99213", "")->cents(), 8100);
  EXPECT_EQ(fees.allowed("P1", "99214", "25")->cents(), 12000);
}

TEST_P(LedgerSuite, SweepCandidatesAreLateOrReversedClaimsByTheirLatestRow) {
  submit({claim("C1"), claim("C2")}, 1);  // submitted 2024-06-01
  auto replacement = claim("C1");
  replacement.frequency_code = "7";
  replacement.billed_cents = 16000;
  submit({replacement}, 2);
  // C2's payment is taken back without its original: the claim is 'reversed'.
  post_text(remittance_835(remittance_header("-120", "EFT20") +
                           "CLP*C2*22*-150*-120*0*12*PCC77*11*1~SVC*HC:99213:25*-100*-80~CAS*CO*45*-20~REF*6R*C2-1~"
                           "SVC*HC:81002*-50*-40~CAS*CO*45*-10~REF*6R*C2-2~"));

  const auto late = ledger::read_sweep_candidates(db(), model::Date{2024, 6, 2});
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].claim.claim_id, "C2");  // by row id: C2's row is older than C1's replacement
  EXPECT_EQ(late[0].claim.status, "reversed");
  EXPECT_EQ(late[1].claim.claim_id, "C1");
  EXPECT_EQ(late[1].claim.frequency_code, "7");
  EXPECT_EQ(late[1].claim.billed_cents, 16000);
  EXPECT_EQ(late[1].claim.payer_id, "ACME01");
  EXPECT_EQ(late[1].claim.status, "submitted");
  EXPECT_EQ(late[1].submitted_at, "2024-06-01T00:00:00Z");
  EXPECT_NE(late[1].claim.row_id, 0);
  // Sent on the cutoff day: not late yet; the reversed claim is a candidate whatever its date.
  const auto on_time = ledger::read_sweep_candidates(db(), model::Date{2024, 6, 1});
  ASSERT_EQ(on_time.size(), 1u);
  EXPECT_EQ(on_time[0].claim.claim_id, "C2");
}

TEST_P(LedgerSuite, BillingReportRowsCountLatestClaimsPaymentsAndWorklistItems) {
  submit({claim("C1"), claim("C2"), claim("C3"), claim("C4"), claim("B1", "BETA02")});
  ASSERT_EQ(post_text(remittance_835(kThreeClaims)).result, reconcile::RemittanceOutcome::Result::posted);
  // Money for a claim never submitted: an unmatched payment.
  post_text(remittance_835(remittance_header("50", "EFT40") + "CLP*X9*1*50*50*0*12*PCC9*11*1~"));
  // The worklist as the rules would leave it: C2 denied (two findings, same category), C4 waiting.
  db().execute(
      "INSERT INTO worklist_items (payer_id, claim_id, category, rules, carc, rarc, amount_cents, action, status, "
      "owner, reference_date, trace_number, opened_at, updated_at) VALUES "
      "('ACME01', 'C2', 'medical_necessity', 'denial.claim', '50', '', 15000, 'appeal', 'open', '', '2024-04-05', "
      "'EFT1', 't', 't'), "
      "('ACME01', 'C4', 'missing_remittance', 'timeliness.missing_remittance', '', '', 15000, 'follow_up', "
      "'in_progress', '', '2024-06-01', '', 't', 't'), "
      "('ACME01', 'C1', 'underpayment', 'payment.underpaid', '45', '', 500, 'appeal', 'resolved', '', '2024-04-05', "
      "'EFT1', 't', 't')");
  const auto item = [&](const char* claim_id) {
    return count(fmt::format("SELECT id FROM worklist_items WHERE claim_id = '{}'", claim_id));
  };
  db().execute(fmt::format(
      "INSERT INTO worklist_findings (item_id, posting_id, source, rule, category, line_number, carc, rarc, "
      "amount_cents, message, action, is_open, created_at) VALUES "
      "({0}, 1, 'posting', 'denial.claim', 'medical_necessity', 0, '50', '', 15000, 'm', 'appeal', 1, 't'), "
      "({0}, 1, 'posting', 'denial.line', 'medical_necessity', 1, '50,N115', '', 10000, 'm', 'appeal', 1, 't'), "
      "({1}, 1, 'sweep', 'timeliness.missing_remittance', 'missing_remittance', 0, '', '', 15000, 'm', 'follow_up', "
      "1, 't')",
      item("C2"), item("C4")));

  BillingReportRowsRead facts;
  ledger::read_billing_report(db(), facts);
  ASSERT_EQ(facts.claim_counts.size(), 2u);
  const auto acme = std::find_if(facts.claim_counts.begin(), facts.claim_counts.end(),
                                 [](const auto& p) { return p.payer_id == "ACME01"; });
  ASSERT_NE(acme, facts.claim_counts.end());
  EXPECT_EQ(acme->payer_name, "ACME HEALTH PLAN");
  EXPECT_EQ(acme->claims, 4u);
  EXPECT_EQ(acme->billed_cents, 60000);
  EXPECT_EQ(acme->paid, 1u);
  EXPECT_EQ(acme->denied, 1u);
  EXPECT_EQ(acme->partially_paid, 1u);
  EXPECT_EQ(acme->forwarded + acme->reversed, 0u);
  EXPECT_EQ(acme->awaiting_remittance, 1u);  // C4

  ASSERT_EQ(facts.payment_totals.size(), 2u);
  for (const auto& p : facts.payment_totals) {
    EXPECT_EQ(p.payer_id, "ACME01");
    if (p.matched) {
      EXPECT_EQ(p.payments, 3u);
      EXPECT_EQ(p.claims_adjudicated, 3u);
      EXPECT_EQ(p.paid_cents, 14500);
      EXPECT_EQ(p.adjusted_cents, 28500);
      EXPECT_EQ(p.patient_responsibility_cents, 2000);
    } else {
      EXPECT_EQ(p.payments, 1u);
      EXPECT_EQ(p.paid_cents, 5000);
    }
  }

  ASSERT_EQ(facts.open_item_counts.size(), 1u);  // the resolved item is not active
  EXPECT_EQ(facts.open_item_counts[0].payer_id, "ACME01");
  EXPECT_EQ(facts.open_item_counts[0].items, 2u);
  ASSERT_EQ(facts.denial_findings.size(), 2u);
  EXPECT_EQ(facts.denial_findings[0].claim_id, "C2");
  EXPECT_EQ(facts.denial_findings[0].amount_cents, 15000);
  EXPECT_EQ(facts.denial_findings[1].carc, "50,N115");
  EXPECT_EQ(facts.denial_findings[1].category, "medical_necessity");

  // Still expected: C4 and B1 in full (no remittance), and C2's open item with its claim.
  ASSERT_EQ(facts.awaiting.size(), 2u);
  EXPECT_EQ(facts.awaiting[0].submitted_at, "2024-06-01T00:00:00Z");
  EXPECT_EQ(facts.awaiting[0].billed_cents + facts.awaiting[1].billed_cents, 30000);
  ASSERT_EQ(facts.at_stake.size(), 2u);
  for (const auto& i : facts.at_stake) {
    EXPECT_EQ(i.claim_submitted_at, "2024-06-01T00:00:00Z");
    EXPECT_EQ(i.claim_status, i.reference_date == "2024-04-05" ? "denied" : "submitted");
  }

  // C1 and C3 were paid (C2 was denied), first on the remittance's date.
  ASSERT_EQ(facts.first_payments.size(), 2u);
  for (const auto& p : facts.first_payments) {
    EXPECT_EQ(p.submitted_at, "2024-06-01T00:00:00Z");
    EXPECT_EQ(p.paid_on, "2024-04-05");
  }
}

TEST_P(LedgerSuite, ClaimDetailRecordsHoldSubmissionsLinesAndPaymentsWithTheirLines) {
  submit({claim("C1"), claim("C2"), claim("C3")});
  ASSERT_EQ(post_text(remittance_835(kThreeClaims)).result, reconcile::RemittanceOutcome::Result::posted);
  auto replacement = claim("C1");
  replacement.frequency_code = "7";
  replacement.original_claim_number = "PCC1";
  replacement.lines.pop_back();
  submit({replacement}, 2);

  EXPECT_EQ(ledger::payers_of_claim(db(), "C1"), std::vector<std::string>{"ACME01"});
  EXPECT_TRUE(ledger::payers_of_claim(db(), "NOPE").empty());

  const auto c1 = ledger::read_claim_detail(ledger(), "ACME01", "C1");
  ASSERT_EQ(c1.submissions.size(), 2u);
  EXPECT_EQ(c1.submissions[0].claim.frequency_code, "1");
  EXPECT_EQ(c1.submissions[0].batch_file_name, "ACME01-1.837");
  EXPECT_EQ(c1.submissions[0].claim.status, "paid");
  EXPECT_EQ(c1.submissions[1].claim.original_claim_number, "PCC1");
  EXPECT_EQ(c1.submissions[1].batch_file_name, "ACME01-2.837");
  EXPECT_EQ(c1.submissions[1].submitted_at, "2024-06-01T00:00:00Z");
  EXPECT_TRUE(c1.submissions[1].ack_status.empty());
  ASSERT_EQ(c1.lines.size(), 1u);  // the replacement's lines
  EXPECT_EQ(c1.lines[0].line_control_number, "C1-1");
  ASSERT_EQ(c1.payments.size(), 1u);
  const auto& paid = c1.payments[0];
  EXPECT_EQ(paid.trace_number, "EFT1");
  EXPECT_EQ(paid.payment_date, "2024-04-05");
  EXPECT_EQ(paid.status_code, "1");
  EXPECT_EQ(paid.claim_status, "paid");
  EXPECT_EQ(paid.payer_claim_control_number, "PCC1");
  EXPECT_FALSE(paid.reversal);
  EXPECT_EQ(paid.billed_cents, 15000);
  EXPECT_EQ(paid.paid_cents, 12000);
  EXPECT_EQ(paid.adjustments.deductible.cents(), 1000);
  ASSERT_EQ(paid.lines.size(), 2u);  // both lines matched the original's lines
  EXPECT_EQ(paid.lines[0].paid_cents, 8000);
  EXPECT_EQ(paid.lines[0].allowed_cents, 9000);
  EXPECT_EQ(paid.lines[0].reason_codes, "45,1");
  EXPECT_EQ(paid.lines[0].adjustments.contractual.cents(), 1000);
  EXPECT_FALSE(paid.lines[1].allowed_cents.has_value());

  const auto c2 = ledger::read_claim_detail(ledger(), "ACME01", "C2");
  ASSERT_EQ(c2.payments.size(), 1u);
  ASSERT_EQ(c2.payments[0].lines.size(), 2u);
  EXPECT_EQ(c2.payments[0].lines[0].remark_codes, "N115");
  EXPECT_EQ(c2.lines.size(), 2u);

  const auto none = ledger::read_claim_detail(ledger(), "OTHER", "C1");
  EXPECT_TRUE(none.submissions.empty());
  EXPECT_TRUE(none.lines.empty());
  EXPECT_TRUE(none.payments.empty());
}

TEST_P(LedgerSuite, SessionSettingsBoundTheCacheAndRelaxDurabilityForAScope) {
  const auto pragma = [&](const char* name) { return count(fmt::format("PRAGMA {}", name)); };
  ledger::limit_page_cache(db(), 2048);
  {
    ledger::RelaxedDurability relaxed(db());
    if (db().dialect() == ledger::sql::Dialect::sqlite) {
      EXPECT_EQ(pragma("synchronous"), 1);  // NORMAL
    }
    submit({claim("C1")});
  }
  EXPECT_EQ(ledger().count_claims(), 1u);
  if (db().dialect() != ledger::sql::Dialect::sqlite) return;  // PostgreSQL: nothing to set, nothing thrown
  EXPECT_EQ(pragma("cache_size"), -2048);
  EXPECT_EQ(pragma("temp.cache_size"), -2048);
  EXPECT_EQ(pragma("synchronous"), 2);  // FULL again
  ledger::limit_page_cache(db(), 0);    // keeps what is set
  EXPECT_EQ(pragma("cache_size"), -2048);
}

}  // namespace clearhouse::testing
