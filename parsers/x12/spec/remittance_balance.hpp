#pragma once
// 835 balancing (SNIP 3) in the validator: feeds the segments' amounts to
// model::RemittanceBalancer (the rules: lines, claims, the transaction) and reports what does
// not balance as I12 on SVC03, CLP04 or BPR02. A value that is not an amount is an element
// error already and switches the checks it takes part in off.

#include <string_view>

#include "engine/model/remittance_balancer.hpp"
#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

class RemittanceBalance {
 public:
  void start();
  void on_loop_closed(std::string_view loop_id, FindingSink& sink);
  // Inline: most segments of an 835 (NM1, DTM, REF, AMT...) hold no amount it balances.
  void on_segment(const SegmentContext& ctx, FindingSink& sink) {
    if (ctx.spec == nullptr) return;
    switch (ctx.key) {
      case segment_key("BPR"): on_payment(ctx); break;
      case segment_key("CLP"): on_claim(ctx, sink); break;
      case segment_key("SVC"): on_line(ctx, sink); break;
      case segment_key("CAS"): on_adjustments(ctx.segment); break;
      case segment_key("PLB"): on_provider_adjustments(ctx.segment); break;
      default: break;
    }
  }
  void finish(FindingSink& sink);

 private:
  void on_payment(const SegmentContext& ctx);
  void on_claim(const SegmentContext& ctx, FindingSink& sink);
  void on_line(const SegmentContext& ctx, FindingSink& sink);
  void on_adjustments(const Segment& cas);
  void on_provider_adjustments(const Segment& plb);
  void close_line(FindingSink& sink);
  void close_claim(FindingSink& sink);

  model::RemittanceBalancer balancer_;
  SegmentRef payment_ref_, claim_ref_, line_ref_;
};

}  // namespace clearhouse::x12::spec
