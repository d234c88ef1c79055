// The billing report's decision over rows built here (no database): payer lines and totals,
// unmatched money, denial rates counted once per claim and category, AR buckets by age, and the
// average days to payment. What the ledger reads is covered by the ledger suite
// (tests/support/ledger_reads_suite.hpp); the report end to end by tests/e2e/worklist_e2e_test.cpp.
#include <gtest/gtest.h>

#include "engine/report/billing_report.hpp"
#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::report {
namespace {

// Rows as the ledger would hand them out, fed to a tally.
BillingReport summarize(const rules::RulesConfig& config, model::Date today) {
  BillingReportTally tally(config, today);
  ledger::PayerClaimCounts a;
  a.payer_id = "P2";
  a.payer_name = "SECOND";
  a.claims = 3;
  a.billed_cents = 30000;
  a.paid = 1;
  a.denied = 1;
  a.awaiting_remittance = 1;
  tally.claims(a);
  ledger::PayerClaimCounts b;
  b.payer_id = "P1";
  b.payer_name = "FIRST";
  b.claims = 1;
  b.billed_cents = 5000;
  b.reversed = 1;
  b.awaiting_remittance = 1;
  tally.claims(b);
  tally.payments({"P2", true, 3, 2, 9000, 700, 300});
  tally.payments({"P2", false, 2, 2, 4000, 0, 0});
  tally.payments({"P9", false, 1, 1, 100, 0, 0});
  tally.open_items({"P2", 1});
  tally.open_items({"P3", 1});
  // C2 denied twice in one category: counted once, with the latest amount and both codes.
  tally.denial_finding({"P2", "C2", "medical_necessity", "50", 10000});
  tally.denial_finding({"P2", "C2", "medical_necessity", "50,55", 8000});
  tally.denial_finding({"P2", "C3", "coding", "16", 2500});
  tally.awaiting_remittance({"2024-06-01T10:00:00Z", 10000});
  tally.awaiting_remittance({"2024-04-01T10:00:00Z", 5000});
  tally.open_item_at_stake({8000, "2024-05-20", "2024-05-01T00:00:00Z", "denied"});
  tally.open_item_at_stake({9999, "2024-05-20", "2024-06-01T00:00:00Z", "submitted"});  // counted in full already
  tally.open_item_at_stake({300, "2024-02-01", "", ""});  // never submitted here: aged from its reference date
  // 9 days, 0 days (paid before it was recorded), and one without a date.
  tally.first_payment({"2024-05-01T00:00:00Z", "2024-05-10"});
  tally.first_payment({"2024-05-20T00:00:00Z", "2024-05-18"});
  tally.first_payment({"", "2024-05-01"});
  return tally.finish();
}

BillingReport summarize() { return summarize(testing::test_rules_config(), model::Date{2024, 6, 20}); }

TEST(BillingReport, SumsPayersAndTotalsAndKeepsUnmatchedMoneyApart) {
  const auto r = summarize();
  EXPECT_EQ(r.as_of, (model::Date{2024, 6, 20}));
  ASSERT_EQ(r.payers.size(), 3u);  // P1, P2 and P3 (an item only), by payer id; P9 paid nothing it was sent
  EXPECT_EQ(r.payers[0].payer_id, "P1");
  EXPECT_EQ(r.payers[0].reversed, 1u);
  EXPECT_EQ(r.payers[1].payer_name, "SECOND");
  EXPECT_EQ(r.payers[1].submitted, 3u);
  EXPECT_EQ(r.payers[1].open, 1u);
  EXPECT_EQ(r.payers[1].adjudicated, 2u);
  EXPECT_EQ(r.payers[1].paid_cents.cents(), 9000);
  EXPECT_EQ(r.payers[1].adjusted.cents(), 700);
  EXPECT_EQ(r.payers[1].patient_responsibility.cents(), 300);
  EXPECT_EQ(r.payers[1].open_items, 1u);
  EXPECT_EQ(r.payers[2].payer_id, "P3");
  EXPECT_EQ(r.payers[2].open_items, 1u);
  EXPECT_EQ(r.totals.payer_id, "*");
  EXPECT_EQ(r.totals.submitted, 4u);
  EXPECT_EQ(r.totals.billed.cents(), 35000);
  EXPECT_EQ(r.totals.open, 2u);
  EXPECT_EQ(r.totals.open_items, 2u);
  EXPECT_EQ(r.unmatched_payments, 3u);
  EXPECT_EQ(r.unmatched_paid.cents(), 4100);
}

TEST(BillingReport, DenialRatesCountAClaimOncePerCategoryAndPerCode) {
  const auto r = summarize();
  ASSERT_EQ(r.denials_by_category.size(), 2u);
  EXPECT_EQ(r.denials_by_category[0].key, "coding");  // one claim each: by key
  EXPECT_EQ(r.denials_by_category[1].key, "medical_necessity");
  EXPECT_EQ(r.denials_by_category[1].label, "Medical necessity");
  EXPECT_EQ(r.denials_by_category[1].claims, 1u);
  EXPECT_EQ(r.denials_by_category[1].amount.cents(), 8000);
  EXPECT_EQ(r.denials_by_category[1].rate_percent.to_string(), "50");  // 1 of 2 adjudicated
  ASSERT_EQ(r.denials_by_carc.size(), 3u);
  EXPECT_EQ(r.denials_by_carc[0].key, "16");
  EXPECT_EQ(r.denials_by_carc[1].key, "50");
  EXPECT_EQ(r.denials_by_carc[1].label, "Not medically necessary.");
  EXPECT_EQ(r.denials_by_carc[2].key, "55");
  EXPECT_EQ(r.denials_by_carc[2].amount.cents(), 8000);
}

TEST(BillingReport, AgesWhatIsStillExpectedIntoTheConfiguredBuckets) {
  const auto r = summarize();
  ASSERT_EQ(r.ar_aging.size(), 4u);
  EXPECT_EQ(r.ar_aging[0].label, "0-30");
  EXPECT_EQ(r.ar_aging[0].claims, 1u);  // 19 days
  EXPECT_EQ(r.ar_aging[0].amount.cents(), 10000);
  EXPECT_EQ(r.ar_aging[1].claims, 1u);  // the denied claim's item, 50 days
  EXPECT_EQ(r.ar_aging[1].amount.cents(), 8000);
  EXPECT_EQ(r.ar_aging[2].claims, 1u);  // 80 days
  EXPECT_EQ(r.ar_aging[3].claims, 1u);  // the item of no claim, from 2024-02-01
  EXPECT_EQ(r.ar_aging[3].amount.cents(), 300);
  EXPECT_EQ(r.ar_total.cents(), 23300);
}

TEST(BillingReport, AveragesDaysToPaymentOverClaimsWithBothDates) {
  const auto r = summarize();
  EXPECT_EQ(r.paid_claims_timed, 2u);
  ASSERT_TRUE(r.average_days_to_payment.has_value());
  EXPECT_EQ(r.average_days_to_payment->to_string(), "4.5");
  const auto config = testing::test_rules_config();
  EXPECT_FALSE(BillingReportTally(config, model::Date{2024, 6, 20}).finish().average_days_to_payment);
}

}  // namespace
}  // namespace clearhouse::report
