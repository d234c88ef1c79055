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

}  // namespace
}  // namespace clearhouse::x12_835
