#include "parsers/x12/grammar/value_grammar.hpp"

#include <gtest/gtest.h>

namespace clearhouse::x12::grammar {
namespace {

std::int64_t cents(std::string_view text) {
  auto m = parse_amount(text);
  EXPECT_TRUE(m.has_value()) << text;
  return m ? m->cents() : INT64_MIN;
}

TEST(ValueGrammar, AmountsAreExactCents) {
  EXPECT_EQ(cents("125"), 12500);
  EXPECT_EQ(cents("125.5"), 12550);
  EXPECT_EQ(cents("125.55"), 12555);
  EXPECT_EQ(cents("0.01"), 1);
  EXPECT_EQ(cents(".01"), 1);
  EXPECT_EQ(cents("-40"), -4000);
  EXPECT_EQ(cents("-1.27"), -127);
  EXPECT_EQ(cents("-.5"), -50);
  EXPECT_EQ(cents("12."), 1200);
  EXPECT_EQ(cents("12.340"), 1234);
  EXPECT_EQ(cents("0"), 0);
  EXPECT_EQ(cents("00012.30"), 1230);
  // 0.1 + 0.2 style amounts never go through floating point.
  EXPECT_EQ(cents("0.1") + cents("0.2"), cents("0.3"));
}

TEST(ValueGrammar, MalformedAmountsAreRejected) {
  for (std::string_view bad : {"", "-", ".", "1.005", "12a", "amount", "1,000", "+5", " 5", "5 ", "1.2.3", "--1",
                               "1e3", "999999999999999999999"}) {
    EXPECT_FALSE(parse_amount(bad).has_value()) << bad;
  }
}

// Fuzz finding (remittance_reader_fuzz): 18 whole digits were accepted, then scaled to cents
// past int64 (signed overflow). An amount has at most 18 digits in cents.
TEST(ValueGrammar, AmountsLimitedTo18DigitsOfCents) {
  EXPECT_EQ(cents("9999999999999999.99"), 999'999'999'999'999'999);
  EXPECT_EQ(cents("-9999999999999999.9"), -999'999'999'999'999'990);
  EXPECT_EQ(cents("9999999999999999"), 999'999'999'999'999'900);
  for (std::string_view big : {"99999999999999999", "999999999999999999", "230666666666666666", "-99999999999999999.9",
                               "99999999999999999.99"})
    EXPECT_FALSE(parse_amount(big).has_value()) << big;
}

TEST(ValueGrammar, Decimals) {
  EXPECT_EQ(parse_decimal("1").value(), (model::Decimal{1, 0}));
  EXPECT_EQ(parse_decimal("1.50").value(), (model::Decimal{15, 1}));
  EXPECT_EQ(parse_decimal("-0.25").value(), (model::Decimal{-25, 2}));
  EXPECT_EQ(parse_decimal("1.5").value().to_string(), "1.5");
  EXPECT_EQ(parse_decimal("007").value().to_string(), "7");
  EXPECT_EQ((model::Decimal{5, 3}).to_string(), "0.005");
  EXPECT_FALSE(parse_decimal("1.2x").has_value());
}

TEST(ValueGrammar, ImpliedDecimals) {
  EXPECT_EQ(parse_implied("12345", 2).value(), (model::Decimal{12345, 2}));
  EXPECT_EQ(parse_implied("-5", 0).value(), (model::Decimal{-5, 0}));
  EXPECT_FALSE(parse_implied("1.5", 2).has_value());
  EXPECT_EQ(parse_integer("42").value(), 42);
  EXPECT_FALSE(parse_integer("4 2").has_value());
}

TEST(ValueGrammar, Times) {
  EXPECT_EQ(parse_tm("0701").value().minute, 1);
  EXPECT_EQ(parse_tm("235959").value().second, 59);
  EXPECT_EQ(parse_tm("1200305").value().hundredths, 50);
  EXPECT_EQ(parse_tm("12003099").value().hundredths, 99);
  EXPECT_FALSE(parse_tm("2400").has_value());
  EXPECT_FALSE(parse_tm("1260").has_value());
  EXPECT_FALSE(parse_tm("12").has_value());
  EXPECT_FALSE(parse_tm("12:00").has_value());
}

}  // namespace
}  // namespace clearhouse::x12::grammar
