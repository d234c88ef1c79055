#include "engine/codes/code_lists.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_paths.hpp"

namespace clearhouse::codes {
namespace {

constexpr CodeKind kSubmitWarns[] = {CodeKind::icd10cm, CodeKind::cpt, CodeKind::hcpcs, CodeKind::modifier};

TEST(CodeListsTest, LoadsFirstTokenPerLineNormalized) {
  const auto dir = testing::scratch_dir("code_lists");
  testing::write_file(dir / "icd.txt", "# ICD-10-CM\nE11.9 Type 2 diabetes mellitus without complications\nI10\tEssential hypertension\n\n");
  CodeLists sets;
  std::string error, deprecation;
  ASSERT_TRUE(add_code_list_option("icd10cm=" + (dir / "icd.txt").string(), sets, error, deprecation)) << error;
  ASSERT_TRUE(sets.of(CodeKind::icd10cm).has_value());
  EXPECT_EQ(sets.of(CodeKind::icd10cm)->size(), 2u);
  EXPECT_TRUE(sets.of(CodeKind::icd10cm)->contains("E119"));
  EXPECT_FALSE(sets.of(CodeKind::icd10cm)->contains("E11.9"));
  EXPECT_EQ(sets.missing_warnings(kSubmitWarns).size(), 3u);  // cpt, hcpcs, modifier still format-only
  EXPECT_TRUE(deprecation.empty());
}

TEST(CodeListsTest, OneFileFormatForEveryKind) {
  const auto dir = testing::scratch_dir("code_lists_kinds");
  // Blanks, commas and bars end the code; '#' lines and blank lines are skipped; lower case and
  // CRLF line ends are fine; a byte order mark is not part of the first code.
  testing::write_file(dir / "cpt.txt", "\xEF\xBB\xBF" "99213,Office visit\r\n  # comment\r\n0001u|PLA\r\n0002M\r\n3008F\n");
  testing::write_file(dir / "icd9.txt", "401.9 Hypertension\nV70.0\n");
  testing::write_file(dir / "carc.txt", "45\nB7\n");
  testing::write_file(dir / "rarc.txt", "N130\nMA01\n");
  testing::write_file(dir / "pos.txt", "11 Office\n02\n");
  CodeLists sets;
  std::string error, deprecation;
  for (const char* option : {"cpt=cpt.txt", "icd9cm=icd9.txt", "carc=carc.txt", "rarc=rarc.txt", "pos=pos.txt"}) {
    const std::string o(option);
    const auto eq = o.find('=');
    ASSERT_TRUE(add_code_list_option(o.substr(0, eq + 1) + (dir / o.substr(eq + 1)).string(), sets, error, deprecation))
        << error;
  }
  for (auto c : {"99213", "0001U", "0002M", "3008F"}) EXPECT_TRUE(sets.find(CodeKind::cpt)->contains(c)) << c;
  EXPECT_EQ(sets.find(CodeKind::cpt)->size(), 4u);
  EXPECT_TRUE(sets.find(CodeKind::icd9cm)->contains("4019"));
  EXPECT_TRUE(sets.find(CodeKind::icd9cm)->contains("V700"));
  EXPECT_TRUE(sets.find(CodeKind::carc)->contains("B7"));
  EXPECT_TRUE(sets.find(CodeKind::rarc)->contains("MA01"));
  EXPECT_TRUE(sets.find(CodeKind::pos)->contains("02"));
  EXPECT_EQ(sets.find(CodeKind::hcpcs), nullptr);
  EXPECT_EQ(sets.find(CodeKind::modifier), nullptr);
}

TEST(CodeListsTest, DeprecatedProcedureListServesCptAndHcpcs) {
  const auto dir = testing::scratch_dir("code_lists_procedure");
  testing::write_file(dir / "procedures.txt", "99213\nJ1100\n");
  CodeLists sets;
  std::string error, deprecation;
  ASSERT_TRUE(add_code_list_option("procedure=" + (dir / "procedures.txt").string(), sets, error, deprecation)) << error;
  EXPECT_NE(deprecation.find("deprecated"), std::string::npos);
  EXPECT_NE(deprecation.find("cpt=FILE and hcpcs=FILE"), std::string::npos);
  for (CodeKind kind : {CodeKind::cpt, CodeKind::hcpcs}) {
    ASSERT_NE(sets.find(kind), nullptr);
    EXPECT_TRUE(sets.find(kind)->contains("99213"));
    EXPECT_TRUE(sets.find(kind)->contains("J1100"));
  }
  ASSERT_TRUE(add_code_list_option("modifiers=" + (dir / "procedures.txt").string(), sets, error, deprecation) == false);
  testing::write_file(dir / "mods.txt", "25\nRT\n");
  ASSERT_TRUE(add_code_list_option("modifiers=" + (dir / "mods.txt").string(), sets, error, deprecation)) << error;
  EXPECT_NE(deprecation.find("modifier=FILE"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::codes
