#include "engine/model/money.hpp"

#include <gtest/gtest.h>

#include <string>

namespace clearhouse::model {
namespace {

TEST(Money, FormatsX12AmountsWithoutSuperfluousZeros) {
  EXPECT_EQ(to_x12_amount(Money::from_cents(12500)), "125");
  EXPECT_EQ(to_x12_amount(Money::from_cents(12550)), "125.5");
  EXPECT_EQ(to_x12_amount(Money::from_cents(12555)), "125.55");
  EXPECT_EQ(to_x12_amount(Money::from_cents(1)), "0.01");
  EXPECT_EQ(to_x12_amount(Money::from_cents(10)), "0.1");
  EXPECT_EQ(to_x12_amount(Money::from_cents(0)), "0");
  EXPECT_EQ(to_x12_amount(Money::from_cents(-4000)), "-40");
  EXPECT_EQ(to_x12_amount(Money::from_cents(-1)), "-0.01");
  EXPECT_EQ(to_x12_amount(Money::from_cents(-127)), "-1.27");
}

// Every cent value from -100.00 to 100.00 formats to a string that reads back to itself.
TEST(Money, FormattingAroundZeroIsExactAndMinimal) {
  for (int cents = -10000; cents <= 10000; ++cents) {
    const std::string text = to_x12_amount(Money::from_cents(cents));
    const bool negative = text[0] == '-';
    const std::string body = negative ? text.substr(1) : text;
    const auto dot = body.find('.');
    long whole = std::stol(body.substr(0, dot));
    long frac = 0;
    if (dot != std::string::npos) {
      const std::string f = body.substr(dot + 1);
      ASSERT_FALSE(f.empty()) << text;
      ASSERT_NE(f.back(), '0') << "superfluous zero in " << text;
      ASSERT_LE(f.size(), 2u) << text;
      frac = std::stol(f) * (f.size() == 1 ? 10 : 1);
    }
    const long back = (whole * 100 + frac) * (negative ? -1 : 1);
    ASSERT_EQ(back, cents) << text;
    ASSERT_FALSE(negative && cents == 0) << "negative zero";
  }
}

TEST(Money, ExtremesDoNotOverflow) {
  EXPECT_EQ(to_x12_amount(Money::from_cents(INT64_MIN)), "-92233720368547758.08");
  EXPECT_EQ(to_x12_amount(Money::from_cents(INT64_MAX)), "92233720368547758.07");
}

TEST(Money, DisplayAmountHasTwoDecimals) {
  EXPECT_EQ(to_display_amount(Money::from_cents(12500)), "125.00");
  EXPECT_EQ(to_display_amount(Money::from_cents(-40)), "-0.40");
  EXPECT_EQ(to_display_amount(Money::from_cents(5)), "0.05");
}

TEST(Money, Arithmetic) {
  const Money a = Money::from_cents(1050), b = Money::from_cents(25);
  EXPECT_EQ((a + b).cents(), 1075);
  EXPECT_EQ((a - b).cents(), 1025);
  EXPECT_EQ((-a).cents(), -1050);
  EXPECT_LT(b, a);
}

}  // namespace
}  // namespace clearhouse::model
