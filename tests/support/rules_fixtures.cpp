#include "tests/support/rules_fixtures.hpp"

#include <stdexcept>

#include "engine/model/adjustment_totals.hpp"

namespace clearhouse::testing {
namespace {

constexpr const char* kCategories = R"("categories": {
  "missing_information": {"label": "Missing info", "recoverability_percent": 90, "deadline": {"kind": "corrected_claim", "days": 90}, "action": "correct_resubmit", "opens_item": true, "denial": true},
  "authorization": {"label": "Authorization", "recoverability_percent": 50, "deadline": {"kind": "appeal", "days": 60}, "action": "obtain_auth", "opens_item": true, "denial": true},
  "eligibility": {"label": "Eligibility", "recoverability_percent": 40, "deadline": {"kind": "corrected_claim", "days": 90}, "action": "verify_eligibility", "opens_item": true, "denial": true},
  "timely_filing": {"label": "Timely filing", "recoverability_percent": 20, "deadline": {"kind": "appeal", "days": 60}, "action": "appeal", "opens_item": true, "denial": true},
  "medical_necessity": {"label": "Medical necessity", "recoverability_percent": 55, "deadline": {"kind": "appeal", "days": 120}, "action": "appeal", "opens_item": true, "denial": true},
  "coding": {"label": "Coding", "recoverability_percent": 75, "deadline": {"kind": "corrected_claim", "days": 90}, "action": "correct_coding", "opens_item": true, "denial": true},
  "duplicate": {"label": "Duplicate", "recoverability_percent": 15, "deadline": null, "action": "check_duplicate", "opens_item": true, "denial": true},
  "non_covered": {"label": "Non-covered", "recoverability_percent": 25, "deadline": {"kind": "appeal", "days": 180}, "action": "review", "opens_item": true, "denial": true},
  "coordination_of_benefits": {"label": "COB", "recoverability_percent": 70, "deadline": {"kind": "corrected_claim", "days": 90}, "action": "bill_other_payer", "opens_item": true, "denial": true},
  "provider_eligibility": {"label": "Credentialing", "recoverability_percent": 45, "deadline": {"kind": "appeal", "days": 90}, "action": "check_credentialing", "opens_item": true, "denial": true},
  "other": {"label": "Other", "recoverability_percent": 40, "deadline": {"kind": "appeal", "days": 90}, "action": "review", "opens_item": true, "denial": true},
  "contractual": {"label": "Contractual", "recoverability_percent": 0, "deadline": null, "action": "write_off", "opens_item": false, "denial": false},
  "payer_adjustment": {"label": "Payer adjustment", "recoverability_percent": 0, "deadline": null, "action": "none", "opens_item": false, "denial": false},
  "patient_responsibility": {"label": "Patient", "recoverability_percent": 60, "deadline": null, "action": "bill_patient", "opens_item": false, "denial": false},
  "underpayment": {"label": "Underpaid", "recoverability_percent": 80, "deadline": {"kind": "appeal", "days": 90}, "action": "appeal", "opens_item": true, "denial": false},
  "overpayment": {"label": "Overpaid", "recoverability_percent": 50, "deadline": {"kind": "refund", "days": 60}, "action": "refund", "opens_item": true, "denial": false},
  "billed_mismatch": {"label": "Billed mismatch", "recoverability_percent": 60, "deadline": null, "action": "review", "opens_item": true, "denial": false},
  "unmatched": {"label": "Unmatched", "recoverability_percent": 70, "deadline": null, "action": "post_manually", "opens_item": true, "denial": false},
  "unbalanced": {"label": "Unbalanced", "recoverability_percent": 50, "deadline": null, "action": "contact_payer", "opens_item": true, "denial": false},
  "missing_remittance": {"label": "No remittance", "recoverability_percent": 85, "deadline": null, "action": "check_status", "opens_item": true, "denial": false},
  "duplicate_payment": {"label": "Paid twice", "recoverability_percent": 50, "deadline": {"kind": "refund", "days": 60}, "action": "refund", "opens_item": true, "denial": false},
  "reversal": {"label": "Reversed", "recoverability_percent": 80, "deadline": null, "action": "contact_payer", "opens_item": true, "denial": false},
  "unknown_code": {"label": "Unknown code", "recoverability_percent": 0, "deadline": null, "action": "none", "opens_item": false, "denial": false}
})";

