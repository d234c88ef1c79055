#include "engine/edits/code_formats.hpp"

#include <gtest/gtest.h>

namespace clearhouse::edits {
namespace {

TEST(CodeFormatsTest, Icd10cm) {
  for (auto c : {"I10", "E119", "S93401A", "Z00129", "M79604", "U071"}) EXPECT_TRUE(is_icd10cm_format(c)) << c;
  for (auto c : {"10", "I1", "E11.9", "1E19", "EE19", "S93401AB", "e119", ""}) EXPECT_FALSE(is_icd10cm_format(c)) << c;
  EXPECT_EQ(normalize_icd10cm("e11.9"), "E119");
  EXPECT_EQ(normalize_icd10cm("S93.401A"), "S93401A");
}

TEST(CodeFormatsTest, CptAndHcpcs) {
  for (auto c : {"99213", "0001F", "0042T"}) EXPECT_TRUE(is_cpt_format(c)) << c;
  for (auto c : {"9921", "992133", "0001X", "J1100"}) EXPECT_FALSE(is_cpt_format(c)) << c;
  for (auto c : {"J1100", "G0439", "A0425"}) EXPECT_TRUE(is_hcpcs_format(c)) << c;
  for (auto c : {"99213", "JJ100", "J110", "J11000"}) EXPECT_FALSE(is_hcpcs_format(c)) << c;
}

TEST(CodeFormatsTest, Modifiers) {
  for (auto c : {"25", "RT", "QW", "59", "F1"}) EXPECT_TRUE(is_modifier_format(c)) << c;
  for (auto c : {"2", "255", "R-", ""}) EXPECT_FALSE(is_modifier_format(c)) << c;
}

}  // namespace
}  // namespace clearhouse::edits
