#include "engine/edits/npi.hpp"

#include <gtest/gtest.h>

namespace clearhouse::edits {
namespace {

TEST(NpiTest, LuhnOverThe80840Prefix) {
  EXPECT_EQ(npi_check_digit("123456789"), '3');  // the CMS example NPI 1234567893
  EXPECT_TRUE(is_valid_npi("1234567893"));
  EXPECT_TRUE(is_valid_npi("1987654328"));
  EXPECT_TRUE(is_valid_npi("1167890122"));
}

TEST(NpiTest, WrongCheckDigitLengthOrCharacters) {
  EXPECT_FALSE(is_valid_npi("1234567890"));
  EXPECT_FALSE(is_valid_npi("123456789"));
  EXPECT_FALSE(is_valid_npi("12345678933"));
  EXPECT_FALSE(is_valid_npi("12345A7893"));
  EXPECT_FALSE(is_valid_npi(""));
  EXPECT_EQ(npi_check_digit("12345678"), '\0');
}

}  // namespace
}  // namespace clearhouse::edits
