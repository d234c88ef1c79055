// payment.allowed_below_schedule: the payer's allowed amount for a line (AMT*B6) is below the
// fee schedule by more than the tolerance: the contract was priced wrong even if the payment
// follows from it.
#include <fmt/format.h>

#include "engine/rules/detail/expected_payment.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void allowed_below_schedule_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (!detail::comparable_claim(ctx, env)) return;
  const auto& settings = env.config.rule(rule_id::allowed_below_schedule);
  const auto& lines = ctx.payment->lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (!line.allowed) continue;
    const auto expected = detail::expect_line(ctx, env, line);
    if (!expected) continue;
    const model::Money below_by = expected->expected_allowed - *line.allowed;
    if (below_by <= detail::tolerance(settings, expected->expected_allowed)) continue;
    auto f = detail::make_finding(ctx, rule_id::allowed_below_schedule, "underpayment", static_cast<int>(i + 1));
    f.amount = below_by;
    f.action = std::string(env.config.category("underpayment").action);
    f.message = fmt::format("Line {} ({}): payer allowed {} (AMT*B6), fee schedule allows {}; below by {}.", i + 1,
                            line.billed_procedure().code, detail::money_text(*line.allowed),
                            detail::money_text(expected->expected_allowed), detail::money_text(below_by));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
