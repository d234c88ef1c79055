#pragma once
// 837P balancing and situational rules (SNIP 3 and 4) that no element spec can say:
// CLM02 equals the sum of the claim's SV102 charges; SV107 diagnosis pointers point at
// diagnoses the claim's HI carries; the patient loop (2000C) is present exactly when the
// patient is not the subscriber (SBR02 = 18 means self); REF*F8 is sent exactly when the
// claim frequency (CLM05-3) is 7 or 8. Coordination of benefits: a 2320 whose payer adjudicated
// the claim (claim-level CAS) carries AMT*D; a payer that adjudicated the claim (AMT*D) with no
// 2430 line of its own dates its adjudication (2330B DTP*573); every 2430 SVD01 names the NM109
// of one of the claim's 2330B other payers.

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
  // The claim's other payers (2320/2330B) and the payers of its 2430 lines.
  struct OtherPayer {
    std::string id;         // 2330B NM109
    bool adjusted = false;  // 2320 CAS
    bool paid = false;      // 2320 AMT*D
    bool dated = false;     // 2330B DTP*573
    SegmentRef ref;         // its SBR
  };
  std::vector<OtherPayer> other_payers_;
  bool in_other_payer_ = false;
  std::vector<std::string> line_payers_;  // 2430 SVD01
};

}  // namespace clearhouse::x12::spec