constexpr const char* kActions = R"("actions": {
  "correct_resubmit": "Correct and resubmit", "correct_coding": "Fix coding", "send_records": "Send records",
  "appeal": "Appeal", "obtain_auth": "Get authorization", "verify_eligibility": "Verify eligibility",
  "bill_other_payer": "Bill other payer", "update_cob": "Update COB", "check_duplicate": "Check duplicate",
  "check_credentialing": "Check credentialing", "check_status": "Check status", "contact_payer": "Contact payer",
  "post_manually": "Post by hand", "refund": "Refund", "bill_patient": "Bill patient", "write_off": "Write off",
  "review": "Review", "wait": "Wait", "none": "Nothing"
})";

constexpr const char* kCarc = R"({"codes": [
  {"code": "1", "description": "Deductible.", "category": "patient_responsibility", "action": "bill_patient", "appealable": false},
  {"code": "2", "description": "Coinsurance.", "category": "patient_responsibility", "action": "bill_patient", "appealable": false},
  {"code": "3", "description": "Copay.", "category": "patient_responsibility", "action": "bill_patient", "appealable": false},
  {"code": "4", "description": "Modifier mismatch.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "5", "description": "Place of service mismatch.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "6", "description": "Age mismatch.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "8", "description": "Provider type mismatch.", "category": "provider_eligibility", "action": "check_credentialing", "appealable": true},
  {"code": "11", "description": "Diagnosis does not support the procedure.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "15", "description": "Authorization invalid.", "category": "authorization", "action": "obtain_auth", "appealable": true},
  {"code": "16", "description": "Lacks information.", "category": "missing_information", "action": "correct_resubmit", "appealable": false, "refine_with_rarc": true},
  {"code": "18", "description": "Exact duplicate.", "category": "duplicate", "action": "check_duplicate", "appealable": false},
  {"code": "22", "description": "Other payer primary.", "category": "coordination_of_benefits", "action": "update_cob", "appealable": true},
  {"code": "23", "description": "Prior payer impact.", "category": "coordination_of_benefits", "action": "none", "appealable": false, "denial": false},
  {"code": "26", "description": "Before coverage.", "category": "eligibility", "action": "verify_eligibility", "appealable": true},
  {"code": "27", "description": "After coverage ended.", "category": "eligibility", "action": "verify_eligibility", "appealable": true},
  {"code": "29", "description": "Filing limit passed.", "category": "timely_filing", "action": "appeal", "appealable": true},
  {"code": "31", "description": "Not our member.", "category": "eligibility", "action": "verify_eligibility", "appealable": true},
  {"code": "45", "description": "Above fee schedule.", "category": "contractual", "action": "write_off", "appealable": false, "denial": false},
  {"code": "50", "description": "Not medically necessary.", "category": "medical_necessity", "action": "appeal", "appealable": true},
  {"code": "55", "description": "Experimental.", "category": "medical_necessity", "action": "appeal", "appealable": true},
  {"code": "56", "description": "Not proven effective.", "category": "medical_necessity", "action": "appeal", "appealable": true},
  {"code": "96", "description": "Non-covered charge.", "category": "non_covered", "action": "review", "appealable": true, "refine_with_rarc": true},
  {"code": "97", "description": "Bundled.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "109", "description": "Wrong payer.", "category": "coordination_of_benefits", "action": "bill_other_payer", "appealable": false},
  {"code": "197", "description": "Authorization absent.", "category": "authorization", "action": "obtain_auth", "appealable": true},
  {"code": "198", "description": "Authorization exceeded.", "category": "authorization", "action": "obtain_auth", "appealable": true},
  {"code": "204", "description": "Not covered by the plan.", "category": "non_covered", "action": "bill_patient", "appealable": true},
  {"code": "236", "description": "NCCI incompatible.", "category": "coding", "action": "correct_coding", "appealable": true},
  {"code": "253", "description": "Sequestration.", "category": "contractual", "action": "write_off", "appealable": false, "denial": false},
  {"code": "42", "description": "Old fee schedule code.", "category": "contractual", "action": "write_off", "appealable": false, "effective": "1995-01-01", "retired": "2007-06-01"}
]})";

