// reversal.uncorrected: the claim's latest posting is a reversal (CLP02 = 22) and no corrected
// payment followed it, within the same remittance or after grace_days (rules.json). At stake:
// the payment that was taken back.
#include <fmt/format.h>

#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void uncorrected_reversal_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.history.empty() || !ctx.history.back().reversal) return;
  const auto& reversal = ctx.history.back();
  const model::Date since = !ctx.latest_posting_on.empty() ? ctx.latest_posting_on : ctx.remittance_date;
  const int grace = env.config.rule_at(rule_id::slot<rule_id::uncorrected_reversal>).grace_days;
  if (grace > 0 && (since.empty() || env.today.empty() || model::days_between(since, env.today) < grace)) return;
  auto f = detail::make_finding(ctx, rule_id::uncorrected_reversal, model::finding_category::reversal);
  f.amount = reversal.paid < model::Money{} ? -reversal.paid : reversal.paid;
  f.action = std::string(env.config.category("reversal").action);
  f.message = fmt::format("Payment reversed ({} taken back, payer claim {}) and no corrected payment has posted.",
                          detail::money_text(f.amount),
                          reversal.payer_claim_control_number.empty() ? std::string("unknown")
                                                                      : reversal.payer_claim_control_number);
  out.push_back(std::move(f));
}

}  // namespace clearhouse::rules
