// The front-door section of the report (report::front_door_report), from rows built in the
// test: first-pass acceptance rates exact to two decimals, totals, rejections by category with
// their labels, most claims first.
#include "engine/report/front_door_report.hpp"

#include <gtest/gtest.h>

#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::report {
namespace {

TEST(FrontDoorReport, RatesTotalsAndCategories) {
  const rules::RulesConfig config = testing::test_rules_config();
  ledger::FrontDoorRows rows;
  rows.payers = {{"00590", 3, 2, 1}, {"60054", 4, 4, 0}, {"77027", 0, 0, 5}};
  rows.categories = {{"eligibility", 1, 1, 12000}, {"missing_information", 2, 1, 30000}};
  rows.inquiries_sent = 7;
  rows.inquiries_answered = 2;
  rows.claims_inquired = 6;
  const auto r = front_door_report(rows, config);
  ASSERT_EQ(r.payers.size(), 3u);
  EXPECT_EQ(r.payers[0].first_pass_rate_percent.to_string(), "66.67");
  EXPECT_EQ(r.payers[1].first_pass_rate_percent.to_string(), "100");
  EXPECT_EQ(r.payers[2].first_pass_rate_percent.to_string(), "0");
  EXPECT_EQ(r.totals.acknowledged, 7u);
  EXPECT_EQ(r.totals.accepted_first_pass, 6u);
  EXPECT_EQ(r.totals.first_pass_rate_percent.to_string(), "85.71");
  EXPECT_EQ(r.awaiting_277ca, 6u);
  ASSERT_EQ(r.rejections_by_category.size(), 2u);
  EXPECT_EQ(r.rejections_by_category[0].category, "missing_information");
  EXPECT_EQ(r.rejections_by_category[0].label, config.category("missing_information").label);
  EXPECT_EQ(r.rejections_by_category[0].amount.cents(), 30000);
  EXPECT_EQ(r.inquiries_answered, 2u);
}

}  // namespace
}  // namespace clearhouse::report
