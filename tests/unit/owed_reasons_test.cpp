// Why the patient owes, in words: PR-1 "your deductible", PR-2 "your coinsurance (20%)" when the
// percentage follows from the allowed amount, PR-3 "your copay", other PR codes from the wording
// table, then the CARC's description, then the fallback; never words for CO/OA/PI.
#include "engine/patient/owed_reasons.hpp"

#include <gtest/gtest.h>

#include "tests/support/patient_fixtures.hpp"

namespace clearhouse::patient {
namespace {

using model::Money;
using testing::adjudication;
using testing::cas;
using testing::line;

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::patient_rules_config();
  return c;
}

TEST(OwedReasons, TheThreeCommonReasonsInWords) {
  const auto& codes = config().codes;
  EXPECT_EQ(reason_words("PR", "1", std::nullopt, codes), "your deductible");
  EXPECT_EQ(reason_words("PR", "2", 20, codes), "your coinsurance (20%)");
  EXPECT_EQ(reason_words("PR", "2", std::nullopt, codes), "your coinsurance");
  EXPECT_EQ(reason_words("PR", "3", 20, codes), "your copay");  // the percentage only where the words take it
  EXPECT_EQ(reason_words("PR", "96", std::nullopt, codes), "not covered by your plan");
}

TEST(OwedReasons, OtherCodesFallBackToTheCarcDescriptionThenTheFallback) {
  const auto& codes = config().codes;
  EXPECT_EQ(reason_words("PR", "204", std::nullopt, codes),
            "an amount your insurance says is yours to pay: Not covered under the patient's current benefit plan");
  EXPECT_EQ(reason_words("PR", "Z9", std::nullopt, codes), "an amount your insurance says is yours to pay (code PR-Z9)");
}

TEST(OwedReasons, NoWordsForWhatThePatientDoesNotOwe) {
  EXPECT_EQ(reason_words("CO", "45", std::nullopt, config().codes), "");
  EXPECT_EQ(reason_words("OA", "23", std::nullopt, config().codes), "");
}

TEST(CoinsurancePercent, FromPaidPlusPatientResponsibilityOnThePrimary) {
  // Allowed 150 = paid 104 + PR 46; coinsurance 26 of (150 - deductible 20) = 20%.
  auto a = adjudication(1, "P1", "2026-03-10",
                        {line("99213", 20000, 10400, {cas("CO", "45", 5000), cas("PR", "1", 2000), cas("PR", "2", 2600)})});
  EXPECT_EQ(coinsurance_percent(a), std::optional<int>(20));
}

TEST(CoinsurancePercent, RoundedCentsStillGiveTheWholePercentage) {
  // Allowed 33.33, coinsurance 20% = 6.666 -> 6.67.
  auto a = adjudication(1, "P1", "2026-03-10", {line("99212", 5000, 2666, {cas("CO", "45", 1667), cas("PR", "2", 667)})});
  EXPECT_EQ(coinsurance_percent(a), std::optional<int>(20));
}

TEST(CoinsurancePercent, AllowedAmountFromTheLineWhenSent) {
  auto a = adjudication(2, "S1", "2026-04-01", {line("99213", 20000, 0, {cas("PR", "2", 3000)})});
  EXPECT_EQ(coinsurance_percent(a), std::nullopt);  // a later payer without AMT*B6: not computable
  a.lines[0].allowed = Money::from_cents(15000);
  EXPECT_EQ(coinsurance_percent(a), std::optional<int>(20));
}

TEST(CoinsurancePercent, NotComputableIsLeftOut) {
  // Not a whole percentage: 25.00 of 130.00 is 19.23%.
  auto odd = adjudication(1, "P1", "2026-03-10", {line("99213", 20000, 10500, {cas("CO", "45", 5000), cas("PR", "1", 2000),
                                                                            cas("PR", "2", 2500)})});
  EXPECT_EQ(coinsurance_percent(odd), std::nullopt);
  // Two lines that disagree (20% and 10%).
  auto mixed = adjudication(1, "P1", "2026-03-10",
                            {line("99213", 10000, 8000, {cas("PR", "2", 2000)}), line("81002", 10000, 9000, {cas("PR", "2", 1000)})});
  EXPECT_EQ(coinsurance_percent(mixed), std::nullopt);
  // No coinsurance at all.
  auto none = adjudication(1, "P1", "2026-03-10", {line("99213", 10000, 7500, {cas("PR", "3", 2500)})});
  EXPECT_EQ(coinsurance_percent(none), std::nullopt);
}

TEST(CoinsurancePercent, ClaimLevelCoinsuranceWithoutLines) {
  PayerAdjudication a;
  a.level = 1;
  a.paid = Money::from_cents(8000);
  a.claim_adjustments = {cas("CO", "45", 5000), cas("PR", "2", 2000)};
  EXPECT_EQ(coinsurance_percent(a), std::optional<int>(20));
}

TEST(OwedReasons, TheClaimsReasonsWithAmountsAndWords) {
  ClaimShareInput in{"C1",
                     {adjudication(1, "P1", "2026-03-10",
                                   {line("99213", 20000, 10400,
                                         {cas("CO", "45", 5000), cas("PR", "1", 2000), cas("PR", "2", 2600)})})},
                     false,
                     {}};
  in.adjudications[0].claim_adjustments.push_back(cas("PR", "3", 1500));
  in.adjudications[0].paid = Money::from_cents(10400);
  const auto share = decide_claim_share(in);
  const auto reasons = owed_reasons(share, in, config().codes);
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0].words, "your copay");  // claim-level first, as the payer sent them
  EXPECT_EQ(reasons[0].amount, Money::from_cents(1500));
  EXPECT_EQ(reasons[1].words, "your deductible");
  EXPECT_EQ(reasons[2].words, "your coinsurance (20%)");
  EXPECT_EQ(reasons[2].group, "PR");
  EXPECT_EQ(reasons[2].carc, "2");
}

}  // namespace
}  // namespace clearhouse::patient
