// Payments against the fee schedule, one pass per line (one schedule lookup each):
//   payment.underpaid               paid less than the schedule's allowed amount less the
//                                   patient's share, by more than the tolerance
//   payment.overpaid                paid more than that, by more than the tolerance (money the
//                                   payer will probably take back)
//   payment.allowed_below_schedule  the payer's allowed amount (AMT*B6) is below the schedule:
//                                   the contract was priced wrong even if the payment follows it
// Unpaid (denied) lines are left to the denial rules; secondary payments (CLP02 2/3, or a claim
// we sent with SBR01 S/T), reversals and claims carrying a prior payer's adjustment are not
// compared. Each id has its own switch.
#include <fmt/format.h>

#include "engine/rules/detail/expected_payment.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void fee_schedule_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (!detail::comparable_claim(ctx, env)) return;
  const auto& under = env.config.rule_at(rule_id::slot<rule_id::underpaid>);
  const auto& over = env.config.rule_at(rule_id::slot<rule_id::overpaid>);
  const auto& allowed = env.config.rule_at(rule_id::slot<rule_id::allowed_below_schedule>);
  const auto& lines = ctx.payment->lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (line.paid.is_zero()) continue;
    const auto expected = detail::expect_line(ctx, env, line);
    if (!expected) continue;
    const int number = static_cast<int>(i + 1);
    const std::string_view code = line.billed_procedure().code;
    const model::Money patient = expected->expected_allowed - expected->expected_paid;

    const model::Money short_by = expected->expected_paid - line.paid;
    if (under.enabled && short_by > detail::tolerance(under, expected->expected_paid)) {
      auto f = detail::make_finding(ctx, rule_id::underpaid, "underpayment", number);
      for (const auto& a : line.adjustments)
        if (a.group != model::AdjustmentGroup::patient) detail::add_unique(f.carc, a.reason);
      f.amount = short_by;
      f.action = std::string(env.config.category("underpayment").action);
      f.message = fmt::format("Line {} ({}) underpaid: paid {}, fee schedule allows {} less {} patient share; short {}.",
                              number, code, detail::money_text(line.paid), detail::money_text(expected->expected_allowed),
                              detail::money_text(patient), detail::money_text(short_by));
      out.push_back(std::move(f));
    }
    const model::Money over_by = line.paid - expected->expected_paid;
    if (over.enabled && over_by > detail::tolerance(over, expected->expected_paid)) {
      auto f = detail::make_finding(ctx, rule_id::overpaid, "overpayment", number);
      f.amount = over_by;
      f.action = std::string(env.config.category("overpayment").action);
      f.message = fmt::format("Line {} ({}) overpaid: paid {}, fee schedule allows {} less {} patient share; over by {}.",
                              number, code, detail::money_text(line.paid), detail::money_text(expected->expected_allowed),
                              detail::money_text(patient), detail::money_text(over_by));
      out.push_back(std::move(f));
    }
    if (allowed.enabled && line.allowed) {
      const model::Money below_by = expected->expected_allowed - *line.allowed;
      if (below_by > detail::tolerance(allowed, expected->expected_allowed)) {
        auto f = detail::make_finding(ctx, rule_id::allowed_below_schedule, "underpayment", number);
        f.amount = below_by;
        f.action = std::string(env.config.category("underpayment").action);
        f.message = fmt::format("Line {} ({}): payer allowed {} (AMT*B6), fee schedule allows {}; below by {}.", number,
                                code, detail::money_text(*line.allowed), detail::money_text(expected->expected_allowed),
                                detail::money_text(below_by));
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace clearhouse::rules
