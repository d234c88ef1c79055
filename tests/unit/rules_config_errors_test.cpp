// A broken configuration is reported precisely, every problem at once, and never half-loaded.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rules/rules_config.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::rules {
namespace {

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.find(text) != std::string::npos; });
}

const char* kMinimalRules = R"({
  "actions": {"review": "Review", "write_off": "Write off"},
  "categories": {"other": {"label": "Other", "recoverability_percent": 40, "deadline": null, "action": "review"}},
  "rules": {},
  "aging_buckets": [{"label": "all", "max_days": null}]
})";

TEST(RulesConfigErrors, InvalidJsonIsReportedWithItsOffset) {
  const auto load = load_rules_config_from_text("{\"rules\": ", "", "", "", "", "");
  EXPECT_FALSE(load.config);
  ASSERT_FALSE(load.errors.empty());
  EXPECT_TRUE(mentions(load.errors, "rules.json: invalid JSON at byte")) << load.errors[0];
}

TEST(RulesConfigErrors, MinimalConfigLoads) {
  const auto load = load_rules_config_from_text(kMinimalRules, "", "", "", "", "");
  ASSERT_TRUE(load.config) << (load.errors.empty() ? "" : load.errors[0]);
  EXPECT_EQ(load.config->category("anything").id, "other");  // the default bucket
}

TEST(RulesConfigErrors, CarcWithUnknownCategoryActionOrDate) {
  const auto load = load_rules_config_from_text(kMinimalRules, R"({"codes": [
      {"code": "16", "description": "x", "category": "nope", "action": "review"},
      {"code": "17", "description": "x", "category": "other", "action": "fly"},
      {"code": "18", "description": "x", "category": "other", "action": "review", "effective": "2020-13-01"},
      {"code": "18", "description": "dup", "category": "other", "action": "review"},
      {"code": "19", "category": "other", "action": "review"}]})", "", "", "", "");
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "codes/carc.json: code 16: unknown category 'nope'"));
  EXPECT_TRUE(mentions(load.errors, "code 17: unknown action 'fly'"));
  EXPECT_TRUE(mentions(load.errors, "code 18: 'effective' is not an ISO date"));
  EXPECT_TRUE(mentions(load.errors, "code 18: duplicate"));
  EXPECT_TRUE(mentions(load.errors, "code 19: missing 'description'"));
}

TEST(RulesConfigErrors, AnEntryThatIsNotAnObjectIsReportedInEveryCodeTable) {
  const char* table = R"({"codes": ["1"]})";
  const auto load = load_rules_config_from_text(kMinimalRules, table, table, table, table, table);
  EXPECT_FALSE(load.config);
  for (const char* file : {"carc.json", "rarc.json", "claim_status.json", "groups.json", "place_of_service.json"}) {
    bool found = false;
    for (const auto& e : load.errors)
      if (e.find(file) != std::string::npos && e.find("every entry of 'codes' must be an object") != std::string::npos)
        found = true;
    EXPECT_TRUE(found) << file;
  }
}

TEST(RulesConfigErrors, StcTablesCheckStatusesCodesCategoriesAndActions) {
  const auto load = load_rules_config_from_text(kMinimalRules, "", "", "", "", "",
                                                R"({"codes": [
      {"code": "A7", "description": "x", "status": "rejected", "category": "other", "action": "review"},
      {"code": "A9", "description": "x", "status": "sideways"},
      {"code": "7", "description": "x", "status": "accepted"},
      {"code": "A6", "description": "x", "status": "rejected", "category": "other"},
      {"code": "A7", "description": "dup", "status": "rejected"}]})",
                                                R"({"codes": [
      {"code": "33", "description": "x", "category": "nope"},
      {"code": "A1", "description": "x"},
      {"code": "21", "description": "x", "provider_category": "other", "action": "fly"}]})");
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "codes/stc_categories.json: code A9: unknown status 'sideways'"));
  EXPECT_TRUE(mentions(load.errors, "code 7: not a claim status category code"));
  EXPECT_TRUE(mentions(load.errors, "code A6: category and action go together"));
  EXPECT_TRUE(mentions(load.errors, "code A7: duplicate"));
  EXPECT_TRUE(mentions(load.errors, "codes/stc_statuses.json: code 33: unknown category 'nope'"));
  EXPECT_TRUE(mentions(load.errors, "code A1: not a claim status code"));
  EXPECT_TRUE(mentions(load.errors, "code 21: unknown action 'fly'"));
}

