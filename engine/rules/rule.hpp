#pragma once
// A rule is a plain function of (claim context, environment) that appends findings. Rules are
// independent of each other (one per file, engine/rules/*_rule.cpp) and are listed once in the
// pipeline's registry (pipeline.cpp) with when they run.

#include <string_view>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/rules/claim_context.hpp"

namespace clearhouse::rules {

using Findings = std::vector<model::Finding>;
using RuleFn = void (*)(const ClaimContext&, const RuleEnvironment&, Findings&);

// When a rule runs: after a claim payment is posted, in the ledger-wide sweep, or both.
enum class RuleStage : unsigned char { after_post = 1, sweep = 2, both = 3 };

// A rule file's entry point and the finding ids it produces (several related ids share one
// pass over the claim when they read the same data; each id keeps its own switch).
struct RuleDescriptor {
  std::vector<std::string_view> ids;
  RuleStage stage;
  RuleFn run;
};

// One entry point per rule file.
void denial_rule(const ClaimContext&, const RuleEnvironment&, Findings&);           // denial.claim/line/partial
void fee_schedule_rule(const ClaimContext&, const RuleEnvironment&, Findings&);     // payment.underpaid/overpaid/allowed_below_schedule
void billed_mismatch_rule(const ClaimContext&, const RuleEnvironment&, Findings&);  // billed.claim_mismatch/line_mismatch
void unmatched_claim_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void unbalanced_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void missing_remittance_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void duplicate_payment_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void uncorrected_reversal_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void patient_responsibility_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void unknown_codes_rule(const ClaimContext&, const RuleEnvironment&, Findings&);

}  // namespace clearhouse::rules
