#include <gtest/gtest.h>

#include "engine/codes/code_lists.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::codes {
namespace {

TEST(CodeListsErrorsTest, BadOptionsAndFiles) {
  CodeLists sets;
  std::string error, deprecation;
  EXPECT_FALSE(add_code_list_option("icd10cm", sets, error, deprecation));
  EXPECT_FALSE(add_code_list_option("loinc=/tmp/x", sets, error, deprecation));
  EXPECT_NE(error.find("KIND=FILE"), std::string::npos);
  EXPECT_NE(error.find("icd10cm, icd9cm, cpt, hcpcs, modifier, pos, carc, rarc, stc_category, stc_status or entity"), std::string::npos);
  EXPECT_FALSE(add_code_list_option("cpt=", sets, error, deprecation));
  EXPECT_FALSE(add_code_list_option("cpt=/nonexistent/cpt.txt", sets, error, deprecation));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
  const auto dir = testing::scratch_dir("code_lists_errors");
  testing::write_file(dir / "empty.txt", "# nothing\n\n");
  EXPECT_FALSE(add_code_list_option("cpt=" + (dir / "empty.txt").string(), sets, error, deprecation));
  EXPECT_NE(error.find("no code"), std::string::npos);
  EXPECT_FALSE(sets.of(CodeKind::cpt).has_value());
}

TEST(CodeListsErrorsTest, ACodeOfTheWrongFormatNamesFileLineAndExpectation) {
  const auto dir = testing::scratch_dir("code_lists_errors_format");
  const auto path = (dir / "cpt.txt").string();
  testing::write_file(dir / "cpt.txt", "99213\n# fine so far\nJ1100\n");
  CodeLists sets;
  std::string error, deprecation;
  EXPECT_FALSE(add_code_list_option("cpt=" + path, sets, error, deprecation));
  EXPECT_EQ(error, path + ":3: 'J1100' is not a valid CPT procedure code (5 digits, or 4 digits and A, F, T, U or M) "
                          "(lines starting with '#' are comments)");
  EXPECT_FALSE(sets.of(CodeKind::cpt).has_value());
  // A header row is not a code either.
  testing::write_file(dir / "icd.csv", "code,description\nE11.9,Type 2 diabetes\n");
  EXPECT_FALSE(add_code_list_option("icd10cm=" + (dir / "icd.csv").string(), sets, error, deprecation));
  EXPECT_NE(error.find("icd.csv:1: 'CODE' is not a valid ICD-10-CM diagnosis code"), std::string::npos) << error;
  // The deprecated procedure list takes either kind, and names both when a line is neither.
  testing::write_file(dir / "procedures.txt", "99213\nJ1100\n9921\n");
  EXPECT_FALSE(add_code_list_option("procedure=" + (dir / "procedures.txt").string(), sets, error, deprecation));
  EXPECT_NE(error.find(":3: '9921' is not a valid CPT procedure code (5 digits, or 4 digits and A, F, T, U or M) or "
                       "HCPCS Level II procedure code (a letter and 4 digits)"),
            std::string::npos)
      << error;
}

}  // namespace
}  // namespace clearhouse::codes
