// payment.duplicate: the ledger holds two standing (non-reversed) payments for one claim from the
// same payer at the same level (primary twice, not primary then secondary). At stake: every
// payment after the first, which the payer will want back.
#include <fmt/format.h>

#include "engine/rules/detail/active_payments.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {

void duplicate_payment_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.history.size() < 2) return;
  const auto standing = detail::standing_postings(ctx.history);
  if (standing.size() < 2) return;
  for (int level = 0; level <= 3; ++level) {
    std::vector<const model::Posting*> paid;
    for (auto i : standing) {
      const auto& p = ctx.history[i];
      if (p.paid <= model::Money{}) continue;
      const auto kind = detail::status_kind(p.status_code, env.config);
      if (kind != ClaimStatusKind::processed && kind != ClaimStatusKind::forwarded) continue;
      if (detail::payer_level(p.status_code, env.config) != level) continue;
      paid.push_back(&p);
    }
    if (paid.size() < 2) continue;
    model::Money extra;
    for (std::size_t i = 1; i < paid.size(); ++i) extra += paid[i]->paid;
    auto f = detail::make_finding(ctx, rule_id::duplicate_payment, "duplicate_payment");
    f.amount = extra;
    f.action = std::string(env.config.category("duplicate_payment").action);
    f.message = fmt::format("Paid {} times without a reversal (first {}, then {} more); {} likely to be recouped.",
                            paid.size(), detail::money_text(paid.front()->paid), detail::money_text(extra),
                            detail::money_text(extra));
    out.push_back(std::move(f));
  }
}

}  // namespace clearhouse::rules
