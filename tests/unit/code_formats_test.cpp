#include "engine/codes/code_formats.hpp"

#include <gtest/gtest.h>

namespace clearhouse::codes {
namespace {

TEST(CodeFormatsTest, Icd10cm) {
  for (auto c : {"I10", "E119", "S93401A", "Z00129", "M79604", "U071"}) EXPECT_TRUE(is_icd10cm_format(c)) << c;
  for (auto c : {"10", "I1", "E11.9", "1E19", "EE19", "S93401AB", "e119", ""}) EXPECT_FALSE(is_icd10cm_format(c)) << c;
  EXPECT_EQ(normalized_code(CodeKind::icd10cm, "e11.9"), "E119");
  EXPECT_EQ(normalized_code(CodeKind::icd10cm, "S93.401A"), "S93401A");
}

TEST(CodeFormatsTest, Icd9cm) {
  for (auto c : {"4019", "250", "25000", "V700", "V72", "E8490", "E849"}) EXPECT_TRUE(is_icd9cm_format(c)) << c;
  for (auto c : {"40", "401911", "V7", "V70000", "E84", "E84900", "I10", "401.9", ""}) EXPECT_FALSE(is_icd9cm_format(c)) << c;
  EXPECT_EQ(normalized_code(CodeKind::icd9cm, "v70.0"), "V700");
}

TEST(CodeFormatsTest, CptAndHcpcs) {
  for (auto c : {"99213", "0001F", "0042T"}) EXPECT_TRUE(is_cpt_format(c)) << c;
  for (auto c : {"9921", "992133", "0001X", "J1100"}) EXPECT_FALSE(is_cpt_format(c)) << c;
  for (auto c : {"J1100", "G0439", "A0425"}) EXPECT_TRUE(is_hcpcs_format(c)) << c;
  for (auto c : {"99213", "JJ100", "J110", "J11000"}) EXPECT_FALSE(is_hcpcs_format(c)) << c;
}

TEST(CodeFormatsTest, CptCategoriesPlaAndMaaa) {
  // Category I vaccine administration (A: 0001A, the COVID-19 codes), Category II (F), Category III
  // (T), Proprietary Laboratory Analyses (U), MAAA (M).
  for (auto c : {"0001A", "0124A", "3008F", "0042T", "0001U", "0359U", "0002M", "0004M"}) EXPECT_TRUE(is_cpt_format(c)) << c;
  for (auto c : {"0001B", "0001E", "0001u", "001U", "00001U", "A001U", "0001 "}) EXPECT_FALSE(is_cpt_format(c)) << c;
  EXPECT_EQ(procedure_code_kind("0001U"), CodeKind::cpt);
  EXPECT_EQ(procedure_code_kind("0002M"), CodeKind::cpt);
  EXPECT_EQ(procedure_code_kind("99213"), CodeKind::cpt);
  EXPECT_EQ(procedure_code_kind("J1100"), CodeKind::hcpcs);
  EXPECT_EQ(procedure_code_kind("1234"), std::nullopt);
  EXPECT_EQ(procedure_code_kind("0001X"), std::nullopt);
  EXPECT_EQ(expected_procedure_format(),
            "CPT (5 digits, or 4 digits and A, F, T, U or M) or HCPCS Level II (a letter and 4 digits)");
}

TEST(CodeFormatsTest, Modifiers) {
  for (auto c : {"25", "RT", "QW", "59", "F1"}) EXPECT_TRUE(is_modifier_format(c)) << c;
  for (auto c : {"2", "255", "R-", ""}) EXPECT_FALSE(is_modifier_format(c)) << c;
}

TEST(CodeFormatsTest, PlaceOfServiceCarcAndRarc) {
  EXPECT_TRUE(is_place_of_service_format("02"));
  EXPECT_FALSE(is_place_of_service_format("2"));
  for (auto c : {"1A", "111", ""}) EXPECT_FALSE(is_place_of_service_format(c)) << c;
  for (auto c : {"45", "1", "B7", "P21", "W1"}) EXPECT_TRUE(is_carc_format(c)) << c;
  for (auto c : {"", "1234", "b7", "4-5"}) EXPECT_FALSE(is_carc_format(c)) << c;
  for (auto c : {"N130", "M15", "MA01", "MA130", "N1"}) EXPECT_TRUE(is_rarc_format(c)) << c;
  for (auto c : {"", "130", "N", "MAB1", "N12345", "n130"}) EXPECT_FALSE(is_rarc_format(c)) << c;
}

TEST(CodeFormatsTest, ClaimStatusCategoryStatusAndEntity) {
  // What a 277CA's STC01 carries: category (507) : status (508) : entity (98).
  for (auto c : {"A1", "A7", "E0", "F2", "R10", "DR01"}) EXPECT_TRUE(is_claim_status_category_format(c)) << c;
  for (auto c : {"", "A", "7A", "a7", "DR012"}) EXPECT_FALSE(is_claim_status_category_format(c)) << c;
  for (auto c : {"0", "33", "562", "1001"}) EXPECT_TRUE(is_claim_status_format(c)) << c;
  for (auto c : {"", "A3", "12345", "3 "}) EXPECT_FALSE(is_claim_status_format(c)) << c;
  for (auto c : {"PR", "41", "1P", "QC", "85"}) EXPECT_TRUE(is_entity_format(c)) << c;
  for (auto c : {"", "P", "PRRR", "pr"}) EXPECT_FALSE(is_entity_format(c)) << c;
}

TEST(CodeFormatsTest, EveryKindHasAFormatAndAName) {
  for (CodeKind kind : kCodeKinds) {
    EXPECT_FALSE(expected_format(kind).empty()) << code_kind_name(kind);
    EXPECT_FALSE(code_kind_label(kind).empty()) << code_kind_name(kind);
    const auto selection = select_code_kinds(code_kind_name(kind));
    ASSERT_TRUE(selection.has_value()) << code_kind_name(kind);
    EXPECT_EQ(selection->kinds, std::vector<CodeKind>{kind});
    EXPECT_TRUE(selection->replacement.empty());
  }
  EXPECT_TRUE(matches_format(CodeKind::cpt, "0001U"));
  EXPECT_FALSE(matches_format(CodeKind::hcpcs, "0001U"));
}

TEST(CodeFormatsTest, DeprecatedKindNames) {
  const auto procedure = select_code_kinds("procedure");
  ASSERT_TRUE(procedure.has_value());
  EXPECT_EQ(procedure->kinds, (std::vector<CodeKind>{CodeKind::cpt, CodeKind::hcpcs}));
  EXPECT_FALSE(procedure->replacement.empty());
  EXPECT_EQ(select_code_kinds("icd10")->kinds, std::vector<CodeKind>{CodeKind::icd10cm});
  EXPECT_EQ(select_code_kinds("modifiers")->kinds, std::vector<CodeKind>{CodeKind::modifier});
  EXPECT_FALSE(select_code_kinds("loinc").has_value());
}

}  // namespace
}  // namespace clearhouse::codes
