#pragma once
// Rules test fixtures: a small configuration owned by the tests (so editing schemas/ never
// breaks a rule test), and builders for claim payments, postings and submitted claims made
// straight from model structs (no database, no X12).

#include <initializer_list>
#include <string>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/model/claim_payment.hpp"
#include "engine/model/posting.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::testing {

// rules.json-like settings plus CARCs 1 2 3 4 5 6 8 11 15 16 18 22 23 26 27 29 31 45 50 55 56 96
// 97 109 197 198 204 236 253 and RARCs N290 N30 M62 MA130 N211, with the shipped categories.
rules::RulesConfig test_rules_config();
// The same, with extra JSON members merged into "rules" (e.g. R"("denial.line":{"enabled":false})").
rules::RulesConfig test_rules_config_with(const std::string& extra_rules);

model::Adjustment adj(const std::string& group, const std::string& reason, std::int64_t cents);
model::LinePayment svc(const std::string& procedure, std::int64_t billed, std::int64_t paid,
                       std::vector<model::Adjustment> adjustments, std::vector<std::string> rarcs = {},
                       const std::string& modifier = {});
// A claim payment whose CLP03/CLP04/CLP05 follow from its lines and claim-level adjustments.
model::ClaimPayment clp(const std::string& claim_id, const std::string& status, std::vector<model::LinePayment> lines,
                        std::vector<model::Adjustment> claim_adjustments = {});
// A posting as posting would record it (matched, lines mapped 1:1 to submitted lines).
model::Posting posting_of(const model::ClaimPayment& payment, bool matched = true, std::int64_t id = 1);
// The submitted claim the payment answers (same charges), lines numbered 1..n.
ledger::ClaimRecord submitted_of(const model::ClaimPayment& payment, const std::string& payer = "PAYER1");

}  // namespace clearhouse::testing
