#pragma once
// The rules pipeline's configuration: schemas/rules.json (which rules run, thresholds,
// categories with recoverability and deadlines, actions, aging buckets, priority) plus the code
// tables of schemas/codes/. Read at run time, so changing a category or a threshold needs no
// rebuild. Loading validates everything and reports every problem at once; the loaded config is
// immutable and shared by every rule.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <array>

#include "engine/model/money.hpp"
#include "engine/rules/code_tables.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

enum class DeadlineKind : std::uint8_t { none, appeal, corrected_claim, refund };
std::string_view to_string(DeadlineKind kind);

struct CategoryConfig {
  std::string id;                  // "authorization"
  std::string label;               // "Authorization or referral"
  int recoverability_percent = 0;  // how much of the money at stake a biller usually recovers
  DeadlineKind deadline = DeadlineKind::none;
  int deadline_days = 0;           // from the remittance date
  std::string action;              // default action key
  bool opens_item = true;          // findings of this category open worklist items
  bool denial = true;              // adjustments in this category are denials (not expected reductions)
};

// Every rule's switch and thresholds (rules.json "rules"); a rule not listed is enabled with
// these defaults.
struct RuleSettings {
  bool enabled = true;
  std::int64_t min_amount_cents = 0;   // denial.partial: ignore smaller partial denials
  std::int64_t tolerance_cents = 0;    // payment.*: differences within max(cents, percent) pass
  int tolerance_percent = 0;
  int after_days = 30;                 // remittance.missing
  int grace_days = 0;                  // reversal.uncorrected
};

struct AgingBucket {
  std::string label;                   // "31-60"
  std::optional<int> max_days;         // inclusive; nullopt for the last, open-ended bucket
};

struct PriorityConfig {
  int age_cap_days = 90;               // age weight grows from 1x (new) to 2x (at the cap)
  int past_deadline_percent = 25;      // weight once the appeal/corrected-claim deadline passed
};

// Patient statements (rules.json "patient_statements", engine/patient/).
struct DunningLevel {
  int after_days = 0;                  // the balance's age from which this message is printed
  std::string message;
};

struct PatientStatementsConfig {
  int due_days = 21;                   // due date = statement date + due_days
  int cycle_days = 30;                 // at most one statement per account per cycle
  std::int64_t min_balance_cents = 0;  // smaller balances get no statement (credits always do)
  std::vector<DunningLevel> dunning;   // after_days increasing
  int collections_after_statements = 0;  // a collections item after this many statements (0: never)
  std::string credit_message;          // printed on a statement of an account in credit

  // The message for a balance this old ("" when younger than every level).
  std::string_view dunning_message(int age_days) const;
};

// Move-only: code table entries point at the categories they resolve to.
class RulesConfig {
 public:
  RulesConfig() = default;
  RulesConfig(RulesConfig&&) = default;
  RulesConfig& operator=(RulesConfig&&) = default;
  RulesConfig(const RulesConfig&) = delete;
  RulesConfig& operator=(const RulesConfig&) = delete;

  CodeTables codes;
  std::map<std::string, CategoryConfig, std::less<>> categories;
  std::map<std::string, std::string, std::less<>> actions;  // key -> text for people
  std::map<std::string, RuleSettings, std::less<>> rules;
  std::vector<AgingBucket> aging_buckets;
  PriorityConfig priority;
  PatientStatementsConfig patient_statements;
  std::string source;                  // directory it was loaded from

  const RuleSettings& rule(std::string_view id) const;
  // The settings of rule_id::all[index], without a lookup (see rule_id::index).
  const RuleSettings& rule_at(std::size_t index) const { return index < slots_.size() ? slots_[index] : default_rule_; }
  // Fills the per-rule slots from `rules` (the loader calls it; call again after editing rules).
  void resolve();
  bool enabled(std::string_view id) const { return rule(id).enabled; }
  // The category, or the default bucket "other" for an unknown id (never null once loaded).
  const CategoryConfig& category(std::string_view id) const;
  bool has_category(std::string_view id) const { return categories.find(id) != categories.end(); }
  std::string_view action_text(std::string_view key) const;
  // The bucket an age falls in ("0-30", ...).
  std::string_view aging_bucket(int age_days) const;
  std::size_t aging_bucket_index(int age_days) const;

 private:
  RuleSettings default_rule_;
  std::array<RuleSettings, rule_id::all.size()> slots_{};
  CategoryConfig fallback_category_{"other", "Other denial", 40, DeadlineKind::appeal, 90, "review", true, true};
};

struct ConfigLoad {
  std::optional<RulesConfig> config;   // set when there were no errors
  std::vector<std::string> errors;     // "carc.json: code 16: unknown category 'x'"
  std::vector<std::string> warnings;
};

// Loads rules.json and codes/*.json (codes/patient_wording.json included) from a schemas
// directory, validating each file.
ConfigLoad load_rules_config(const std::string& schemas_dir);
// Loads from JSON texts (tests); empty tables are allowed for code files.
// The STC tables and the patient wording are optional here (empty: none), so tests of the 835
// rules need not carry them.
ConfigLoad load_rules_config_from_text(std::string_view rules_json, std::string_view carc_json,
                                       std::string_view rarc_json, std::string_view claim_status_json,
                                       std::string_view groups_json, std::string_view place_of_service_json,
                                       std::string_view stc_categories_json = {},
                                       std::string_view stc_statuses_json = {},
                                       std::string_view patient_wording_json = {});

}  // namespace clearhouse::rules
