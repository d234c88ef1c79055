#include "parsers/x12/spec/remittance_balance.hpp"

#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::x12::spec {
namespace {

// An empty element adds nothing (a required one is reported missing by the element checks).
model::RemittanceBalancer::Amount amount(std::string_view text) {
  if (text.empty()) return model::Money{};
  return grammar::parse_amount(text);
}

}  // namespace

void RemittanceBalance::start() { balancer_.start(); }

void RemittanceBalance::close_line(FindingSink& sink) {
  const auto line = balancer_.close_line();
  if (!line || line->balances()) return;
  sink.element_finding(line_ref_, ElementRef{3, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                       model::to_x12_amount(line->paid),
                       "SVC02 - SVC03 = " + model::to_x12_amount(line->billed - line->paid) +
                           " does not equal the line adjustments " + model::to_x12_amount(line->adjusted));
}

void RemittanceBalance::close_claim(FindingSink& sink) {
  if (balancer_.line_open()) close_line(sink);
  const auto claim = balancer_.close_claim();
  if (!claim || claim->balances()) return;
  sink.element_finding(claim_ref_, ElementRef{4, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                       model::to_x12_amount(claim->paid),
                       "CLP03 - CLP04 = " + model::to_x12_amount(claim->billed - claim->paid) +
                           " does not equal the claim and line adjustments " + model::to_x12_amount(claim->adjusted));
}

void RemittanceBalance::on_loop_closed(std::string_view loop_id, FindingSink& sink) {
  if (loop_id == "2110") close_line(sink);
  else if (loop_id == "2100") close_claim(sink);
}

void RemittanceBalance::on_segment(const SegmentContext& ctx, FindingSink& sink) {
  const Segment& s = ctx.segment;
  if (ctx.spec == nullptr) return;
  if (ctx.is(segment_key("BPR"))) {
    balancer_.payment(grammar::parse_amount(s[2]));
    payment_ref_ = ctx.ref();
  } else if (ctx.is(segment_key("CLP"))) {
    close_claim(sink);  // the loop events closed it already, unless the structure was broken
    balancer_.open_claim(amount(s[3]), amount(s[4]));
    claim_ref_ = ctx.ref();
  } else if (ctx.is(segment_key("SVC"))) {
    close_line(sink);
    balancer_.open_line(amount(s[2]), amount(s[3]));
    line_ref_ = ctx.ref();
  } else if (ctx.is(segment_key("CAS"))) {
    // CAS03, 06, ... 18: the amounts of up to six reason/amount/quantity triples.
    for (std::size_t i = 3; i <= 18; i += 3)
      if (!s[i].empty()) balancer_.adjustment(amount(s[i]));
  } else if (ctx.is(segment_key("PLB"))) {
    // PLB04, 06, ... 14: the amounts of up to six adjustment pairs.
    for (std::size_t i = 4; i <= 14; i += 2)
      if (!s[i].empty()) balancer_.provider_adjustment(amount(s[i]));
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
