// denial.partial: the claim was paid, but part of it was denied: denial-category adjustments
// (CO/PI/OA with a CARC such as 97 or 16) on a line that was otherwise paid, or at claim level.
// Expected reductions (CO 45, sequestration, prior payer) and the patient's share are not.
#include <fmt/format.h>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {
namespace {

struct Partial {
  AdjustmentCategory primary;
  model::Money primary_amount, total;
  std::vector<std::string> carcs;
};

void consider(Partial& p, const model::Adjustment& a, std::span<const std::string> line_remarks,
              std::span<const std::string> claim_remarks, const RulesConfig& config) {
  if (a.group == model::AdjustmentGroup::patient) return;
  const auto c = classify_adjustment(a, line_remarks, claim_remarks, config);
  if (!c.denial) return;
  p.total += a.amount;
  detail::add_unique(p.carcs, a.reason);
  if (p.primary.category.empty() || a.amount > p.primary_amount) {
    p.primary = c;
    p.primary_amount = a.amount;
  }
}

}  // namespace

void partial_denial_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr || detail::is_reversal(ctx)) return;
  const auto& claim = *ctx.payment;
  const auto kind = detail::status_kind(claim.status_code, env.config);
  if (kind != ClaimStatusKind::processed && kind != ClaimStatusKind::forwarded) return;
  const auto min_amount = model::Money::from_cents(env.config.rule(rule_id::partial_denial).min_amount_cents);
  const auto claim_remarks = detail::claim_rarcs(claim);

  auto emit = [&](Partial& p, int line_number, std::span<const std::string> remarks) {
    if (p.primary.category.empty() || p.total < min_amount || p.total <= model::Money{}) return;
    const std::string what =
        line_number == 0 ? std::string("Claim")
                         : fmt::format("Line {} ({})", line_number,
                                       claim.lines[static_cast<std::size_t>(line_number) - 1].billed_procedure().code);
    auto f = detail::make_finding(ctx, rule_id::partial_denial, p.primary.category, line_number);
    f.carc = std::move(p.carcs);
    for (const auto& r : remarks) detail::add_unique(f.rarc, r);
    f.amount = p.total;
    f.action = std::string(p.primary.action);
    f.message = fmt::format("{} partly denied: {} {} not paid.", what,
                            p.primary.carc != nullptr ? std::string_view(p.primary.carc->description)
                                                      : std::string_view("unknown reason code."),
                            detail::money_text(p.total));
    out.push_back(std::move(f));
  };

  Partial claim_level;
  for (const auto& a : claim.adjustments) consider(claim_level, a, {}, claim_remarks, env.config);
  emit(claim_level, 0, claim_remarks);

  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const auto& line = claim.lines[i];
    if (line.paid <= model::Money{}) continue;  // unpaid lines belong to denial.line
    if (line.adjustments.empty()) continue;
    const auto remarks = detail::line_rarcs(line);
    Partial p;
    for (const auto& a : line.adjustments) consider(p, a, remarks, claim_remarks, env.config);
    emit(p, static_cast<int>(i + 1), remarks);
  }
}

}  // namespace clearhouse::rules
