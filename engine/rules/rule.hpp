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

struct RuleDescriptor {
  std::string_view id;
  RuleStage stage;
  RuleFn run;
};

// One entry point per rule file.
void denied_claim_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void denied_line_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void partial_denial_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void underpayment_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void overpayment_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void allowed_below_schedule_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void billed_claim_mismatch_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void billed_line_mismatch_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void unmatched_claim_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void unbalanced_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void missing_remittance_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void duplicate_payment_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void uncorrected_reversal_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void patient_responsibility_rule(const ClaimContext&, const RuleEnvironment&, Findings&);
void unknown_codes_rule(const ClaimContext&, const RuleEnvironment&, Findings&);

}  // namespace clearhouse::rules
