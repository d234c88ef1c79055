#pragma once
// 835 balancing (SNIP 3): each service line SVC02 - SVC03 = its CAS amounts; each claim
// CLP03 - CLP04 = its claim and line CAS amounts; the transaction BPR02 = sum of CLP04 minus
// the PLB provider adjustments. Amounts are exact cents; a value that is not an amount is an
// element error already and switches that check off.

#include <optional>
#include <string>

#include "engine/model/money.hpp"
#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

class RemittanceBalance {
 public:
  void start();
  void on_loop_closed(std::string_view loop_id, FindingSink& sink);
  void on_segment(const SegmentContext& ctx, FindingSink& sink);
  void finish(FindingSink& sink);

 private:
  void close_line(FindingSink& sink);
  void close_claim(FindingSink& sink);

  bool valid_ = true;  // every amount of the transaction parsed
  std::optional<model::Money> payment_;
  SegmentRef payment_ref_;
  model::Money paid_total_, provider_adjustments_;
  // Claim (2100).
  bool in_claim_ = false, claim_valid_ = true;
  SegmentRef claim_ref_;
  model::Money claim_charge_, claim_paid_, claim_adjustments_, line_adjustments_;
  // Service line (2110).
  bool in_line_ = false, line_valid_ = true;
  SegmentRef line_ref_;
  model::Money line_charge_, line_paid_, line_cas_;
};

}  // namespace clearhouse::x12::spec
