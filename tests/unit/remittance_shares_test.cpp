// The share entries posting writes: the difference each matched claim payment makes to the
// claim's patient share, over what was posted before (any payer, payer order) and earlier in the
// same set; a secondary's PR replaces the primary's; a reversal takes the share back.
#include "engine/patient/remittance_shares.hpp"

#include <gtest/gtest.h>

namespace clearhouse::patient {
namespace {

using model::Money;
using model::ShareSource;

Money cents(std::int64_t c) { return Money::from_cents(c); }

RemittanceRef remittance(const char* trace, const char* payer) {
  return {*model::Date::parse_iso("2026-03-10"), trace, payer};
}

PayerAdjudication prior(int level, std::int64_t pr, bool reversal = false) {
  PayerAdjudication a;
  a.level = level;
  a.reversal = reversal;
  model::Adjustment adj;
  adj.group = model::AdjustmentGroup::patient;
  adj.group_code = model::Code("PR");
  adj.amount = cents(pr);
  a.claim_adjustments.push_back(adj);
  return a;
}

TEST(RemittanceShares, AFirstAdjudicationSetsTheShareToItsPatientResponsibility) {
  const PostedShare posted[] = {{"C1", 1, false, cents(4600)}, {"C2", 1, false, cents(0)}};
  const auto entries = plan_share_entries({}, remittance("T1", "P1"), posted);
  ASSERT_EQ(entries.size(), 1u);  // nothing owed on C2: no entry
  EXPECT_EQ(entries[0].claim_id, "C1");
  EXPECT_EQ(entries[0].source, ShareSource::remittance);
  EXPECT_EQ(entries[0].amount, cents(4600));
  EXPECT_EQ(entries[0].reference, "T1");
  EXPECT_EQ(entries[0].payer_id, "P1");
  EXPECT_EQ(entries[0].date.to_iso(), "2026-03-10");
}

TEST(RemittanceShares, ASecondaryReplacesThePrimarysShare) {
  PriorAdjudications before;
  before["C1"] = {prior(1, 4600)};
  const PostedShare posted[] = {{"C1", 2, false, cents(1000)}};
  const auto entries = plan_share_entries(before, remittance("T2", "S1"), posted);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].amount, cents(-3600));  // 46.00 -> 10.00
  EXPECT_EQ(entries[0].source, ShareSource::remittance);
}

TEST(RemittanceShares, AReversalAndItsCorrectionInOneSetEachMakeAnEntry) {
  PriorAdjudications before;
  before["C1"] = {prior(1, 4600)};
  const PostedShare posted[] = {{"C1", 1, true, cents(-4600)}, {"C1", 1, false, cents(3000)}};
  const auto entries = plan_share_entries(before, remittance("T3", "P1"), posted);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].source, ShareSource::reversal);
  EXPECT_EQ(entries[0].amount, cents(-4600));
  EXPECT_EQ(entries[1].source, ShareSource::remittance);
  EXPECT_EQ(entries[1].amount, cents(3000));
}

TEST(RemittanceShares, APrimaryReversalAfterTheSecondaryLeavesTheSecondarysShare) {
  PriorAdjudications before;
  before["C1"] = {prior(1, 4600), prior(2, 1000)};
  const PostedShare posted[] = {{"C1", 1, true, cents(-4600)}};
  EXPECT_TRUE(plan_share_entries(before, remittance("T4", "P1"), posted).empty());
}

TEST(RemittanceShares, PayerOrderFromSbr01) {
  EXPECT_EQ(payer_order("P"), 1);
  EXPECT_EQ(payer_order("S"), 2);
  EXPECT_EQ(payer_order("T"), 3);
  EXPECT_EQ(payer_order("A"), 4);
  EXPECT_EQ(payer_order(""), 1);
}

}  // namespace
}  // namespace clearhouse::patient
