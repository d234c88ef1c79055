#include <gtest/gtest.h>

#include "engine/edits/code_set.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::edits {
namespace {

TEST(CodeSetErrorsTest, BadOptionsAndFiles) {
  CodeSets sets;
  std::string error;
  EXPECT_FALSE(load_code_set_option("icd10cm", sets, error));
  EXPECT_FALSE(load_code_set_option("loinc=/tmp/x", sets, error));
  EXPECT_NE(error.find("KIND=FILE"), std::string::npos);
  EXPECT_FALSE(load_code_set_option("cpt=/nonexistent/cpt.txt", sets, error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
  const auto dir = testing::scratch_dir("code_set_errors");
  testing::write_file(dir / "empty.txt", "# nothing\n\n");
  EXPECT_FALSE(load_code_set_option("cpt=" + (dir / "empty.txt").string(), sets, error));
  EXPECT_NE(error.find("no code"), std::string::npos);
  EXPECT_FALSE(sets.cpt.has_value());
}

}  // namespace
}  // namespace clearhouse::edits