constexpr const char* kRarc = R"({"codes": [
  {"code": "N290", "description": "Rendering provider id missing.", "category": "missing_information", "action": "correct_resubmit", "alert": false},
  {"code": "N30", "description": "Patient ineligible.", "category": "eligibility", "action": "verify_eligibility", "alert": false},
  {"code": "M62", "description": "Authorization code missing.", "category": "authorization", "action": "obtain_auth", "alert": false},
  {"code": "MA130", "description": "Unprocessable; no appeal rights.", "category": "missing_information", "action": "correct_resubmit", "appealable": false, "alert": false},
  {"code": "N211", "description": "You may not appeal.", "appealable": false, "alert": true}
]})";

constexpr const char* kClaimStatus = R"({"codes": [
  {"code": "1", "description": "Primary", "kind": "processed", "level": 1},
  {"code": "2", "description": "Secondary", "kind": "processed", "level": 2},
  {"code": "3", "description": "Tertiary", "kind": "processed", "level": 3},
  {"code": "4", "description": "Denied", "kind": "denied", "level": 0},
  {"code": "19", "description": "Primary, forwarded", "kind": "forwarded", "level": 1},
  {"code": "22", "description": "Reversal", "kind": "reversal", "level": 0}
]})";

constexpr const char* kGroups = R"({"codes": [
  {"code": "CO", "description": "Contractual", "patient_owes": false, "contractual": true},
  {"code": "PR", "description": "Patient", "patient_owes": true, "contractual": false},
  {"code": "OA", "description": "Other", "patient_owes": false, "contractual": false},
  {"code": "PI", "description": "Payer initiated", "patient_owes": false, "contractual": false}
]})";

}  // namespace

rules::RulesConfig test_rules_config_with(const std::string& extra_rules) {
  std::string rules_json = std::string("{") + kCategories + ",\n" + kActions + R"(,
  "rules": {
    "denial.partial": {"enabled": true, "min_amount_cents": 100},
    "payment.underpaid": {"enabled": true, "tolerance_cents": 100, "tolerance_percent": 2},
    "payment.overpaid": {"enabled": true, "tolerance_cents": 100, "tolerance_percent": 2},
    "payment.allowed_below_schedule": {"enabled": true, "tolerance_cents": 100},
    "remittance.missing": {"enabled": true, "after_days": 30})" +
                           (extra_rules.empty() ? "" : ",\n    " + extra_rules) + R"(
  },
  "aging_buckets": [{"label": "0-30", "max_days": 30}, {"label": "31-60", "max_days": 60},
                    {"label": "61-90", "max_days": 90}, {"label": "90+", "max_days": null}],
  "priority": {"age_cap_days": 90, "past_deadline_percent": 25}
})";
  auto load = rules::load_rules_config_from_text(rules_json, kCarc, kRarc, kClaimStatus, kGroups, "");
  if (!load.config) {
    std::string all;
    for (const auto& e : load.errors) all += e + "\n";
    throw std::runtime_error("test rules config does not load:\n" + all);
  }
  return std::move(*load.config);
}

rules::RulesConfig test_rules_config() { return test_rules_config_with({}); }

model::Adjustment adj(const std::string& group, const std::string& reason, std::int64_t cents) {
  model::Adjustment a;
  a.group = model::adjustment_group_from_code(group);
  a.group_code = group;
  a.reason = reason;
  a.amount = model::Money::from_cents(cents);
  return a;
}

