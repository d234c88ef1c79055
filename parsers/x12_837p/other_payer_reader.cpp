// The 837P reader's coordination of benefits: the claim's other payers (2320 SBR, CAS, AMT*D/
// A8/EAF, OI; 2330A NM1*IL, N3/N4; 2330B NM1*PR, N3/N4, DTP*573, REF*F8; 2330C-2330G NM1 + the
// first REF) and the earlier payers' line adjudications (2430 SVD, CAS, DTP*573, AMT*EAF).
// What the writer does not send (2320 MOA, 2330A REF*SY, 2330B REF*2U/EI/G1/9F/T4, 2440 LQ/FRM)
// is skipped.
#include "engine/model/claim.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::x12_837p {
namespace {

bool is_other_payer_provider(std::string_view entity) {
  return entity == "DN" || entity == "P3" || entity == "82" || entity == "77" || entity == "DQ" || entity == "85";
}

}  // namespace

void Claim837pReader::read_adjustments(const x12::Segment& s, std::vector<model::Adjustment>& out) {
  const std::string_view group = s[1];
  for (std::size_t k = 2; k + 1 <= 19; k += 3) {
    if (s[k].empty()) continue;
    model::Adjustment a;
    a.group = model::adjustment_group_from_code(group);
    a.group_code = model::Code(group);
    a.reason = model::Code(s[k]);
    if (auto m = x12::grammar::parse_amount(s[k + 1])) a.amount = *m;
    else invalid(s, static_cast<int>(k + 1), "an amount");
    if (!s[k + 2].empty()) {
      if (auto q = x12::grammar::parse_decimal(s[k + 2])) a.quantity = *q;
      else invalid(s, static_cast<int>(k + 2), "a decimal quantity");
    }
    out.push_back(std::move(a));
  }
}

bool Claim837pReader::read_other_payer(const x12::Segment& s) {
  const std::string_view id = s.id();
  if (id == "SBR") {  // 2320
    model::OtherCoverage o;
    o.subscriber.payer_responsibility = std::string(s[1]);
    o.relationship = std::string(s[2]);
    o.subscriber.group_number = std::string(s[3]);
    o.subscriber.group_name = std::string(s[4]);
    o.subscriber.insurance_type_code = std::string(s[5]);
    o.payer.claim_filing_indicator = std::string(s[9]);
    claim_->other_coverage.push_back(std::move(o));
    context_ = Context::other_payer;
    return true;
  }
  if (id == "SVD") {  // 2430
    if (claim_->lines.empty()) return false;
    model::LineAdjudication a;
    a.payer_id = std::string(s[1]);
    if (auto m = x12::grammar::parse_amount(s[2])) a.paid = *m;
    else invalid(s, 2, "an amount");
    a.procedure_code = std::string(s.component(3, 2));
    for (std::size_t k = 3; k <= 6; ++k) {
      const auto m = s.component(3, k);
      if (!m.empty()) a.modifiers.emplace_back(m);
    }
    if (!s[5].empty()) {
      if (auto u = x12::grammar::parse_decimal(s[5])) a.paid_units = *u;
      else invalid(s, 5, "a decimal quantity");
    }
    if (!s[6].empty()) {
      if (auto n = x12::grammar::parse_integer(s[6])) a.bundled_line = static_cast<int>(*n);
      else invalid(s, 6, "a line number");
    }
    claim_->lines.back().supplements.edit().prior_adjudications.push_back(std::move(a));
    context_ = Context::line_adjudication;
    return true;
  }
  if (context_ == Context::line_adjudication) {
    model::LineAdjudication& a = claim_->lines.back().supplements.edit().prior_adjudications.back();
    if (id == "CAS") {
      read_adjustments(s, a.adjustments);
    } else if (id == "DTP" && s[1] == "573") {
      if (auto d = d8(s, 3, s[3])) a.adjudication_date = *d;
    } else if (id == "AMT" && s[1] == "EAF") {
      if (auto m = x12::grammar::parse_amount(s[2])) a.remaining_patient_liability = *m;
      else invalid(s, 2, "an amount");
    } else {
      return false;
    }
    return true;
  }
  const bool in_2320 = context_ == Context::other_payer;
  const bool in_2330 = context_ == Context::other_subscriber || context_ == Context::other_payer_name ||
                       context_ == Context::other_payer_provider;
  if (!in_2320 && !in_2330) return false;
  model::OtherCoverage& o = claim_->other_coverage.back();
  auto adjudication = [&]() -> model::PriorAdjudication& {
    if (!o.adjudication) o.adjudication.emplace();
    return *o.adjudication;
  };
  if (id == "NM1") {
    const std::string_view entity = s[1];
    if (entity == "IL") {
      context_ = Context::other_subscriber;
      read_person(s, o.subscriber.name);
      if (s[8] == "MI") o.subscriber.member_id = std::string(s[9]);
    } else if (entity == "PR") {
      context_ = Context::other_payer_name;
      o.payer.name = std::string(s[3]);
      o.payer.id = std::string(s[9]);
    } else if (in_2330 && is_other_payer_provider(entity)) {
      context_ = Context::other_payer_provider;
      o.providers.push_back(model::OtherPayerProvider{std::string(entity), std::string(s[2]), {}, {}});
    } else {
      return false;
    }
    return true;
  }
  if (in_2320) {
    if (id == "CAS") {
      read_adjustments(s, adjudication().adjustments);
    } else if (id == "AMT") {
      const std::string_view q = s[1];
      auto amount = x12::grammar::parse_amount(s[2]);
      if (!amount) invalid(s, 2, "an amount");
      else if (q == "D") adjudication().paid = *amount;
      else if (q == "A8") adjudication().non_covered = *amount;
      else if (q == "EAF") adjudication().remaining_patient_liability = *amount;
    } else if (id == "OI") {
      o.benefits_assignment = std::string(s[3]);
      o.patient_signature_source = std::string(s[4]);
      o.release_of_information = std::string(s[6]);
    } else if (id != "MOA") {
      return false;
    }
    return true;
  }
  if (id == "N3" || id == "N4") {
    model::Address* a = context_ == Context::other_subscriber ? &o.subscriber.address
                        : context_ == Context::other_payer_name
                            ? &(o.payer.address ? *o.payer.address : o.payer.address.emplace())
                            : nullptr;
    if (a != nullptr) read_address(s, *a);
    return true;
  }
  if (id == "DTP") {
    if (context_ == Context::other_payer_name && s[1] == "573")
      if (auto d = d8(s, 3, s[3])) adjudication().adjudication_date = *d;
    return true;
  }
  if (id == "REF") {
    if (context_ == Context::other_payer_name && s[1] == "F8") {
      adjudication().payer_claim_number = std::string(s[2]);
    } else if (context_ == Context::other_payer_provider && o.providers.back().id.empty()) {
      o.providers.back().id_qualifier = std::string(s[1]);
      o.providers.back().id = std::string(s[2]);
    }
    return true;
  }
  return false;
}

}  // namespace clearhouse::x12_837p
