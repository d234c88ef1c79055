#include "parsers/x12/spec/claim_rules.hpp"

#include <charconv>

#include "parsers/x12/grammar/value_grammar.hpp"
#include "parsers/x12/spec/supplement_rules.hpp"

namespace clearhouse::x12::spec {
namespace {

bool is_diagnosis_qualifier(std::string_view q) { return q == "ABK" || q == "ABF" || q == "BK" || q == "BF"; }

}  // namespace

void ClaimRules::start() {
  relationship_.clear();
  relationship_reported_ = false;
  in_patient_level_ = false;
  in_claim_ = false;
}

void ClaimRules::on_loop_opened(std::string_view loop_id, const SegmentContext& ctx, FindingSink& sink) {
  if (loop_id == "2000B") {
    relationship_.clear();
    relationship_reported_ = false;
    in_patient_level_ = false;
  } else if (loop_id == "2000C") {
    in_patient_level_ = true;
    if (relationship_ == "18") {
      sink.segment_finding(ctx.ref(), "I9", model::SnipLevel::situational,
                           "patient loop 2000C sent although SBR02 = 18 says the subscriber is the patient");
    }
  } else if (loop_id == "2300") {
    in_claim_ = true;
    claim_total_.reset();
    claim_total_text_.clear();
    frequency_.clear();
    line_total_ = model::Money{};
    lines_valid_ = true;
    diagnoses_ = 0;
    has_original_reference_ = false;
    other_payers_.clear();
    line_payers_.clear();
  } else if (loop_id == "2320") {
    in_other_payer_ = true;
    other_payers_.push_back(OtherPayer{{}, false, false, false, ctx.ref()});
  }
}

void ClaimRules::on_loop_closed(std::string_view loop_id, FindingSink& sink) {
  if (loop_id == "2320" && in_other_payer_) {
    in_other_payer_ = false;
    if (other_payers_.back().adjusted && !other_payers_.back().paid) {
      SegmentRef where = other_payers_.back().ref;
      where.id = "AMT";
      sink.segment_finding(where, "I6", model::SnipLevel::situational,
                           "the other payer adjudicated the claim (2320 CAS): AMT*D with the amount it paid is required");
    }
  }
  if (loop_id == "2300" && in_claim_) close_claim(sink);
  if (loop_id == "2000C") in_patient_level_ = false;
}

void ClaimRules::close_claim(FindingSink& sink) {
  in_claim_ = false;
  for (const OtherPayer& p : other_payers_) {
    if (!p.paid || p.dated) continue;
    bool has_lines = false;
    for (const auto& id : line_payers_) has_lines |= id == p.id;
    if (has_lines) continue;
    SegmentRef where = p.ref;
    where.id = "DTP";
    where.loop_id = "2330B";
    sink.segment_finding(where, "I6", model::SnipLevel::situational,
                         "the other payer adjudicated the claim at the claim level only (AMT*D, no 2430 line of its "
                         "own): 2330B DTP*573 with its adjudication date is required");
  }
  if (claim_total_ && lines_valid_ && *claim_total_ != line_total_) {
    sink.element_finding(claim_ref_, ElementRef{2, 0, 0, "782"}, "I12", model::SnipLevel::balancing,
                         claim_total_text_,
                         "CLM02 total charge " + claim_total_text_ + " does not equal the sum of the SV102 line charges " +
                             model::to_x12_amount(line_total_));
  }
  const bool replacement = frequency_ == "7" || frequency_ == "8";
  if (replacement && !has_original_reference_) {
    SegmentRef where = claim_ref_;
    where.id = "REF";
    sink.segment_finding(where, "I6", model::SnipLevel::situational,
                         "frequency " + frequency_ + " (replacement/void) needs REF*F8 with the payer's original claim number");
  } else if (!replacement && has_original_reference_ && !frequency_.empty()) {
    sink.segment_finding(original_reference_ref_, "I9", model::SnipLevel::situational,
                         "REF*F8 is sent only with claim frequency 7 or 8 (this claim is " + frequency_ + ")");
  }
}

void ClaimRules::on_segment(const SegmentContext& ctx, FindingSink& sink) {
  const Segment& s = ctx.segment;
  if (ctx.spec == nullptr) return;
  if (ctx.is(segment_key("SBR")) && ctx.loop_id == "2000B") {
    relationship_ = std::string(s[2]);
    ctx.ref_into(subscriber_ref_);
    return;
  }
  if (ctx.is(segment_key("CLM"))) {
    ctx.ref_into(claim_ref_);
    claim_total_text_ = std::string(s[2]);
    claim_total_ = grammar::parse_amount(s[2]);
    frequency_ = std::string(s.component(5, 3));
    if (!in_patient_level_ && relationship_ != "18" && !relationship_reported_) {
      relationship_reported_ = true;
      sink.element_finding(subscriber_ref_, ElementRef{2, 0, 0, "1069"}, "I9", model::SnipLevel::situational, {},
                           "SBR02 must be 18 when the claim is sent under the subscriber (no patient loop 2000C)");
    }
    return;
  }
  if (!in_claim_) return;
  check_supplement_segment(ctx, sink);
  if (ctx.is(segment_key("HI")) && is_diagnosis_qualifier(s.component(1, 1))) {
    for (std::size_t i = 1; i <= s.size(); ++i)
      if (is_diagnosis_qualifier(s.component(i, 1)) && !s.component(i, 2).empty()) ++diagnoses_;
    return;
  }
  if (ctx.is(segment_key("REF")) && s[1] == "F8" && ctx.loop_id == "2300") {
    has_original_reference_ = true;
    ctx.ref_into(original_reference_ref_);
    return;
  }
  if (ctx.loop_id == "2320" && !other_payers_.empty()) {
    if (ctx.is(segment_key("CAS"))) other_payers_.back().adjusted = true;
    else if (ctx.is(segment_key("AMT")) && s[1] == "D") other_payers_.back().paid = true;
    return;
  }
  if (ctx.loop_id == "2330B" && !other_payers_.empty()) {
    if (ctx.is(segment_key("NM1"))) other_payers_.back().id = std::string(s[9]);
    else if (ctx.is(segment_key("DTP")) && s[1] == "573") other_payers_.back().dated = true;
    return;
  }
  if (ctx.is(segment_key("SVD"))) {
    const std::string_view payer = s[1];
    line_payers_.emplace_back(payer);
    bool known = false;
    for (const auto& p : other_payers_) known |= p.id == payer;
    if (!known && !payer.empty())
      sink.element_finding(ctx.ref(), element_ref(ctx, 1), "I12", model::SnipLevel::situational, payer,
                           "SVD01 must be the NM109 of one of the claim's other payers (2330B)");
    return;
  }
  if (ctx.is(segment_key("SV1"))) {
    if (auto charge = grammar::parse_amount(s[2])) line_total_ += *charge;
    else lines_valid_ = false;
    const char sep = s.delimiters().component;
    int k = 0;
    for (std::string_view pointer : Split(s[7], sep)) {
      ++k;
      int n = 0;
      auto [p, ec] = std::from_chars(pointer.data(), pointer.data() + pointer.size(), n);
      if (pointer.empty() || ec != std::errc{} || p != pointer.data() + pointer.size()) continue;  // type error reported elsewhere
      if (n < 1 || n > diagnoses_) {
        sink.element_finding(ctx.ref(), ElementRef{7, k, 0, "1328"}, "7", model::SnipLevel::situational, pointer,
                             "diagnosis pointer " + std::string(pointer) + " points past the " +
                                 std::to_string(diagnoses_) + " diagnoses of the claim");
      }
    }
  }
}

}  // namespace clearhouse::x12::spec
