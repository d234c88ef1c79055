#include "parsers/x12/spec/remittance_balance.hpp"

#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::x12::spec {
namespace {

bool add_amount(std::string_view text, model::Money& total) {
  if (text.empty()) return true;
  auto m = grammar::parse_amount(text);
  if (!m) return false;
  total += *m;
  return true;
}

}  // namespace

void RemittanceBalance::start() {
  valid_ = true;
  payment_.reset();
  paid_total_ = provider_adjustments_ = model::Money{};
  in_claim_ = in_line_ = false;
}

void RemittanceBalance::close_line(FindingSink& sink) {
  in_line_ = false;
  if (!line_valid_) {
    claim_valid_ = false;
    return;
  }
  line_adjustments_ += line_cas_;
  if (line_charge_ - line_paid_ != line_cas_) {
    sink.element_finding(line_ref_, ElementRef{3, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                         model::to_x12_amount(line_paid_),
                         "SVC02 - SVC03 = " + model::to_x12_amount(line_charge_ - line_paid_) +
                             " does not equal the line adjustments " + model::to_x12_amount(line_cas_));
  }
}

void RemittanceBalance::close_claim(FindingSink& sink) {
  if (in_line_) close_line(sink);
  in_claim_ = false;
  if (!claim_valid_) {
    valid_ = false;
    return;
  }
  paid_total_ += claim_paid_;
  const model::Money adjusted = claim_adjustments_ + line_adjustments_;
  if (claim_charge_ - claim_paid_ != adjusted) {
    sink.element_finding(claim_ref_, ElementRef{4, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                         model::to_x12_amount(claim_paid_),
                         "CLP03 - CLP04 = " + model::to_x12_amount(claim_charge_ - claim_paid_) +
                             " does not equal the claim and line adjustments " + model::to_x12_amount(adjusted));
  }
}

void RemittanceBalance::on_loop_closed(std::string_view loop_id, FindingSink& sink) {
  if (loop_id == "2110" && in_line_) close_line(sink);
  else if (loop_id == "2100" && in_claim_) close_claim(sink);
}

void RemittanceBalance::on_segment(const SegmentContext& ctx, FindingSink&) {
  const Segment& s = ctx.segment;
  if (ctx.spec == nullptr) return;
  if (ctx.is(segment_key("BPR"))) {
    payment_ = grammar::parse_amount(s[2]);
    payment_ref_ = ctx.ref();
  } else if (ctx.is(segment_key("CLP"))) {
    in_claim_ = true;
    claim_valid_ = true;
    claim_ref_ = ctx.ref();
    claim_charge_ = claim_paid_ = claim_adjustments_ = line_adjustments_ = model::Money{};
    claim_valid_ = add_amount(s[3], claim_charge_) && add_amount(s[4], claim_paid_);
  } else if (ctx.is(segment_key("SVC"))) {
    in_line_ = true;
    line_ref_ = ctx.ref();
    line_charge_ = line_paid_ = line_cas_ = model::Money{};
    line_valid_ = add_amount(s[2], line_charge_) && add_amount(s[3], line_paid_);
  } else if (ctx.is(segment_key("CAS"))) {
    model::Money sum;
    bool ok = true;
    for (std::size_t i = 3; i <= 18; i += 3) ok = add_amount(s[i], sum) && ok;
    if (ctx.loop_id == "2110" && in_line_) {
      line_cas_ += sum;
      line_valid_ = line_valid_ && ok;
    } else if (in_claim_) {
      claim_adjustments_ += sum;
      claim_valid_ = claim_valid_ && ok;
    }
  } else if (ctx.is(segment_key("PLB"))) {
    for (std::size_t i = 4; i <= 14; i += 2) valid_ = add_amount(s[i], provider_adjustments_) && valid_;
  }
}

void RemittanceBalance::finish(FindingSink& sink) {
  if (in_claim_) close_claim(sink);
  if (!valid_ || !payment_) return;
  const model::Money expected = paid_total_ - provider_adjustments_;
  if (*payment_ != expected) {
    sink.element_finding(payment_ref_, ElementRef{2, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                         model::to_x12_amount(*payment_),
                         "BPR02 " + model::to_x12_amount(*payment_) + " does not equal the claim payments minus the provider adjustments " +
                             model::to_x12_amount(expected));
  }
}

}  // namespace clearhouse::x12::spec
