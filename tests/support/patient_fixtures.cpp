#include "tests/support/patient_fixtures.hpp"

#include <stdexcept>

namespace clearhouse::testing {

rules::RulesConfig patient_rules_config(const std::string& extra_rules) {
  const std::string rules = R"({
  "actions": {"review": "Review", "write_off": "Write off", "bill_patient": "Bill the patient",
              "refund_patient": "Refund the patient", "send_to_collections": "Send to collections"},
  "categories": {
    "other": {"label": "Other", "recoverability_percent": 40, "deadline": null, "action": "review"},
    "contractual": {"label": "Contractual", "recoverability_percent": 0, "deadline": null, "action": "write_off", "opens_item": false, "denial": false},
    "patient_responsibility": {"label": "Patient", "recoverability_percent": 60, "deadline": null, "action": "bill_patient", "opens_item": false, "denial": false},
    "patient_refund": {"label": "Patient refund due", "recoverability_percent": 0, "deadline": {"kind": "refund", "days": 30}, "action": "refund_patient", "denial": false},
    "patient_collections": {"label": "Collections", "recoverability_percent": 30, "deadline": null, "action": "send_to_collections", "denial": false}},
  "rules": {)" + extra_rules + R"(},
  "aging_buckets": [{"label": "all", "max_days": null}],
  "patient_statements": {"due_days": 21, "cycle_days": 30, "min_balance_cents": 500,
    "dunning": [{"after_days": 30, "message": "30 days"}, {"after_days": 60, "message": "60 days"},
                {"after_days": 90, "message": "90 days"}],
    "collections_after_statements": 3, "credit_message": "You have a credit."}
})";
  const std::string carc = R"({"codes": [
    {"code": "1", "description": "Deductible.", "category": "patient_responsibility", "action": "bill_patient"},
    {"code": "2", "description": "Coinsurance.", "category": "patient_responsibility", "action": "bill_patient"},
    {"code": "3", "description": "Copay.", "category": "patient_responsibility", "action": "bill_patient"},
    {"code": "45", "description": "Charge above the fee schedule.", "category": "contractual", "action": "write_off"},
    {"code": "96", "description": "Non-covered charge.", "category": "other", "action": "review"},
    {"code": "204", "description": "Not covered under the patient's current benefit plan.", "category": "other", "action": "review"},
    {"code": "253", "description": "Sequestration.", "category": "contractual", "action": "write_off"}]})";
  const std::string wording = R"({"version": 3, "fallback": "an amount your insurance says is yours to pay", "codes": [
    {"code": "1", "words": "your deductible"},
    {"code": "2", "words": "your coinsurance", "percent": true},
    {"code": "3", "words": "your copay"},
    {"code": "96", "words": "not covered by your plan"}]})";
  auto load = rules::load_rules_config_from_text(rules, carc, "", "", "", "", "", "", wording);
  if (!load.config) {
    std::string errors;
    for (const auto& e : load.errors) errors += e + "\n";
    throw std::runtime_error(errors);
  }
  return std::move(*load.config);
}

model::Adjustment cas(const std::string& group, const std::string& reason, std::int64_t cents) {
  model::Adjustment a;
  a.group = model::adjustment_group_from_code(group);
  a.group_code = group;
  a.reason = reason;
  a.amount = model::Money::from_cents(cents);
  return a;
}

patient::AdjudicatedLine line(const std::string& procedure, std::int64_t billed, std::int64_t paid,
                              std::vector<model::Adjustment> adjustments) {
  patient::AdjudicatedLine l;
  l.procedure = procedure;
  l.billed = model::Money::from_cents(billed);
  l.paid = model::Money::from_cents(paid);
  l.adjustments = std::move(adjustments);
  return l;
}

patient::PayerAdjudication adjudication(int level, const std::string& payer, const std::string& date_iso,
                                        std::vector<patient::AdjudicatedLine> lines, bool reversal) {
  patient::PayerAdjudication a;
  a.level = level;
  a.payer_id = payer;
  a.payer_name = payer + " Health";
  a.date = *model::Date::parse_iso(date_iso);
  a.reference = "TRN-" + payer + "-" + date_iso;
  a.reversal = reversal;
  for (const auto& l : lines) {
    a.billed += l.billed;
    a.paid += l.paid;
  }
  a.lines = std::move(lines);
  return a;
}

}  // namespace clearhouse::testing
