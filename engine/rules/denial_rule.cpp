// Denials, in one pass over the claim's adjustments (each classified once by CARC + RARC):
//   denial.claim    the payer denied the whole claim (CLP02 = 4); the category comes from the
//                   largest non-patient adjustment; at stake: what was not paid and the patient
//                   does not owe
//   denial.line     a line paid nothing because of a non-contractual CO, PI or OA adjustment
//                   (a real denial, not a line that went to the deductible); lines of a denied
//                   claim are left to denial.claim
//   denial.partial  a paid claim or line lost part of its payment to a denial-category
//                   adjustment (CO 97, CO 16, ...) rather than an expected reduction (CO 45)
// Each id has its own switch in rules.json.
#include <fmt/format.h>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {
namespace {

// The denial-category adjustments of one line (or of the claim level).
struct DenialSum {
  AdjustmentCategory primary;  // the largest denial adjustment's reading
  model::Money primary_amount, total, patient;
  std::vector<std::string> carcs;

  void add(const model::Adjustment& a, std::span<const std::string> line_remarks,
           std::span<const std::string> claim_remarks, const RulesConfig& config) {
    if (a.group == model::AdjustmentGroup::patient) {
      patient += a.amount;
      return;
    }
    const auto c = classify_adjustment(a, line_remarks, claim_remarks, config);
    if (!c.denial) return;
    total += a.amount;
    detail::add_unique(carcs, a.reason);
    if (primary.category.empty() || a.amount > primary_amount) {
      primary = c;
      primary_amount = a.amount;
    }
  }
  bool any() const { return !primary.category.empty(); }
};

std::string_view describe(const AdjustmentCategory& c) {
  if (c.rarc != nullptr && c.carc != nullptr && c.carc->refine_with_rarc) return c.rarc->description;
  if (c.carc != nullptr) return c.carc->description;
  return "no known reason code.";
}

void denied_claim(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  const auto& claim = *ctx.payment;
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
  f.message = fmt::format("Claim denied: {} {} not paid{}.", describe(primary), detail::money_text(f.amount),
                          primary.appealable ? "" : " (not appealable)");
  out.push_back(std::move(f));
}

}  // namespace

void denial_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr || detail::is_reversal(ctx)) return;
  const auto& claim = *ctx.payment;
  const auto& config = env.config;
  const auto kind = detail::status_kind(claim.status_code, config);
  if (kind == ClaimStatusKind::denied) {
    if (config.rule_at(rule_id::slot<rule_id::denied_claim>).enabled) denied_claim(ctx, env, out);
    return;
  }
  if (kind != ClaimStatusKind::processed && kind != ClaimStatusKind::forwarded) return;
  const bool lines_on = config.rule_at(rule_id::slot<rule_id::denied_line>).enabled;
  const auto& partial = config.rule_at(rule_id::slot<rule_id::partial_denial>);
  const auto min_partial = model::Money::from_cents(partial.min_amount_cents);
  const auto claim_remarks = detail::claim_rarcs(claim);

  auto emit_partial = [&](DenialSum& s, int line_number, std::span<const std::string> remarks) {
    if (!partial.enabled || !s.any() || s.total < min_partial || s.total <= model::Money{}) return;
    auto f = detail::make_finding(ctx, rule_id::partial_denial, s.primary.category, line_number);
    f.carc = std::move(s.carcs);
    for (const auto& r : remarks) detail::add_unique(f.rarc, r);
    f.amount = s.total;
    f.action = std::string(s.primary.action);
    const std::string what =
        line_number == 0 ? std::string("Claim")
                         : fmt::format("Line {} ({})", line_number,
                                       claim.lines[static_cast<std::size_t>(line_number) - 1].billed_procedure().code);
    f.message = fmt::format("{} partly denied: {} {} not paid.", what, describe(s.primary), detail::money_text(s.total));
    out.push_back(std::move(f));
  };

  if (!claim.adjustments.empty()) {
    DenialSum s;
    for (const auto& a : claim.adjustments) s.add(a, {}, claim_remarks, config);
    emit_partial(s, 0, claim_remarks);
  }
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const auto& line = claim.lines[i];
    if (line.adjustments.empty()) continue;
    const bool unpaid = line.paid.is_zero() && line.billed > model::Money{};
    if (unpaid ? !lines_on : (!partial.enabled || line.paid < model::Money{})) continue;
    const auto remarks = detail::line_rarcs(line);
    DenialSum s;
    for (const auto& a : line.adjustments) s.add(a, remarks, claim_remarks, config);
    if (!unpaid) {
      emit_partial(s, static_cast<int>(i + 1), remarks);
      continue;
    }
    if (!s.any()) continue;  // nothing but the patient's share or expected reductions
    auto f = detail::make_finding(ctx, rule_id::denied_line, s.primary.category, static_cast<int>(i + 1));
    f.carc = std::move(s.carcs);
    for (const auto& r : remarks) detail::add_unique(f.rarc, r);
    f.amount = line.billed - s.patient;
    f.action = std::string(s.primary.action);
    f.message = fmt::format("Line {} ({}) denied: {} {} not paid.", i + 1, line.billed_procedure().code,
                            describe(s.primary), detail::money_text(f.amount));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
