// payment.overpaid: a line paid more than the fee schedule's allowed amount less the patient's
// share, by more than the tolerance: money the payer will probably take back.
#include <fmt/format.h>

#include "engine/rules/detail/expected_payment.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void overpayment_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (!detail::comparable_claim(ctx, env)) return;
  const auto& settings = env.config.rule(rule_id::overpaid);
  const auto& lines = ctx.payment->lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto expected = detail::expect_line(ctx, env, line);
    if (!expected) continue;
    const model::Money over_by = line.paid - expected->expected_paid;
    if (over_by <= detail::tolerance(settings, expected->expected_paid)) continue;
    auto f = detail::make_finding(ctx, rule_id::overpaid, "overpayment", static_cast<int>(i + 1));
    f.amount = over_by;
    f.action = std::string(env.config.category("overpayment").action);
    f.message = fmt::format("Line {} ({}) overpaid: paid {}, fee schedule allows {} less {} patient share; over by {}.",
                            i + 1, line.billed_procedure().code, detail::money_text(line.paid),
                            detail::money_text(expected->expected_allowed),
                            detail::money_text(expected->expected_allowed - expected->expected_paid),
                            detail::money_text(over_by));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