TEST(RulesConfigErrors, ShippedStcTablesLoad) {
  const auto load = load_rules_config((testing::source_dir() / "schemas").string());
  ASSERT_TRUE(load.config);
  const auto& codes = load.config->codes;
  ASSERT_NE(codes.stc_categories.find("A7"), nullptr);
  EXPECT_EQ(codes.stc_categories.find("A7")->status, StcStatus::rejected);
  EXPECT_EQ(codes.stc_categories.find("A2")->status, StcStatus::accepted);
  ASSERT_NE(codes.stc_statuses.find("33"), nullptr);
  EXPECT_EQ(codes.stc_statuses.find("33")->category, "eligibility");
  EXPECT_EQ(codes.stc_statuses.find("24")->provider_category, "provider_eligibility");
  EXPECT_GE(codes.stc_statuses.size(), 60u);
}

TEST(RulesConfigErrors, BadThresholdsBucketsAndMissingDefaultCategory) {
  const auto load = load_rules_config_from_text(R"({
    "actions": {"review": "Review"},
    "categories": {"x": {"label": "X", "recoverability_percent": 140, "deadline": {"kind": "soon", "days": 0}, "action": "review"}},
    "rules": {"payment.underpaid": {"tolerance_cents": -1}, "no.such.rule": {}},
    "aging_buckets": [{"label": "a", "max_days": 30}, {"label": "b", "max_days": 10}]
  })", "", "", "", "", "");
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "recoverability_percent must be 0-100"));
  EXPECT_TRUE(mentions(load.errors, "deadline kind 'soon' unknown"));
  EXPECT_TRUE(mentions(load.errors, "deadline days must be positive"));
  EXPECT_TRUE(mentions(load.errors, "rules.payment.underpaid: thresholds must not be negative"));
  EXPECT_TRUE(mentions(load.errors, "the default bucket 'other' must exist"));
  EXPECT_TRUE(mentions(load.errors, "max_days must increase"));
  EXPECT_TRUE(mentions(load.errors, "the last bucket must be open-ended"));
  EXPECT_TRUE(mentions(load.warnings, "rules.no.such.rule: no such rule"));
}

// rules.json "patient_statements": every bad value named, the dunning levels in order.
TEST(RulesConfigErrors, PatientStatementsSection) {
  std::string rules = kMinimalRules;
  rules.insert(rules.rfind('}'), R"(, "patient_statements": {"due_days": 0, "cycle_days": -3, "min_balance_cents": -1,
      "collections_after_statements": -2, "credit_message": 7,
      "dunning": [{"after_days": 60, "message": "a"}, {"after_days": 30, "message": "b"}, {"message": "c"}, 5,
                  {"after_days": "90", "message": "d"}, {"after_days": 120}]})");
  const auto load = load_rules_config_from_text(rules, "", "", "", "", "");
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "rules.json: patient_statements: due_days and cycle_days must be positive"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements: min_balance_cents and collections_after_statements must not be negative"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements: 'credit_message' must be a string"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements.dunning: after_days must increase"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements.dunning: 'after_days' must be a positive number of days"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements.dunning: every level must be an object"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements.dunning: 'after_days' must be an integer"));
  EXPECT_TRUE(mentions(load.errors, "patient_statements.dunning: missing 'message'"));

  std::string not_object = kMinimalRules;
  not_object.insert(not_object.rfind('}'), R"(, "patient_statements": [])");
  EXPECT_TRUE(mentions(load_rules_config_from_text(not_object, "", "", "", "", "").errors,
                       "'patient_statements' must be an object"));
  std::string dunning_not_array = kMinimalRules;
  dunning_not_array.insert(dunning_not_array.rfind('}'),
                           R"(, "patient_statements": {"credit_message": "c", "dunning": {}})");
  EXPECT_TRUE(mentions(load_rules_config_from_text(dunning_not_array, "", "", "", "", "").errors,
                       "patient_statements: 'dunning' must be an array"));
}

