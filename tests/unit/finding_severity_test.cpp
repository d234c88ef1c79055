// One severity for every finding: the remittance findings and the implementation-guide
// findings name the same type (both headers in one translation unit, as the CLI has them).
#include "engine/model/finding_severity.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "engine/model/finding.hpp"
#include "engine/model/validation_finding.hpp"

namespace clearhouse::model {
namespace {

static_assert(std::is_same_v<decltype(Finding::severity), FindingSeverity>);
static_assert(std::is_same_v<decltype(ValidationFinding::severity), FindingSeverity>);

TEST(FindingSeverity, OneScaleForEveryFinding) {
  Finding posting;
  ValidationFinding validation;
  EXPECT_EQ(posting.severity, validation.severity);
  EXPECT_TRUE(posting.is_error());
  validation.severity = FindingSeverity::warning;
  EXPECT_FALSE(validation.is_error());
  EXPECT_EQ(to_string(FindingSeverity::error), "error");
  EXPECT_EQ(to_string(FindingSeverity::warning), "warning");
}

}  // namespace
}  // namespace clearhouse::model
