// denial.claim: the payer denied the whole claim (CLP02 = 4). The category comes from the
// largest non-patient adjustment (claim or line CAS) through the CARC/RARC tables; the cents at
// stake are what the payer did not pay and the patient does not owe.
#include <fmt/format.h>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void denied_claim_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr || detail::is_reversal(ctx)) return;
  const auto& claim = *ctx.payment;
  if (detail::status_kind(claim.status_code, env.config) != ClaimStatusKind::denied) return;

  const auto claim_remarks = detail::claim_rarcs(claim);
  AdjustmentCategory primary;
  model::Money primary_amount = model::Money::from_cents(-1);
  model::Money patient;
  std::vector<std::string> carcs, rarcs;
  auto consider = [&](const model::Adjustment& a, std::span<const std::string> line_remarks) {
    if (a.group == model::AdjustmentGroup::patient) {
      patient += a.amount;
      return;
    }
    const auto c = classify_adjustment(a, line_remarks, claim_remarks, env.config);
    detail::add_unique(carcs, a.reason);
    if (c.rarc != nullptr) detail::add_unique(rarcs, c.rarc->code);
    // Prefer a denial reason over an expected reduction, then the larger amount.
    const bool better = primary.category.empty() || (c.denial && !primary.denial) ||
                        (c.denial == primary.denial && a.amount > primary_amount);
    if (better) {
      primary = c;
      primary_amount = a.amount;
    }
  };
  for (const auto& a : claim.adjustments) consider(a, {});
  for (const auto& line : claim.lines) {
    const auto remarks = detail::line_rarcs(line);
    for (const auto& a : line.adjustments) consider(a, remarks);
    for (const auto& r : remarks) detail::add_unique(rarcs, r);
  }
  for (const auto& r : claim_remarks) detail::add_unique(rarcs, r);
  if (primary.category.empty()) primary = classify_reason("", {}, claim_remarks, env.config);  // no CAS at all

  auto f = detail::make_finding(ctx, rule_id::denied_claim, primary.category);
  f.carc = std::move(carcs);
  f.rarc = std::move(rarcs);
  f.amount = claim.billed - claim.paid - patient;
  if (f.amount < model::Money{}) f.amount = model::Money{};
  f.action = std::string(primary.action);
  const std::string_view why = primary.carc != nullptr ? std::string_view(primary.carc->description)
                                                       : std::string_view("no known reason code");
  f.message = fmt::format("Claim denied: {} {} not paid{}.", why, detail::money_text(f.amount),
                          primary.appealable ? "" : " (not appealable)");
  out.push_back(std::move(f));
}

}  // namespace clearhouse::rules