TEST(RulesConfigErrors, PatientStatementsSectionIsOptionalAndReadsItsValues) {
  auto load = load_rules_config_from_text(kMinimalRules, "", "", "", "", "");
  ASSERT_TRUE(load.config);
  EXPECT_EQ(load.config->patient_statements.due_days, 21);
  EXPECT_TRUE(load.config->patient_statements.dunning.empty());
  EXPECT_EQ(load.config->patient_statements.dunning_message(400), "");

  std::string rules = kMinimalRules;
  rules.insert(rules.rfind('}'), R"(, "patient_statements": {"due_days": 14, "cycle_days": 28, "min_balance_cents": 100,
      "collections_after_statements": 3, "credit_message": "credit",
      "dunning": [{"after_days": 30, "message": "late"}, {"after_days": 90, "message": "final"}]})");
  load = load_rules_config_from_text(rules, "", "", "", "", "");
  ASSERT_TRUE(load.config) << load.errors[0];
  const auto& s = load.config->patient_statements;
  EXPECT_EQ(s.due_days, 14);
  EXPECT_EQ(s.cycle_days, 28);
  EXPECT_EQ(s.min_balance_cents, 100);
  EXPECT_EQ(s.collections_after_statements, 3);
  EXPECT_EQ(s.credit_message, "credit");
  EXPECT_EQ(s.dunning_message(29), "");
  EXPECT_EQ(s.dunning_message(30), "late");
  EXPECT_EQ(s.dunning_message(89), "late");
  EXPECT_EQ(s.dunning_message(90), "final");
}

// codes/patient_wording.json: entries, its version and its fallback.
TEST(RulesConfigErrors, PatientWordingTable) {
  const auto load = load_rules_config_from_text(kMinimalRules, "", "", "", "", "", "", "", R"({"codes": [
      {"code": "1", "words": "your deductible"},
      {"code": "1", "words": "again"},
      {"code": "2"},
      {"code": "not a carc!", "words": "x"},
      {"code": "3", "words": "your copay", "percent": "yes"}]})");
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "codes/patient_wording.json: code 1: duplicate"));
  EXPECT_TRUE(mentions(load.errors, "codes/patient_wording.json: code 2: missing 'words'"));
  EXPECT_TRUE(mentions(load.errors, "code not a carc!: not a claim adjustment reason code"));
  EXPECT_TRUE(mentions(load.errors, "code 3: 'percent' must be true or false"));
  EXPECT_TRUE(mentions(load.errors, "codes/patient_wording.json: patient wording: missing 'fallback'"));
  EXPECT_TRUE(mentions(load.errors, "patient wording: 'version' must be a positive integer"));
  EXPECT_TRUE(mentions(load_rules_config_from_text(kMinimalRules, "", "", "", "", "", "", "", "[").errors,
                       "codes/patient_wording.json: invalid JSON at byte"));
}

TEST(RulesConfigErrors, MissingDirectoryNamesTheFile) {
  const auto load = load_rules_config((testing::build_dir() / "no-such-schemas").string());
  EXPECT_FALSE(load.config);
  EXPECT_TRUE(mentions(load.errors, "cannot read")) << (load.errors.empty() ? "" : load.errors[0]);
  EXPECT_TRUE(mentions(load.errors, "rules.json"));
}

}  // namespace
}  // namespace clearhouse::rules
