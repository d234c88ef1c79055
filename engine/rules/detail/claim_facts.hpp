#pragma once
// Small facts several rules need about a claim payment: what its CLP02 means, the remark codes
// of a line or claim, the patient's share of a line, and a finding pre-filled for the claim.

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/claim_payment.hpp"
#include "engine/model/finding.hpp"
#include "engine/rules/claim_context.hpp"
#include "engine/rules/code_tables.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::rules::detail {

// CLP02 through the claim status table; the 5010 meanings when the table lacks the code.
inline ClaimStatusKind status_kind(std::string_view code, const RulesConfig& config) {
  if (const auto* e = config.codes.claim_status.find(code)) return e->kind;
  if (code == "1" || code == "2" || code == "3") return ClaimStatusKind::processed;
  if (code == "4") return ClaimStatusKind::denied;
  if (model::processed_and_forwarded(code)) return ClaimStatusKind::forwarded;
  if (code == "22") return ClaimStatusKind::reversal;
  if (code == "23") return ClaimStatusKind::not_our_claim;
  if (code == "25") return ClaimStatusKind::predetermination;
  return ClaimStatusKind::unknown;
}

// 1 primary, 2 secondary, 3 tertiary (0 unknown).
inline int payer_level(std::string_view code, const RulesConfig& config) {
  if (const auto* e = config.codes.claim_status.find(code)) return e->level;
  if (code == "1" || code == "19") return 1;
  if (code == "2" || code == "20") return 2;
  if (code == "3" || code == "21") return 3;
  return 0;
}

inline bool is_reversal(const ClaimContext& ctx) {
  return (ctx.posting != nullptr && ctx.posting->reversal) ||
         (ctx.payment != nullptr && ctx.payment->status_code == "22");
}

// The line's remark codes (LQ*HE), in order.
inline std::vector<std::string> line_rarcs(const model::LinePayment& line) {
  std::vector<std::string> out;
  for (const auto& r : line.remarks)
    if (r.qualifier == "HE") out.push_back(r.value);
  return out;
}

// The claim's remark codes (MOA for professional claims, MIA for institutional).
inline std::vector<std::string> claim_rarcs(const model::ClaimPayment& claim) {
  std::vector<std::string> out;
  if (claim.outpatient) out.insert(out.end(), claim.outpatient->remark_codes.begin(), claim.outpatient->remark_codes.end());
  if (claim.inpatient) out.insert(out.end(), claim.inpatient->remark_codes.begin(), claim.inpatient->remark_codes.end());
  return out;
}

inline model::Money patient_share(const std::vector<model::Adjustment>& adjustments) {
  model::Money sum;
  for (const auto& a : adjustments)
    if (a.group == model::AdjustmentGroup::patient) sum += a.amount;
  return sum;
}

inline bool has_prior_payer_adjustment(const model::ClaimPayment& claim) {
  auto prior = [](const model::Adjustment& a) { return a.reason == "23"; };
  for (const auto& a : claim.adjustments)
    if (prior(a)) return true;
  for (const auto& l : claim.lines)
    for (const auto& a : l.adjustments)
      if (prior(a)) return true;
  return false;
}

inline std::string_view claim_id(const ClaimContext& ctx) {
  if (ctx.payment != nullptr) return ctx.payment->patient_control_number;
  if (ctx.posting != nullptr) return ctx.posting->claim_id;
  if (ctx.submitted != nullptr) return ctx.submitted->claim_id;
  if (!ctx.history.empty()) return ctx.history.back().claim_id;
  return {};
}

// A finding of `rule` on this claim (line 0 = claim level), severity warning: the rules never
// reject input, they say what to work.
inline model::Finding make_finding(const ClaimContext& ctx, std::string_view rule, std::string_view category,
                                   int line_number = 0) {
  model::Finding f;
  f.rule = std::string(rule);
  f.category = std::string(category);
  f.severity = model::FindingSeverity::warning;
  f.claim_id = std::string(claim_id(ctx));
  f.line_number = line_number;
  if (line_number > 0 && ctx.payment != nullptr && static_cast<std::size_t>(line_number) <= ctx.payment->lines.size())
    f.line_control_number = ctx.payment->lines[static_cast<std::size_t>(line_number) - 1].line_control_number;
  f.payer_id = std::string(ctx.payer_id);
  f.trace_number = std::string(ctx.trace_number);
  if (ctx.payment != nullptr) {
    f.location.segment = ctx.payment->segment;
    f.location.offset = ctx.payment->offset;
    f.location.segment_id = "CLP";
    f.location.loop = "2100";
  }
  return f;
}

inline void add_unique(std::vector<std::string>& v, std::string_view code) {
  if (code.empty()) return;
  for (const auto& c : v)
    if (c == code) return;
  v.emplace_back(code);
}

inline std::string money_text(model::Money m) { return model::to_display_amount(m); }

}  // namespace clearhouse::rules::detail
