#include "engine/reconcile/balance.hpp"

#include <fmt/format.h>

#include "engine/model/remittance_balancer.hpp"

namespace clearhouse::reconcile {
namespace {

using model::Money;

std::string amount(Money m) { return model::to_display_amount(m); }

// An amount as the balancer takes it: unknown when the reader could not read it (that is a
// finding of its own; balancing a made-up 0 would report a false imbalance).
model::RemittanceBalancer::Amount known(Money m, bool unread) {
  return unread ? std::nullopt : model::RemittanceBalancer::Amount(m);
}

// The adjustments as read, and one unknown for those that could not be.
void adjust(model::RemittanceBalancer& b, const std::vector<model::Adjustment>& adjustments, bool unread) {
  for (const auto& a : adjustments) b.adjustment(a.amount);
  if (unread) b.adjustment(std::nullopt);
}

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

BalanceCounts check_balance(const model::Remittance& r, std::vector<model::Finding>& findings) {
  BalanceCounts counts;
  model::RemittanceBalancer b;
  b.payment(known(r.payment.total, r.unread.payment));  // no BPR at all reads as a payment of 0
  for (const auto& claim : r.claims) {
    b.open_claim(known(claim.billed, claim.unread.charge), known(claim.paid, claim.unread.payment));
    adjust(b, claim.adjustments, claim.unread.adjustment);
    int line_number = 0;
    for (const auto& line : claim.lines) {
      ++line_number;
      b.open_line(known(line.billed, line.unread.charge), known(line.paid, line.unread.payment));
      adjust(b, line.adjustments, line.unread.adjustment);
      const auto balance = b.close_line();
      if (!balance || balance->balances()) continue;
      ++counts.lines;
      auto f = balance_finding(r, "balance.line", balance->off());
      f.claim_id = claim.patient_control_number;
      f.line_number = line_number;
      f.line_control_number = line.line_control_number;
      for (const auto& a : line.adjustments) f.carc.push_back(a.reason.str());
      f.message = fmt::format("service line {} ({}) does not balance: billed {} - paid {} != adjustments {} (off by {})",
                              line_number, line.procedure.to_string(), amount(balance->billed), amount(balance->paid),
                              amount(balance->adjusted), amount(balance->off()));
      f.location.segment = line.segment;
      f.location.segment_id = "SVC";
      f.location.loop = "2110";
      findings.push_back(std::move(f));
    }
    const auto balance = b.close_claim();
    if (!balance || balance->balances()) continue;
    ++counts.claims;
    auto f = balance_finding(r, "balance.claim", balance->off());
    f.claim_id = claim.patient_control_number;
    for (const auto& a : claim.adjustments) f.carc.push_back(a.reason.str());
    f.message = fmt::format("claim does not balance: billed {} - paid {} != claim and line adjustments {} (off by {})",
                            amount(balance->billed), amount(balance->paid), amount(balance->adjusted),
                            amount(balance->off()));
    f.location.segment = claim.segment;
    f.location.offset = claim.offset;
    f.location.segment_id = "CLP";
    f.location.loop = "2100";
    findings.push_back(std::move(f));
  }
  for (const auto& p : r.provider_adjustments) b.provider_adjustment(p.amount);
  if (r.unread.adjustment) b.provider_adjustment(std::nullopt);
  const auto balance = b.finish();
  if (balance && !balance->balances()) {
    ++counts.remittances;
    auto f = balance_finding(r, "balance.remittance", balance->off());
    f.message = fmt::format("remittance does not balance: BPR02 {} != claims paid {} - provider adjustments {} (off by {})",
                            amount(balance->payment), amount(balance->claims_paid),
                            amount(balance->provider_adjustments), amount(balance->off()));
    f.location.segment = r.payment.segment != 0 ? r.payment.segment : r.segment;
    f.location.segment_id = r.payment.segment != 0 ? "BPR" : "ST";
    f.location.loop = "header";
    f.location.element = r.payment.segment != 0 ? 2 : 0;
    findings.push_back(std::move(f));
  }
  return counts;
}

}  // namespace clearhouse::reconcile
