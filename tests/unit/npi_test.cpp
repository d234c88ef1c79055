#include "engine/codes/npi.hpp"

#include <gtest/gtest.h>

namespace clearhouse::codes {
namespace {

TEST(NpiTest, LuhnOverThe80840Prefix) {
  EXPECT_EQ(npi_check_digit("123456789"), '3');  // the CMS example NPI 1234567893
  EXPECT_TRUE(is_valid_npi("1234567893"));
  EXPECT_TRUE(is_valid_npi("1987654328"));
  EXPECT_TRUE(is_valid_npi("1167890122"));
  EXPECT_EQ(npi_problem("1234567893"), "");
}

TEST(NpiTest, WrongCheckDigitLengthOrCharacters) {
  EXPECT_FALSE(is_valid_npi("1234567890"));
  EXPECT_FALSE(is_valid_npi("123456789"));
  EXPECT_FALSE(is_valid_npi("12345678933"));
  EXPECT_FALSE(is_valid_npi("12345A7893"));
  EXPECT_FALSE(is_valid_npi(""));
  EXPECT_EQ(npi_check_digit("12345678"), '\0');
}

TEST(NpiTest, ProblemsSayWhatIsWrong) {
  EXPECT_EQ(npi_problem("123456789"), "has 9 digits, expected 10");
  EXPECT_EQ(npi_problem("16900720081"), "has 11 digits, expected 10");
  EXPECT_NE(npi_problem("1234567890").find("check digit: expected 3"), std::string::npos);
  EXPECT_NE(npi_problem("12345A7893").find("other than a digit"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::codes
