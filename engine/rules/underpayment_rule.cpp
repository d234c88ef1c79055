// payment.underpaid: a line paid less than the fee schedule's allowed amount less the patient's
// share, by more than the tolerance. Unpaid (denied) lines are left to the denial rules.
#include <fmt/format.h>

#include "engine/rules/detail/expected_payment.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void underpayment_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (!detail::comparable_claim(ctx, env)) return;
  const auto& settings = env.config.rule(rule_id::underpaid);
  const auto& lines = ctx.payment->lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (line.paid.is_zero()) continue;
    const auto expected = detail::expect_line(ctx, env, line);
    if (!expected) continue;
    const model::Money short_by = expected->expected_paid - line.paid;
    if (short_by <= detail::tolerance(settings, expected->expected_paid)) continue;
    auto f = detail::make_finding(ctx, rule_id::underpaid, "underpayment", static_cast<int>(i + 1));
    for (const auto& a : line.adjustments)
      if (a.group != model::AdjustmentGroup::patient) detail::add_unique(f.carc, a.reason);
    f.amount = short_by;
    f.action = std::string(env.config.category("underpayment").action);
    f.message = fmt::format("Line {} ({}) underpaid: paid {}, fee schedule allows {} less {} patient share; short {}.",
                            i + 1, line.billed_procedure().code, detail::money_text(line.paid),
                            detail::money_text(expected->expected_allowed),
                            detail::money_text(expected->expected_allowed - expected->expected_paid),
                            detail::money_text(short_by));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
