// denial.line: a service line the payer paid nothing for because of a non-contractual CO, PI
// or OA adjustment (a real denial, not a line that went to the deductible). Lines of a claim
// that is denied as a whole are left to denial.claim.
#include <fmt/format.h>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void denied_line_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr || detail::is_reversal(ctx)) return;
  const auto& claim = *ctx.payment;
  if (detail::status_kind(claim.status_code, env.config) == ClaimStatusKind::denied) return;
  std::vector<std::string> claim_remarks;
  bool remarks_loaded = false;

  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const auto& line = claim.lines[i];
    if (!line.paid.is_zero() || line.billed <= model::Money{}) continue;
    if (!remarks_loaded) {
      claim_remarks = detail::claim_rarcs(claim);
      remarks_loaded = true;
    }
    const auto remarks = detail::line_rarcs(line);
    AdjustmentCategory primary;
    model::Money primary_amount;
    std::vector<std::string> carcs;
    for (const auto& a : line.adjustments) {
      if (a.group == model::AdjustmentGroup::patient) continue;
      const auto c = classify_adjustment(a, remarks, claim_remarks, env.config);
      if (!c.denial) continue;
      detail::add_unique(carcs, a.reason);
      if (primary.category.empty() || a.amount > primary_amount) {
        primary = c;
        primary_amount = a.amount;
      }
    }
    if (primary.category.empty()) continue;  // nothing but patient share or expected reductions

    auto f = detail::make_finding(ctx, rule_id::denied_line, primary.category, static_cast<int>(i + 1));
    f.carc = std::move(carcs);
    for (const auto& r : remarks) detail::add_unique(f.rarc, r);
    f.amount = line.billed - detail::patient_share(line.adjustments);
    f.action = std::string(primary.action);
    f.message = fmt::format("Line {} ({}) denied: {} {} not paid.", i + 1, line.billed_procedure().code,
                            primary.carc != nullptr ? std::string_view(primary.carc->description)
                                                    : std::string_view("unknown reason code."),
                            detail::money_text(f.amount));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
