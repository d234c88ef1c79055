// posting.unbalanced: balancing (engine/reconcile) already found that a line or the claim does
// not add up (billed - paid != adjustments); those findings are routed through unchanged, with
// the category and action the worklist uses. Remittance-level imbalances (BPR02) are handled
// by the worklist per remittance, not per claim.
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void unbalanced_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  for (const auto& found : ctx.posting_findings) {
    if (found.category != model::finding_category::unbalanced) continue;
    model::Finding f = found;
    if (f.claim_id.empty()) f.claim_id = std::string(detail::claim_id(ctx));
    if (f.payer_id.empty()) f.payer_id = std::string(ctx.payer_id);
    if (f.trace_number.empty()) f.trace_number = std::string(ctx.trace_number);
    if (f.action.empty()) f.action = std::string(env.config.category("unbalanced").action);
    if (f.amount < model::Money{}) f.amount = -f.amount;
    f.severity = found.severity;
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
