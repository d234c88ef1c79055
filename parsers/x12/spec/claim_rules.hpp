#pragma once
// 837P balancing and situational rules (SNIP 3 and 4) that no element spec can say:
// CLM02 equals the sum of the claim's SV102 charges; SV107 diagnosis pointers point at
// diagnoses the claim's HI carries; the patient loop (2000C) is present exactly when the
// patient is not the subscriber (SBR02 = 18 means self); REF*F8 is sent exactly when the
// claim frequency (CLM05-3) is 7 or 8. Coordination of benefits: a 2320 whose payer adjudicated
// the claim (claim-level CAS) carries AMT*D, and every 2430 SVD01 names the NM109 of one of the
// claim's 2330B other payers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/money.hpp"
#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

class ClaimRules {
 public:
  void start();
  void on_loop_opened(std::string_view loop_id, const SegmentContext& ctx, FindingSink& sink);
  void on_loop_closed(std::string_view loop_id, FindingSink& sink);
  void on_segment(const SegmentContext& ctx, FindingSink& sink);

 private:
  void close_claim(FindingSink& sink);

  // 2000B subscriber level.
  std::string relationship_;  // SBR02
  SegmentRef subscriber_ref_;
  bool relationship_reported_ = false;
  bool in_patient_level_ = false;
  // The open claim (2300).
  bool in_claim_ = false;
  SegmentRef claim_ref_;
  std::string claim_total_text_;
  std::optional<model::Money> claim_total_;
  std::string frequency_;
  model::Money line_total_;
  bool lines_valid_ = true;
  int diagnoses_ = 0;
  bool has_original_reference_ = false;
  SegmentRef original_reference_ref_;
  // The claim's other payers (2320/2330B).
  std::vector<std::string> other_payer_ids_;  // 2330B NM109
  bool in_other_payer_ = false;
  bool other_payer_adjusted_ = false;  // 2320 CAS
  bool other_payer_paid_ = false;      // 2320 AMT*D
  SegmentRef other_payer_ref_;         // its SBR
};

}  // namespace clearhouse::x12::spec
