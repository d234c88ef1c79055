// The shipped data in schemas/: rules.json and the code tables load without a single error,
// cover what the rules rely on, and mean what the issue says (the categories of the common
// denial CARCs). A change to these files that breaks them fails here, not in production.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/rule_ids.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/util/schemas_directory.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::rules {
namespace {

const RulesConfig& shipped() {
  static const RulesConfig config = [] {
    auto load = load_rules_config((testing::source_dir() / "schemas").string());
    std::string errors;
    for (const auto& e : load.errors) errors += e + "\n";
    if (!load.config) throw std::runtime_error(errors);
    return std::move(*load.config);
  }();
  return config;
}

TEST(ShippedRulesConfig, LoadsWithoutErrorsOrWarnings) {
  auto load = load_rules_config((testing::source_dir() / "schemas").string());
  for (const auto& e : load.errors) ADD_FAILURE() << e;
  for (const auto& w : load.warnings) ADD_FAILURE() << "warning: " << w;
  ASSERT_TRUE(load.config.has_value());
}

TEST(ShippedRulesConfig, EveryRuleIsConfiguredAndEnabled) {
  for (auto id : rule_id::all) {
    EXPECT_TRUE(shipped().rules.count(std::string(id))) << id << " missing from rules.json";
    EXPECT_TRUE(shipped().enabled(id)) << id;
  }
  EXPECT_EQ(shipped().rule(rule_id::missing_remittance).after_days, 30);
}

TEST(ShippedRulesConfig, AgingBucketsAreTheStandardFour) {
  const auto& c = shipped();
  ASSERT_EQ(c.aging_buckets.size(), 4u);
  EXPECT_EQ(c.aging_bucket(0), "0-30");
  EXPECT_EQ(c.aging_bucket(30), "0-30");
  EXPECT_EQ(c.aging_bucket(31), "31-60");
  EXPECT_EQ(c.aging_bucket(61), "61-90");
  EXPECT_EQ(c.aging_bucket(91), "90+");
  EXPECT_EQ(c.aging_bucket(5000), "90+");
}

TEST(ShippedRulesConfig, CategoriesTheRulesUseExist) {
  for (auto id : {"missing_information", "authorization", "eligibility", "timely_filing", "medical_necessity", "coding",
                  "duplicate", "non_covered", "coordination_of_benefits", "other", "contractual",
                  "patient_responsibility", "underpayment", "overpayment", "billed_mismatch", "unmatched", "unbalanced",
                  "missing_remittance", "duplicate_payment", "reversal", "unknown_code"})
    EXPECT_TRUE(shipped().has_category(id)) << id;
  // Deadlines where billers have them.
  EXPECT_EQ(shipped().category("medical_necessity").deadline, DeadlineKind::appeal);
  EXPECT_EQ(shipped().category("missing_information").deadline, DeadlineKind::corrected_claim);
  EXPECT_GT(shipped().category("missing_information").deadline_days, 0);
}

TEST(ShippedCodeTables, CarcListIsComplete) {
  const auto& carc = shipped().codes.carc;
  EXPECT_GE(carc.size(), 350u);
  // Every numeric code from 1 to 301 is listed (active or retired).
  for (int code = 1; code <= 301; ++code) EXPECT_NE(carc.find(std::to_string(code)), nullptr) << code;
  for (auto code : {"A0", "A1", "A5", "A6", "A8", "B1", "B4", "B7", "B23", "P1", "P23", "W1", "Y3"})
    EXPECT_NE(carc.find(code), nullptr) << code;
  // Retired codes carry their dates.
  EXPECT_EQ(carc.find("17")->retired, (model::Date{2009, 7, 1}));
  EXPECT_TRUE(carc.find("17")->retired_on(model::Date{2024, 1, 1}));
  EXPECT_FALSE(carc.find("16")->retired_on(model::Date{2024, 1, 1}));
  for (const auto& e : carc.entries()) {
    EXPECT_FALSE(e.description.empty()) << e.code;
    EXPECT_LE(e.description.size(), 120u) << e.code << ": keep descriptions short";
  }
}

TEST(ShippedCodeTables, CommonDenialCarcsHaveTheIssuesCategories) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"missing_information", {"16"}},
      {"authorization", {"15", "197", "198"}},
      {"eligibility", {"26", "27", "31"}},
      {"timely_filing", {"29"}},
      {"medical_necessity", {"50", "55", "56"}},
      {"coding", {"4", "5", "6", "11", "97", "236"}},
      {"duplicate", {"18"}},
      {"non_covered", {"96", "204"}},
      {"coordination_of_benefits", {"22", "23", "109"}},
      {"contractual", {"45", "253"}},
      {"patient_responsibility", {"1", "2", "3"}},
  };
  for (const auto& [category, codes] : expected)
    for (const auto& code : codes) {
      const auto* e = shipped().codes.carc.find(code);
      ASSERT_NE(e, nullptr) << code;
      EXPECT_EQ(e->category, category) << "CARC " << code;
    }
}

