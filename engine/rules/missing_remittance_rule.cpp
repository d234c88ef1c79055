// remittance.missing: a submitted claim with no remittance after N days (rules.json, default
// 30), aged into the configured buckets (0-30/31-60/61-90/90+) against the injected clock.
#include <fmt/format.h>

#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void missing_remittance_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.submitted == nullptr || !ctx.history.empty() || ctx.submitted_on.empty() || env.today.empty()) return;
  const int age = model::days_between(ctx.submitted_on, env.today);
  const int after = env.config.rule_at(rule_id::slot<rule_id::missing_remittance>).after_days;
  if (age <= after) return;
  auto f = detail::make_finding(ctx, rule_id::missing_remittance, "missing_remittance");
  f.amount = model::Money::from_cents(ctx.submitted->billed_cents);
  f.action = std::string(env.config.category("missing_remittance").action);
  f.message = fmt::format("No remittance {} days after submission on {} (aging bucket {}); {} outstanding.", age,
                          ctx.submitted_on.to_iso(), env.config.aging_bucket(age), detail::money_text(f.amount));
  out.push_back(std::move(f));
}

}  // namespace clearhouse::rules
