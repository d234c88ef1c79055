#include "engine/rules/pipeline.hpp"

#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

const std::vector<RuleDescriptor>& Pipeline::registry() {
  static const std::vector<RuleDescriptor> kRules = {
      {{rule_id::unknown_codes}, RuleStage::after_post, unknown_codes_rule},
      {{rule_id::unmatched}, RuleStage::after_post, unmatched_claim_rule},
      {{rule_id::unbalanced}, RuleStage::after_post, unbalanced_rule},
      {{rule_id::denied_claim, rule_id::denied_line, rule_id::partial_denial}, RuleStage::after_post, denial_rule},
      {{rule_id::underpaid, rule_id::overpaid, rule_id::allowed_below_schedule}, RuleStage::after_post, fee_schedule_rule},
      {{rule_id::billed_claim_mismatch, rule_id::billed_line_mismatch}, RuleStage::after_post, billed_mismatch_rule},
      {{rule_id::duplicate_payment}, RuleStage::after_post, duplicate_payment_rule},
      {{rule_id::uncorrected_reversal}, RuleStage::both, uncorrected_reversal_rule},
      {{rule_id::patient_responsibility}, RuleStage::after_post, patient_responsibility_rule},
      {{rule_id::missing_remittance}, RuleStage::sweep, missing_remittance_rule},
  };
  return kRules;
}

Pipeline::Pipeline(const RulesConfig& config) {
  for (const auto& r : registry()) {
    bool any = false;
    for (auto id : r.ids) any = any || config.enabled(id);
    if (!any) continue;
    const auto stage = static_cast<unsigned>(r.stage);
    if (stage & static_cast<unsigned>(RuleStage::after_post)) after_post_.push_back(r.run);
    if (stage & static_cast<unsigned>(RuleStage::sweep)) sweep_.push_back(r.run);
  }
}

void Pipeline::after_post(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) const {
  for (auto run : after_post_) run(ctx, env, out);
}

void Pipeline::sweep(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) const {
  for (auto run : sweep_) run(ctx, env, out);
}

}  // namespace clearhouse::rules