TEST(ShippedCodeTables, RarcsCoverTheCommonDenialRemarks) {
  const auto& rarc = shipped().codes.rarc;
  EXPECT_GE(rarc.size(), 100u);
  for (auto code : {"M15", "M20", "M51", "M62", "M76", "M77", "M79", "M86", "M119", "MA04", "MA13", "MA18", "MA27",
                    "MA61", "MA63", "MA130", "N4", "N20", "N30", "N54", "N95", "N115", "N130", "N211", "N290", "N362",
                    "N382", "N386", "N522", "N657"})
    EXPECT_NE(rarc.find(code), nullptr) << code;
  EXPECT_EQ(rarc.find("MA130")->appealable, std::optional<bool>(false));
  EXPECT_TRUE(rarc.find("N211")->alert);
}

TEST(ShippedCodeTables, ClaimStatusGroupsAndPlaceOfService) {
  const auto& codes = shipped().codes;
  EXPECT_EQ(codes.claim_status.find("4")->kind, ClaimStatusKind::denied);
  EXPECT_EQ(codes.claim_status.find("22")->kind, ClaimStatusKind::reversal);
  EXPECT_EQ(codes.claim_status.find("19")->kind, ClaimStatusKind::forwarded);
  EXPECT_EQ(codes.claim_status.find("2")->level, 2);
  EXPECT_TRUE(codes.groups.find("PR")->patient_owes);
  EXPECT_TRUE(codes.groups.find("CO")->contractual);
  EXPECT_NE(codes.groups.find("PI"), nullptr);
  EXPECT_NE(codes.groups.find("OA"), nullptr);
  EXPECT_EQ(codes.places_of_service.find("11")->name, "Office");
  EXPECT_NE(codes.places_of_service.find("02"), nullptr);
  EXPECT_NE(codes.places_of_service.find("23"), nullptr);
}

TEST(ShippedCodeTables, CategoryOfSixteenIsRefinedByItsRemarkCode) {
  std::vector<std::string> rarcs = {"M62"};
  model::Adjustment a{model::AdjustmentGroup::contractual, "CO", "16", model::Money::from_cents(100), std::nullopt};
  const auto c = classify_adjustment(a, rarcs, {}, shipped());
  EXPECT_EQ(c.category, "authorization");
  EXPECT_TRUE(c.denial);
}

// The patient's share (engine/patient/): the wording a patient reads, the statement settings
// and the two worklist categories it opens.
TEST(ShippedPatientStatements, WordingForTheCommonReasons) {
  const auto& codes = shipped().codes;
  EXPECT_GE(codes.patient_wording_version, 1);
  EXPECT_FALSE(codes.patient_wording_fallback.empty());
  ASSERT_NE(codes.patient_wording.find("1"), nullptr);
  EXPECT_EQ(codes.patient_wording.find("1")->words, "your deductible");
  EXPECT_EQ(codes.patient_wording.find("2")->words, "your coinsurance");
  EXPECT_TRUE(codes.patient_wording.find("2")->percent);
  EXPECT_EQ(codes.patient_wording.find("3")->words, "your copay");
  EXPECT_FALSE(codes.patient_wording.find("3")->percent);
  for (const auto& e : codes.patient_wording.entries()) {
    EXPECT_NE(codes.carc.find(e.code), nullptr) << e.code << ": worded but not a CARC we know";
    EXPECT_LE(e.words.size(), 80u) << e.code << ": keep it short";
    EXPECT_EQ(e.words.find("patient"), std::string::npos) << e.code << ": speak to the patient ('your')";
  }
  // Every CARC whose category is patient responsibility (and is still active) has words.
  for (const auto& e : codes.carc.entries()) {
    if (e.category == "patient_responsibility" && e.retired.empty()) {
      EXPECT_NE(codes.patient_wording.find(e.code), nullptr) << e.code;
    }
  }
}

TEST(ShippedPatientStatements, DunningAtThirtySixtyNinetyAndCollections) {
  const auto& s = shipped().patient_statements;
  ASSERT_EQ(s.dunning.size(), 3u);
  EXPECT_EQ(s.dunning[0].after_days, 30);
  EXPECT_EQ(s.dunning[1].after_days, 60);
  EXPECT_EQ(s.dunning[2].after_days, 90);
  EXPECT_EQ(s.dunning_message(10), "");
  EXPECT_NE(s.dunning_message(95).find("collection"), std::string::npos);
  EXPECT_GT(s.collections_after_statements, 0);
  EXPECT_GT(s.due_days, 0);
  EXPECT_FALSE(s.credit_message.empty());
  EXPECT_EQ(shipped().category("patient_refund").deadline, DeadlineKind::refund);
  EXPECT_TRUE(shipped().category("patient_refund").opens_item);
  EXPECT_TRUE(shipped().category("patient_collections").opens_item);
  EXPECT_NE(shipped().action_text("refund_patient"), "refund_patient");
  EXPECT_NE(shipped().action_text("send_to_collections"), "send_to_collections");
}

TEST(SchemasDirectory, ExplicitThenEnvironmentThenSourceTree) {
  EXPECT_EQ(util::schemas_directory("/x/schemas"), "/x/schemas");
  ::setenv("CLEARHOUSE_SCHEMAS", "/from/env", 1);
  EXPECT_EQ(util::schemas_directory(), "/from/env");
  ::unsetenv("CLEARHOUSE_SCHEMAS");
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(util::schemas_directory()) / "rules.json"));
}

}  // namespace
}  // namespace clearhouse::rules