model::LinePayment svc(const std::string& procedure, std::int64_t billed, std::int64_t paid,
                       std::vector<model::Adjustment> adjustments, std::vector<std::string> rarcs,
                       const std::string& modifier) {
  model::LinePayment l;
  l.procedure.qualifier = "HC";
  l.procedure.code = procedure;
  if (!modifier.empty()) l.procedure.modifiers.push_back(modifier);
  l.billed = model::Money::from_cents(billed);
  l.paid = model::Money::from_cents(paid);
  l.adjustments = std::move(adjustments);
  for (auto& r : rarcs) l.remarks.push_back({"HE", std::move(r)});
  l.service_date = model::Date{2024, 3, 1};
  return l;
}

model::ClaimPayment clp(const std::string& claim_id, const std::string& status, std::vector<model::LinePayment> lines,
                        std::vector<model::Adjustment> claim_adjustments) {
  model::ClaimPayment c;
  c.patient_control_number = claim_id;
  c.status_code = status;
  c.payer_claim_control_number = "PCN-" + claim_id;
  c.adjustments = std::move(claim_adjustments);
  c.lines = std::move(lines);
  model::Money billed, paid, patient;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    auto& l = c.lines[i];
    l.line_control_number = claim_id + "-" + std::to_string(i + 1);
    billed += l.billed;
    paid += l.paid;
    for (const auto& a : l.adjustments)
      if (a.group == model::AdjustmentGroup::patient) patient += a.amount;
  }
  for (const auto& a : c.adjustments) {
    if (a.group == model::AdjustmentGroup::patient) patient += a.amount;
  }
  c.billed = billed;
  c.paid = paid;
  for (const auto& a : c.adjustments) c.paid -= a.amount;  // claim-level CAS reduces the payment
  c.patient_responsibility = patient;
  return c;
}

model::Posting posting_of(const model::ClaimPayment& payment, bool matched, std::int64_t id) {
  model::Posting p;
  p.id = id;
  p.claim_id = payment.patient_control_number;
  p.payer_id = "PAYER1";
  p.payer_claim_control_number = payment.payer_claim_control_number;
  p.status_code = payment.status_code;
  p.matched = matched;
  p.reversal = payment.status_code == "22";
  p.billed = payment.billed;
  p.paid = payment.paid;
  p.patient_responsibility = payment.patient_responsibility;
  for (const auto& a : payment.adjustments) p.adjustments.add(a);
  for (std::size_t i = 0; i < payment.lines.size(); ++i) {
    const auto& l = payment.lines[i];
    model::LinePosting lp;
    lp.line_number = static_cast<int>(i + 1);
    lp.submitted_line = matched ? static_cast<int>(i + 1) : 0;
    lp.line_control_number = l.line_control_number;
    lp.procedure = l.billed_procedure();
    lp.billed = l.billed;
    lp.paid = l.paid;
    lp.allowed = l.allowed;
    for (const auto& a : l.adjustments) {
      lp.adjustments.add(a);
      p.adjustments.add(a);
    }
    p.lines.push_back(std::move(lp));
  }
  return p;
}

ledger::ClaimRecord submitted_of(const model::ClaimPayment& payment, const std::string& payer) {
  ledger::ClaimRecord c;
  c.row_id = 1;
  c.claim_id = payment.patient_control_number;
  c.payer_id = payer;
  c.frequency_code = "1";
  c.billed_cents = payment.billed.cents() < 0 ? -payment.billed.cents() : payment.billed.cents();
  c.status = "submitted";
  for (std::size_t i = 0; i < payment.lines.size(); ++i) {
    ledger::LineRecord l;
    l.line_number = static_cast<std::int64_t>(i + 1);
    l.line_control_number = payment.lines[i].line_control_number;
    l.procedure_code = payment.lines[i].billed_procedure().code;
    l.charge_cents = payment.lines[i].billed.cents() < 0 ? -payment.lines[i].billed.cents() : payment.lines[i].billed.cents();
    l.units = "1";
    l.unit_code = "UN";
    l.service_date = "2024-03-01";
    c.lines.push_back(std::move(l));
  }
  return c;
}

}  // namespace clearhouse::testing
