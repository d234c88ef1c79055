#include "engine/edits/code_set.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_paths.hpp"

namespace clearhouse::edits {
namespace {

TEST(CodeSetTest, LoadsFirstTokenPerLineNormalized) {
  const auto dir = testing::scratch_dir("code_set");
  testing::write_file(dir / "icd.txt", "# ICD-10-CM\nE11.9 Type 2 diabetes mellitus without complications\nI10\tEssential hypertension\n\n");
  CodeSets sets;
  std::string error;
  ASSERT_TRUE(load_code_set_option("icd10cm=" + (dir / "icd.txt").string(), sets, error)) << error;
  ASSERT_TRUE(sets.icd10cm.has_value());
  EXPECT_EQ(sets.icd10cm->size(), 2u);
  EXPECT_TRUE(sets.icd10cm->contains("E119"));
  EXPECT_FALSE(sets.icd10cm->contains("E11.9"));
  EXPECT_EQ(sets.missing_warnings().size(), 3u);  // cpt, hcpcs, modifier still format-only
}

}  // namespace
}  // namespace clearhouse::edits
