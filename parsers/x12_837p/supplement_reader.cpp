// The 837P reader's supplemental segments: attachments, notes, the CLIA number, the ambulance
// transport of the claim, and the authorizations, notes and drug of a line.
#include "engine/model/claim.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::x12_837p {
namespace {

// PWK02 of the DME certificate of medical necessity indicator (a line PWK*CT that is not an
// attachment).
bool is_medical_necessity_transmission(std::string_view code) {
  return code == "AB" || code == "AD" || code == "AF" || code == "AG" || code == "NS";
}

}  // namespace

bool Claim837pReader::read_supplement(const x12::Segment& s) {
  const std::string_view id = s.id();
  model::ServiceLine* line = claim_->lines.empty() ? nullptr : &claim_->lines.back();
  const bool at_claim = context_ == Context::claim;
  const bool at_line = context_ == Context::line && line != nullptr;
  // The line's supplements, created only when a segment fills them.
  auto extra = [&]() -> model::LineSupplements& { return line->supplements.edit(); };
  const bool in_drug = context_ == Context::drug && line != nullptr && line->supplements->drug.has_value();
  if (id == "PWK") {
    if (!at_claim && !at_line) return false;
    if (at_line && is_medical_necessity_transmission(s[2])) return true;
    model::Attachment a;
    a.report_type = std::string(s[1]);
    a.transmission = std::string(s[2]);
    if (s[5] == "AC") a.control_number = std::string(s[6]);
    (at_line ? extra().attachments : claim_->attachments).push_back(std::move(a));
    return true;
  }
  if (id == "NTE") {
    if (!at_claim && !at_line) return false;
    auto& note = at_line ? extra().note : claim_->note;
    if (!note) note = model::Note{std::string(s[1]), std::string(s[2])};  // the first note (a TPO note may follow)
    return true;
  }
  if (id == "REF") {
    const std::string_view q = s[1];
    if (at_claim && q == "X4") claim_->clia_number = std::string(s[2]);
    else if (at_line && q == "G1") extra().prior_authorization = std::string(s[2]);
    else if (at_line && q == "9F") extra().referral_number = std::string(s[2]);
    else if (in_drug && q == "XZ") extra().drug->prescription_number = std::string(s[2]);
    else return false;
    return true;
  }
  if (id == "CR1" && at_claim) {
    if (!claim_->ambulance) claim_->ambulance.emplace();
    auto& a = *claim_->ambulance;
    if (s[1] == "LB") {
      if (auto w = x12::grammar::parse_decimal(s[2])) a.patient_weight = *w;
      else invalid(s, 2, "a decimal weight");
    }
    a.transport_reason = std::string(s[4]);
    if (auto d = x12::grammar::parse_decimal(s[6])) a.distance = *d;
    else invalid(s, 6, "a decimal distance");
    a.round_trip_purpose = std::string(s[9]);
    a.stretcher_purpose = std::string(s[10]);
    return true;
  }
  if (id == "CRC" && at_claim && s[1] == "07") {
    if (!claim_->ambulance) claim_->ambulance.emplace();
    model::AmbulanceCertification c;
    c.answer = std::string(s[2]);
    for (std::size_t k = 3; k <= 7; ++k)
      if (!s[k].empty()) c.conditions.emplace_back(s[k]);
    claim_->ambulance->certifications.push_back(std::move(c));
    return true;
  }
  if (id == "LIN" && at_line) {
    // Only the NDC (N4) has a field; other product ids (UPC, HIBCC...) leave the line without a drug.
    if (s[2] == "N4") {
      extra().drug.emplace().ndc = std::string(s[3]);
      context_ = Context::drug;
    } else {
      context_ = Context::other;
    }
    return true;
  }
  if (id == "CTP" && in_drug) {
    model::Drug& drug = *extra().drug;
    if (auto q = x12::grammar::parse_decimal(s[4])) drug.quantity = *q;
    else invalid(s, 4, "a decimal quantity");
    drug.unit = std::string(s.component(5, 1));
    return true;
  }
  return false;
}

}  // namespace clearhouse::x12_837p
