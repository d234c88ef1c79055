// codes.unknown: a CARC, RARC, CAS group or CLP02 code the tables do not know, or a CARC used
// after its retirement date. A warning that keeps the raw code; never a failure, and the
// adjustment is still categorised (the default bucket for an unknown CARC).
#include <fmt/format.h>

#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {
namespace {

void check_adjustments(const ClaimContext& ctx, const RuleEnvironment& env, const std::vector<model::Adjustment>& list,
                       int line_number, Findings& out) {
  const auto& codes = env.config.codes;
  for (const auto& a : list) {
    const CarcEntry* carc = codes.carc.find(a.reason);
    const bool unknown_group = a.group == model::AdjustmentGroup::unknown;
    const bool retired = carc != nullptr && carc->retired_on(ctx.remittance_date);
    if (carc != nullptr && !unknown_group && !retired) continue;
    auto f = detail::make_finding(ctx, rule_id::unknown_codes, "unknown_code", line_number);
    f.carc.push_back(a.reason.str());
    f.amount = a.amount;
    f.action = "none";
    if (unknown_group)
      f.message = fmt::format("Unknown CAS group code '{}' with reason {}; kept as sent.", a.group_code, a.reason);
    else if (carc == nullptr)
      f.message = fmt::format("Unknown CARC '{}' ({}-{}); kept as sent and put in the default category.", a.reason,
                              a.group_code, a.reason);
    else
      f.message = fmt::format("CARC {} was retired on {} but used on a remittance dated {}.", a.reason,
                              carc->retired.to_iso(), ctx.remittance_date.to_iso());
    out.push_back(std::move(f));
  }
}

void check_remarks(const ClaimContext& ctx, const RuleEnvironment& env, const std::vector<model::Code>& remarks,
                   int line_number, Findings& out) {
  for (const auto& r : remarks) {
    if (env.config.codes.rarc.find(r) != nullptr) continue;
    auto f = detail::make_finding(ctx, rule_id::unknown_codes, "unknown_code", line_number);
    f.rarc.push_back(r.str());
    f.action = "none";
    f.message = fmt::format("Unknown remark code '{}'; kept as sent.", r.view());
    out.push_back(std::move(f));
  }
}

}  // namespace

void unknown_codes_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr) return;
  const auto& claim = *ctx.payment;
  const auto& codes = env.config.codes;
  // Empty tables (a configuration without code files) know nothing: stay quiet rather than
  // flag every code.
  if (codes.carc.size() == 0) return;
  if (codes.claim_status.size() != 0 && codes.claim_status.find(claim.status_code) == nullptr) {
    auto f = detail::make_finding(ctx, rule_id::unknown_codes, "unknown_code");
    f.action = "none";
    f.message = fmt::format("Unknown claim status code (CLP02) '{}'; kept as sent.", claim.status_code);
    out.push_back(std::move(f));
  }
  check_adjustments(ctx, env, claim.adjustments, 0, out);
  if (codes.rarc.size() != 0) {
    if (claim.outpatient) check_remarks(ctx, env, claim.outpatient->remark_codes, 0, out);
    if (claim.inpatient) check_remarks(ctx, env, claim.inpatient->remark_codes, 0, out);
  }
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const auto& line = claim.lines[i];
    check_adjustments(ctx, env, line.adjustments, static_cast<int>(i + 1), out);
    if (codes.rarc.size() == 0) continue;
    for (const auto& r : line.remarks) {
      if (r.qualifier != "HE" || codes.rarc.find(r.value) != nullptr) continue;
      auto f = detail::make_finding(ctx, rule_id::unknown_codes, "unknown_code", static_cast<int>(i + 1));
      f.rarc.push_back(r.value);
      f.action = "none";
      f.message = fmt::format("Unknown remark code '{}'; kept as sent.", r.value);
      out.push_back(std::move(f));
    }
  }
}

}  // namespace clearhouse::rules
