#include "engine/reconcile/balance.hpp"

#include <fmt/format.h>

namespace clearhouse::reconcile {
namespace {

using model::Money;

std::string amount(Money m) { return model::to_display_amount(m); }

model::Finding balance_finding(const model::Remittance& r, const char* rule, Money off) {
  model::Finding f;
  f.rule = rule;
  f.category = model::finding_category::unbalanced;
  f.payer_id = r.payer_id();
  f.trace_number = r.trace.reference;
  f.amount = off;
  f.action = "review the payer's adjustments; ask the payer for a corrected remittance";
  f.location.transaction = r.control_number;
  return f;
}

}  // namespace

Money line_imbalance(const model::LinePayment& line) { return line.billed - line.paid - line.adjustment_total(); }

Money claim_imbalance(const model::ClaimPayment& claim) {
  return claim.billed - claim.paid - claim.adjustment_total();
}

Money remittance_imbalance(const model::Remittance& r) {
  return r.payment.total - (r.claim_paid_total() - r.provider_adjustment_total());
}

BalanceCounts check_balance(const model::Remittance& r, std::vector<model::Finding>& findings) {
  BalanceCounts counts;
  for (const auto& claim : r.claims) {
    int line_number = 0;
    for (const auto& line : claim.lines) {
      ++line_number;
      const Money off = line_imbalance(line);
      if (off.is_zero()) continue;
      ++counts.lines;
      auto f = balance_finding(r, "balance.line", off);
      f.claim_id = claim.patient_control_number;
      f.line_number = line_number;
      f.line_control_number = line.line_control_number;
      for (const auto& a : line.adjustments) f.carc.push_back(a.reason.str());
      f.message = fmt::format("service line {} ({}) does not balance: billed {} - paid {} != adjustments {} (off by {})",
                              line_number, line.procedure.to_string(), amount(line.billed), amount(line.paid),
                              amount(line.adjustment_total()), amount(off));
      f.location.segment = line.segment;
      f.location.segment_id = "SVC";
      f.location.loop = "2110";
      findings.push_back(std::move(f));
    }
    const Money off = claim_imbalance(claim);
    if (off.is_zero()) continue;
    ++counts.claims;
    auto f = balance_finding(r, "balance.claim", off);
    f.claim_id = claim.patient_control_number;
    for (const auto& a : claim.adjustments) f.carc.push_back(a.reason.str());
    f.message = fmt::format("claim does not balance: billed {} - paid {} != claim and line adjustments {} (off by {})",
                            amount(claim.billed), amount(claim.paid), amount(claim.adjustment_total()), amount(off));
    f.location.segment = claim.segment;
    f.location.offset = claim.offset;
    f.location.segment_id = "CLP";
    f.location.loop = "2100";
    findings.push_back(std::move(f));
  }
  const Money off = remittance_imbalance(r);
  if (!off.is_zero()) {
    ++counts.remittances;
    auto f = balance_finding(r, "balance.remittance", off);
    f.message = fmt::format("remittance does not balance: BPR02 {} != claims paid {} - provider adjustments {} (off by {})",
                            amount(r.payment.total), amount(r.claim_paid_total()),
                            amount(r.provider_adjustment_total()), amount(off));
    f.location.segment = r.payment.segment != 0 ? r.payment.segment : r.segment;
    f.location.segment_id = r.payment.segment != 0 ? "BPR" : "ST";
    f.location.loop = "header";
    f.location.element = r.payment.segment != 0 ? 2 : 0;
    findings.push_back(std::move(f));
  }
  return counts;
}

}  // namespace clearhouse::reconcile
