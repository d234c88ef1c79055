// posting.unmatched: the remittance paid (or denied) a claim id that was never submitted to this
// payer. Posting keeps it as unmatched; the worklist makes sure someone finds where the money
// belongs. At stake: the payment, or the charge when nothing was paid.
#include <fmt/format.h>

#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void unmatched_claim_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr) return;
  const bool unmatched = ctx.posting != nullptr ? !ctx.posting->matched : ctx.submitted == nullptr;
  if (!unmatched) return;
  const auto& claim = *ctx.payment;
  auto f = detail::make_finding(ctx, rule_id::unmatched, model::finding_category::unmatched);
  f.amount = claim.paid.is_zero() ? claim.billed : claim.paid;
  if (f.amount < model::Money{}) f.amount = -f.amount;
  f.action = std::string(env.config.category("unmatched").action);
  f.message = fmt::format("No submitted claim {} for payer {}: paid {} on a charge of {} (CLP02 {}).",
                          claim.patient_control_number, ctx.payer_id, detail::money_text(claim.paid),
                          detail::money_text(claim.billed), claim.status_code);
  out.push_back(std::move(f));
}

}  // namespace clearhouse::rules
