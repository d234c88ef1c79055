#include "parsers/x12/spec/remittance_balance.hpp"

#include "parsers/x12_835/fast_values.hpp"  // the R amounts the 835 reader reads, the same way

namespace clearhouse::x12::spec {
namespace {

// An amount as the balancer takes it: its value and whether it could be read (not an optional:
// see x12_835::fast_amount). An empty element adds nothing (a required one is reported missing
// by the element checks).
struct Read {
  model::Money money;
  bool readable = true;
};
Read amount(std::string_view text) {
  Read a;
  if (!text.empty()) a.readable = x12_835::fast_amount(text, a.money);
  return a;
}

// I12 on the paid amount (SVC03, CLP04) of a line or claim that does not balance.
void report(FindingSink& sink, const SegmentRef& where, int paid_element, const model::AdjudicationBalance& b,
            const char* difference, const char* adjustments) {
  sink.element_finding(where, ElementRef{paid_element, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                       model::to_x12_amount(b.paid),
                       std::string(difference) + " = " + model::to_x12_amount(b.billed - b.paid) + " does not equal the " +
                           adjustments + " " + model::to_x12_amount(b.adjusted));
}

}  // namespace

void RemittanceBalance::start() { balancer_.start(); }

void RemittanceBalance::close_line(FindingSink& sink) {
  if (const auto line = balancer_.close_line(); line && !line->balances())
    report(sink, line_ref_, 3, *line, "SVC02 - SVC03", "line adjustments");
}

void RemittanceBalance::close_claim(FindingSink& sink) {
  if (balancer_.line_open()) close_line(sink);
  if (const auto claim = balancer_.close_claim(); claim && !claim->balances())
    report(sink, claim_ref_, 4, *claim, "CLP03 - CLP04", "claim and line adjustments");
}

void RemittanceBalance::on_loop_closed(std::string_view loop_id, FindingSink& sink) {
  if (loop_id == "2110") close_line(sink);
  else if (loop_id == "2100") close_claim(sink);
}

void RemittanceBalance::on_payment(const SegmentContext& ctx) {
  Read total;
  total.readable = x12_835::fast_amount(ctx.segment[2], total.money);  // an empty BPR02 is no payment to check
  balancer_.payment(total.money, total.readable);
  ctx.ref_into(payment_ref_);
}

void RemittanceBalance::on_claim(const SegmentContext& ctx, FindingSink& sink) {
  close_claim(sink);  // the loop events closed it already, unless the structure was broken
  const Read billed = amount(ctx.segment[3]), paid = amount(ctx.segment[4]);
  balancer_.open_claim(billed.money, billed.readable, paid.money, paid.readable);
  ctx.ref_into(claim_ref_);
}

void RemittanceBalance::on_line(const SegmentContext& ctx, FindingSink& sink) {
  close_line(sink);
  const Read billed = amount(ctx.segment[2]), paid = amount(ctx.segment[3]);
  balancer_.open_line(billed.money, billed.readable, paid.money, paid.readable);
  ctx.ref_into(line_ref_);
}

void RemittanceBalance::on_adjustments(const Segment& cas) {
  // CAS03, 06, ... 18: the amounts of up to six reason/amount/quantity triples.
  for (std::size_t i = 3; i <= 18; i += 3) {
    if (cas[i].empty()) continue;
    const Read a = amount(cas[i]);
    balancer_.adjustment(a.money, a.readable);
  }
}

void RemittanceBalance::on_provider_adjustments(const Segment& plb) {
  // PLB04, 06, ... 14: the amounts of up to six adjustment pairs.
  for (std::size_t i = 4; i <= 14; i += 2) {
    if (plb[i].empty()) continue;
    const Read a = amount(plb[i]);
    balancer_.provider_adjustment(a.money, a.readable);
  }
}

void RemittanceBalance::finish(FindingSink& sink) {
  close_claim(sink);
  const auto payment = balancer_.finish();
  if (!payment || payment->balances()) return;
  sink.element_finding(payment_ref_, ElementRef{2, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                       model::to_x12_amount(payment->payment),
                       "BPR02 " + model::to_x12_amount(payment->payment) +
                           " does not equal the claim payments minus the provider adjustments " +
                           model::to_x12_amount(payment->expected()));
}

}  // namespace clearhouse::x12::spec
