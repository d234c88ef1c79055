// The 835 reader's fast path for amounts agrees with the Spirit X3 value grammar it stands in
// for. (Dates have one parser, model::Date: tests/unit/date_test.cpp.)
#include <gtest/gtest.h>

#include "parsers/x12/grammar/value_grammar.hpp"
#include "parsers/x12_835/fast_values.hpp"

namespace clearhouse::x12_835 {
namespace {

TEST(FastValues, PlainAmountsAreExactCentsAndTheRestIsTheGrammars) {
  std::int64_t cents = 0;
  ASSERT_TRUE(plain_amount("125", cents));
  EXPECT_EQ(cents, 12500);
  ASSERT_TRUE(plain_amount("-40.5", cents));
  EXPECT_EQ(cents, -4050);
  ASSERT_TRUE(plain_amount("0.01", cents));
  EXPECT_EQ(cents, 1);
  EXPECT_FALSE(plain_amount("12.340", cents));
  EXPECT_FALSE(plain_amount(".5", cents));
  EXPECT_FALSE(plain_amount("1e3", cents));
  EXPECT_EQ(fast_amount(".5")->cents(), 50);
  EXPECT_FALSE(fast_amount("12a"));
}

// Fuzz finding (remittance_reader_fuzz): a run of more digits than int64 holds overflowed the
// plain form's accumulator (signed overflow) before the 15-digit limit turned it down.
TEST(FastValues, LongDigitRunsAreTheGrammars) {
  std::int64_t cents = 0;
  ASSERT_TRUE(plain_amount("999999999999999.99", cents));  // 15 whole digits: the plain form's limit
  EXPECT_EQ(cents, 99'999'999'999'999'999);
  ASSERT_TRUE(plain_amount("-999999999999999", cents));
  EXPECT_EQ(cents, -99'999'999'999'999'900);
  for (const std::string& digits : {std::string(16, '9'), std::string(19, '3'), std::string(40, '3') + ".5",
                                   "-" + std::string(25, '7')}) {
    EXPECT_FALSE(plain_amount(digits, cents)) << digits;
    const auto fast = fast_amount(digits);
    const auto grammar = x12::grammar::parse_amount(digits);
    ASSERT_EQ(fast.has_value(), grammar.has_value()) << digits;
    if (fast) {
      EXPECT_EQ(fast->cents(), grammar->cents()) << digits;
    }
  }
  EXPECT_EQ(fast_amount(std::string(16, '9'))->cents(), 999'999'999'999'999'900);
}

}  // namespace
}  // namespace clearhouse::x12_835
