// The fee schedule: CSV parsing, lookups with modifier and payer fallbacks, units.
#include <gtest/gtest.h>

#include "engine/rules/fee_schedule.hpp"

namespace clearhouse::rules {
namespace {

TEST(FeeSchedule, ParsesCsvWithOrWithoutHeader) {
  const auto p = parse_fee_schedule_csv("payer_id,procedure,modifier,allowed_cents\nP1,99213,,8000\r\nP1,99214,25,12000\n\n# c\n*,36415,,1200\n");
  ASSERT_TRUE(p.errors.empty());
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[1], (FeeScheduleRow{"P1", "99214", "25", 12000}));
  FeeSchedule f;
  for (const auto& r : p.rows) f.add(r);
  f.add({"P1", "99213", "", 8100});  // replaces
  EXPECT_EQ(f.size(), 3u);
  EXPECT_EQ(f.allowed("P1", "99213", "")->cents(), 8100);
  EXPECT_EQ(parse_fee_schedule_csv("P1,99213,,8000").rows.size(), 1u);
}

TEST(FeeSchedule, ReportsBadRowsWithLineNumbers) {
  const auto p = parse_fee_schedule_csv("P1,99213,,80.00\nP1,99213\n,99213,,100\nP1,99214,,-5\nP1,99215,,900\n");
  ASSERT_EQ(p.errors.size(), 4u);
  EXPECT_NE(p.errors[0].find("line 1"), std::string::npos);
  EXPECT_NE(p.errors[1].find("line 2"), std::string::npos);
  EXPECT_EQ(p.rows.size(), 1u);
}

TEST(FeeSchedule, LooksUpWithModifierThenWithoutThenAnyPayer) {
  FeeSchedule f;
  f.add({"P1", "99214", "25", 12000});
  f.add({"P1", "99214", "", 11000});
  f.add({"*", "36415", "", 1200});
  EXPECT_EQ(f.allowed("P1", "99214", "25")->cents(), 12000);
  EXPECT_EQ(f.allowed("P1", "99214", "59")->cents(), 11000);
  EXPECT_EQ(f.allowed("P1", "99214", "")->cents(), 11000);
  EXPECT_EQ(f.allowed("P2", "36415", "")->cents(), 1200);
  EXPECT_FALSE(f.allowed("P2", "99214", "25"));
  EXPECT_FALSE(FeeSchedule{}.allowed("P1", "99214", ""));
}

TEST(FeeSchedule, ExpectedAllowedScalesByUnitsExactly) {
  FeeSchedule f;
  f.add({"P1", "97110", "", 3333});
  EXPECT_EQ(f.expected_allowed("P1", "97110", "", std::nullopt)->cents(), 3333);
  EXPECT_EQ(f.expected_allowed("P1", "97110", "", model::Decimal{4, 0})->cents(), 13332);
  EXPECT_EQ(f.expected_allowed("P1", "97110", "", model::Decimal{15, 1})->cents(), 5000);  // 4999.5 rounds up
  EXPECT_FALSE(f.expected_allowed("P1", "97112", "", model::Decimal{1, 0}));
}

}  // namespace
}  // namespace clearhouse::rules
