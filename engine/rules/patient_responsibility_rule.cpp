// patient.responsibility: the patient owes part of the claim (PR adjustments): bill them, with
// the split by deductible (PR 1), coinsurance (PR 2), copay (PR 3) and other.
#include <fmt/format.h>

#include "engine/model/adjustment_totals.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void patient_responsibility_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (detail::is_reversal(ctx)) return;
  model::AdjustmentTotals totals;
  if (ctx.posting != nullptr) {
    totals = ctx.posting->adjustments;
  } else if (ctx.payment != nullptr) {
    for (const auto& a : ctx.payment->adjustments) totals.add(a);
    for (const auto& l : ctx.payment->lines)
      for (const auto& a : l.adjustments) totals.add(a);
  } else {
    return;
  }
  const model::Money owed = totals.patient_responsibility();
  if (owed <= model::Money{}) return;
  auto f = detail::make_finding(ctx, rule_id::patient_responsibility, "patient_responsibility");
  f.amount = owed;
  f.action = std::string(env.config.category("patient_responsibility").action);
  if (ctx.payment != nullptr) {
    for (const auto& a : ctx.payment->adjustments)
      if (a.group == model::AdjustmentGroup::patient) detail::add_unique(f.carc, a.reason);
    for (const auto& l : ctx.payment->lines)
      for (const auto& a : l.adjustments)
        if (a.group == model::AdjustmentGroup::patient) detail::add_unique(f.carc, a.reason);
  }
  f.message = fmt::format("Patient owes {}: deductible {}, coinsurance {}, copay {}, other {}.", detail::money_text(owed),
                          detail::money_text(totals.deductible), detail::money_text(totals.coinsurance),
                          detail::money_text(totals.copay), detail::money_text(totals.other_patient));
  out.push_back(std::move(f));
}

}  // namespace clearhouse::rules
