#pragma once
// What the fee schedule says a service line should have been paid: the expected allowed amount
// (unit amount x units, capped at the billed charge) less the patient's share. Lines that were
// denied, reversed or adjudicated as secondary (a prior payer's payment lowers the amount) are
// not compared: the denial rules and coordination of benefits explain those.

#include <optional>

#include "engine/model/claim_payment.hpp"
#include "engine/rules/claim_context.hpp"
#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::rules::detail {

struct LineExpectation {
  model::Money expected_allowed;  // from the schedule, capped at the line's charge
  model::Money expected_paid;     // expected_allowed - patient share
};

// True when the claim payment can be compared with the fee schedule at all.
inline bool comparable_claim(const ClaimContext& ctx, const RuleEnvironment& env) {
  if (ctx.payment == nullptr || env.fees == nullptr || env.fees->empty() || is_reversal(ctx)) return false;
  const auto& claim = *ctx.payment;
  const auto kind = status_kind(claim.status_code, env.config);
  if (kind != ClaimStatusKind::processed && kind != ClaimStatusKind::forwarded) return false;
  if (payer_level(claim.status_code, env.config) > 1) return false;
  // A claim we sent as the next payer's (SBR01 S or T): its fee schedule is not the primary's.
  if (ctx.submitted != nullptr && !ctx.submitted->payer_level.empty() && ctx.submitted->payer_level != "P") return false;
  return !has_prior_payer_adjustment(claim);
}

inline std::optional<LineExpectation> expect_line(const ClaimContext& ctx, const RuleEnvironment& env,
                                                  const model::LinePayment& line) {
  if (line.billed <= model::Money{}) return std::nullopt;
  const auto& proc = line.billed_procedure();
  const std::string_view modifier = proc.modifiers.empty() ? std::string_view{} : std::string_view(proc.modifiers.front());
  auto allowed = env.fees->expected_allowed(ctx.payer_id, proc.code, modifier, line.units);
  if (!allowed) return std::nullopt;
  if (*allowed > line.billed) allowed = line.billed;
  return LineExpectation{*allowed, *allowed - patient_share(line.adjustments)};
}

// The tolerance for a comparison against `expected`: max(cents, percent of expected).
inline model::Money tolerance(const RuleSettings& s, model::Money expected) {
  const auto pct = expected.cents() * s.tolerance_percent / 100;
  return model::Money::from_cents(std::max<std::int64_t>(s.tolerance_cents, pct < 0 ? -pct : pct));
}

}  // namespace clearhouse::rules::detail
