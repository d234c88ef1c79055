#pragma once
// Patient-share test fixtures: a small rules configuration owned by the tests (rules.json-like
// with a patient_statements section, a few CARCs and a patient wording table, so editing
// schemas/ never breaks these tests), and builders for adjudications made from values.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/patient/claim_share.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::testing {

// Categories other, patient_responsibility, contractual, patient_refund, patient_collections;
// CARCs 1 2 3 45 96 204 253; wording for 1 2 3 96; patient_statements: due 21 days, cycle 30,
// minimum 500 cents, dunning at 30/60/90 ("30 days", "60 days", "90 days"), collections after 3
// statements, credit message "You have a credit.". extra_rules is merged into "rules".
rules::RulesConfig patient_rules_config(const std::string& extra_rules = {});

model::Adjustment cas(const std::string& group, const std::string& reason, std::int64_t cents);

// One adjudication with one line per {procedure, billed, paid, adjustments}.
patient::PayerAdjudication adjudication(int level, const std::string& payer, const std::string& date_iso,
                                        std::vector<patient::AdjudicatedLine> lines, bool reversal = false);
patient::AdjudicatedLine line(const std::string& procedure, std::int64_t billed, std::int64_t paid,
                              std::vector<model::Adjustment> adjustments);

}  // namespace clearhouse::testing
