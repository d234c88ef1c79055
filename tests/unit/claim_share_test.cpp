// A claim's patient share: the last payer's patient responsibility, minus the patient's
// payments and adjustments; pending insurance while a payer has yet to decide; every change an
// entry; a payer's reversal puts the share back to what the correction says.
#include "engine/patient/claim_share.hpp"

#include <gtest/gtest.h>

#include "tests/support/patient_fixtures.hpp"

namespace clearhouse::patient {
namespace {

using model::Money;
using model::ShareSource;
using testing::adjudication;
using testing::cas;
using testing::line;

Money cents(std::int64_t c) { return Money::from_cents(c); }
model::Date day(const char* iso) { return *model::Date::parse_iso(iso); }

// Primary: billed 200, allowed 150 (CO-45 50), deductible 20, coinsurance 26 (20% of 130), paid 104.
PayerAdjudication primary(const char* date = "2026-03-10") {
  return adjudication(1, "P1", date,
                      {line("99213", 20000, 10400, {cas("CO", "45", 5000), cas("PR", "1", 2000), cas("PR", "2", 2600)})});
}

TEST(ClaimShare, NoAdjudicationIsPendingInsuranceAndOwesNothingYet) {
  ClaimShareInput in{"C1", {}, false, {}};
  const auto share = decide_claim_share(in);
  EXPECT_TRUE(share.pending_insurance);
  EXPECT_EQ(share.deciding_level, 0);
  EXPECT_EQ(share.balance, Money{});
  EXPECT_EQ(share.due(), Money{});
  EXPECT_TRUE(share.entries.empty());
}

TEST(ClaimShare, PrimaryOnlyLeavesItsPatientResponsibility) {
  ClaimShareInput in{"C1", {primary()}, false, {}};
  const auto share = decide_claim_share(in);
  EXPECT_FALSE(share.pending_insurance);
  EXPECT_EQ(share.deciding_level, 1);
  EXPECT_EQ(share.patient_share, cents(4600));
  EXPECT_EQ(share.balance, cents(4600));
  EXPECT_EQ(share.due(), cents(4600));
  EXPECT_EQ(share.due_since, day("2026-03-10"));
  ASSERT_EQ(share.entries.size(), 1u);
  EXPECT_EQ(share.entries[0].source, ShareSource::remittance);
  EXPECT_EQ(share.entries[0].amount, cents(4600));
  EXPECT_EQ(share.entries[0].payer_id, "P1");
  ASSERT_EQ(share.reasons.size(), 2u);
  EXPECT_EQ(share.reasons[0].reason, "1");
  EXPECT_EQ(share.reasons[0].amount, cents(2000));
  EXPECT_EQ(share.reasons[1].reason, "2");
  EXPECT_EQ(share.reasons[1].amount, cents(2600));
}

TEST(ClaimShare, ClaimLevelAndLineLevelPatientResponsibilityAddUp) {
  auto adj = primary();
  adj.claim_adjustments.push_back(cas("PR", "3", 1500));
  const auto share = decide_claim_share({"C1", {adj}, false, {}});
  EXPECT_EQ(share.patient_share, cents(6100));
  EXPECT_EQ(adj.patient_responsibility(), cents(6100));
  EXPECT_EQ(adj.other_adjustments(), cents(5000));
}

TEST(ClaimShare, SecondaryStillDueKeepsTheClaimPendingInsurance) {
  const auto share = decide_claim_share({"C1", {primary()}, true, {}});
  EXPECT_TRUE(share.pending_insurance);
  EXPECT_EQ(share.balance, cents(4600));  // what the primary left, not due yet
  EXPECT_EQ(share.due(), Money{});
}

TEST(ClaimShare, SecondaryBillsThePatientOnlyWhatItLeft) {
  // The secondary pays the coinsurance (OA-23 for the primary's payment), leaves the deductible.
  auto secondary = adjudication(2, "S1", "2026-04-02",
                                {line("99213", 20000, 2600, {cas("OA", "23", 15400), cas("PR", "1", 2000)})});
  const auto share = decide_claim_share({"C1", {primary(), secondary}, false, {}});
  EXPECT_FALSE(share.pending_insurance);
  EXPECT_EQ(share.deciding_level, 2);
  EXPECT_EQ(share.patient_share, cents(2000));
  EXPECT_EQ(share.due_since, day("2026-04-02"));
  ASSERT_EQ(share.entries.size(), 2u);
  EXPECT_EQ(share.entries[0].amount, cents(4600));
  EXPECT_EQ(share.entries[1].amount, cents(-2600));  // the change the secondary made
  EXPECT_EQ(share.entries[1].payer_id, "S1");
  ASSERT_EQ(share.reasons.size(), 1u);
  EXPECT_EQ(share.reasons[0].reason, "1");
}

TEST(ClaimShare, SecondaryLeavingNothingOwesNothing) {
  auto secondary = adjudication(2, "S1", "2026-04-02", {line("99213", 20000, 4600, {cas("OA", "23", 15400)})});
  const auto share = decide_claim_share({"C1", {primary(), secondary}, false, {}});
  EXPECT_EQ(share.balance, Money{});
  EXPECT_TRUE(share.reasons.empty());
}

TEST(ClaimShare, PaymentsAndAdjustmentsLowerTheBalance) {
  ClaimShareInput in{"C1", {primary()}, false, {}};
  in.patient_entries.push_back({"C1", day("2026-03-20"), ShareSource::payment, cents(-3000), "CHK1", ""});
  in.patient_entries.push_back({"C1", day("2026-03-25"), ShareSource::adjustment, cents(-100), "small balance", ""});
  const auto share = decide_claim_share(in);
  EXPECT_EQ(share.patient_share, cents(4600));
  EXPECT_EQ(share.balance, cents(1500));
  ASSERT_EQ(share.entries.size(), 3u);
  EXPECT_EQ(share.entries[1].source, ShareSource::payment);
  EXPECT_EQ(share.entries[2].source, ShareSource::adjustment);
}

TEST(ClaimShare, OverpaidClaimHasANegativeBalance) {
  ClaimShareInput in{"C1", {primary()}, false, {}};
  in.patient_entries.push_back({"C1", day("2026-03-20"), ShareSource::payment, cents(-5000), "CHK1", ""});
  EXPECT_EQ(decide_claim_share(in).balance, cents(-400));
}

TEST(ClaimShare, ReversalWithoutCorrectionIsPendingInsurance) {
  auto original = primary();
  auto reversal = adjudication(1, "P1", "2026-05-01",
                               {line("99213", -20000, -10400, {cas("CO", "45", -5000), cas("PR", "1", -2000),
                                                               cas("PR", "2", -2600)})},
                               true);
  const auto share = decide_claim_share({"C1", {original, reversal}, false, {}});
  EXPECT_TRUE(share.pending_insurance);
  EXPECT_EQ(share.patient_share, Money{});
  ASSERT_EQ(share.entries.size(), 2u);
  EXPECT_EQ(share.entries[1].source, ShareSource::reversal);
  EXPECT_EQ(share.entries[1].amount, cents(-4600));
}

TEST(ClaimShare, ReversalPutsTheShareBackToWhatTheCorrectionSays) {
  auto original = primary();
  auto reversal = adjudication(1, "P1", "2026-05-01",
                               {line("99213", -20000, -10400, {cas("CO", "45", -5000), cas("PR", "1", -2000),
                                                               cas("PR", "2", -2600)})},
                               true);
  // The correction: no deductible after all, coinsurance 30 of 150.
  auto correction = adjudication(1, "P1", "2026-05-01",
                                 {line("99213", 20000, 12000, {cas("CO", "45", 5000), cas("PR", "2", 3000)})});
  const auto share = decide_claim_share({"C1", {original, reversal, correction}, false, {}});
  EXPECT_FALSE(share.pending_insurance);
  EXPECT_EQ(share.patient_share, cents(3000));
  EXPECT_EQ(share.balance, cents(3000));
  ASSERT_EQ(share.deciding, std::optional<std::size_t>(2));
  ASSERT_EQ(share.reasons.size(), 1u);  // the deductible nets to zero and is dropped
  EXPECT_EQ(share.reasons[0].reason, "2");
  EXPECT_EQ(share.reasons[0].amount, cents(3000));
  Money sum;
  for (const auto& e : share.entries) sum += e.amount;
  EXPECT_EQ(sum, share.balance);  // the entries add up to the balance
}

TEST(ClaimShare, SecondaryReversedFallsBackToThePrimaryAndIsPending) {
  auto secondary = adjudication(2, "S1", "2026-04-02",
                                {line("99213", 20000, 2600, {cas("OA", "23", 15400), cas("PR", "1", 2000)})});
  auto reversed = adjudication(2, "S1", "2026-04-20",
                               {line("99213", -20000, -2600, {cas("OA", "23", -15400), cas("PR", "1", -2000)})}, true);
  const auto share = decide_claim_share({"C1", {primary(), secondary, reversed}, false, {}});
  EXPECT_TRUE(share.pending_insurance);
  EXPECT_EQ(share.deciding_level, 1);
  EXPECT_EQ(share.patient_share, cents(4600));
}

TEST(ClaimShare, PayerReversalEntriesPassedInAreNotCountedTwice) {
  ClaimShareInput in{"C1", {primary()}, false, {}};
  in.patient_entries.push_back({"C1", day("2026-03-10"), ShareSource::remittance, cents(4600), "TRN", "P1"});
  in.patient_entries.push_back({"C1", day("2026-03-11"), ShareSource::reversal, cents(-4600), "TRN", "P1"});
  in.patient_entries.push_back({"C1", day("2026-03-12"), ShareSource::reversal, cents(1000), "reverses:CHK1", ""});
  const auto share = decide_claim_share(in);
  EXPECT_EQ(share.balance, cents(5600));  // only the payment reversal counts
}

}  // namespace
}  // namespace clearhouse::patient
