#include "parsers/x12_837p/claim_837p_reader.hpp"

#include <fmt/format.h>

#include "engine/model/date.hpp"
#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::x12_837p {

void Claim837pReader::invalid(const x12::Segment& s, int element, std::string_view expected, bool phi) {
  x12::X12Error e;
  e.code = x12::X12Errc::invalid_value;
  e.offset = s.offset();
  e.segment = s.ordinal();
  e.segment_id = std::string(s.id());
  e.element = element;
  e.expected = std::string(expected);
  if (!phi) e.found = std::string(s[static_cast<std::size_t>(element)].substr(0, 40));
  e.detail = fmt::format("{}{:02}", s.id(), element);
  diagnostics_.report(std::move(e));
}

std::optional<model::Date> Claim837pReader::d8(const x12::Segment& s, int element, std::string_view text) {
  auto d = model::Date::parse_ccyymmdd(text);
  if (!d) invalid(s, element, "a CCYYMMDD date", true);
  return d;
}

void Claim837pReader::on_transaction_start() {
  context_ = Context::none;
  submitter_ = {};
  receiver_ = {};
  billing_ = {};
  pay_to_.reset();
  subscriber_ = {};
  payer_ = {};
  patient_ = {};
}

void Claim837pReader::read_address(const x12::Segment& s, model::Address& a) {
  if (s.id() == "N3") {
    a.line1 = std::string(s[1]);
    a.line2 = std::string(s[2]);
  } else {
    a.city = std::string(s[1]);
    a.state = std::string(s[2]);
    a.postal_code = std::string(s[3]);
    a.country = std::string(s[4]);
  }
}

model::Address* Claim837pReader::address_in_context() {
  switch (context_) {
    case Context::billing: return &billing_.address;
    case Context::pay_to: return pay_to_ ? &*pay_to_ : nullptr;
    case Context::subscriber: return &subscriber_.address;
    case Context::payer:
      if (!payer_.address) payer_.address.emplace();
      return &*payer_.address;
    case Context::patient: return &patient_.address;
    case Context::facility: return claim_ && claim_->service_facility ? &claim_->service_facility->address : nullptr;
    case Context::pick_up: return claim_ && claim_->ambulance ? &claim_->ambulance->pick_up : nullptr;
    case Context::drop_off: return claim_ && claim_->ambulance ? &claim_->ambulance->drop_off : nullptr;
    default: return nullptr;
  }
}

void Claim837pReader::read_name(const x12::Segment& s, model::Provider& p) {
  p.entity = s[2] == "2" ? model::EntityType::organization : model::EntityType::person;
  p.name = std::string(s[3]);
  if (p.entity == model::EntityType::person) {
    p.first = std::string(s[4]);
    p.middle = std::string(s[5]);
    p.suffix = std::string(s[7]);
  }
  if (s[8] == "XX") p.npi = std::string(s[9]);
}

void Claim837pReader::read_person(const x12::Segment& s, model::PersonName& n) {
  n.last = std::string(s[3]);
  n.first = std::string(s[4]);
  n.middle = std::string(s[5]);
  n.suffix = std::string(s[7]);
}

void Claim837pReader::start_claim(const x12::Segment& s) {
  finish_claim();
  model::Claim c;
  c.submitter = submitter_;
  c.receiver = receiver_;
  c.billing_provider = billing_;
  c.pay_to_address = pay_to_;
  c.subscriber = subscriber_;
  c.payer = payer_;
  c.patient = patient_;
  c.claim_id = std::string(s[1]);
  if (auto m = x12::grammar::parse_amount(s[2])) c.total_charge = *m;
  else invalid(s, 2, "an amount");
  c.place_of_service = std::string(s.component(5, 1));
  c.frequency_code = std::string(s.component(5, 3));
  c.provider_signature = std::string(s[6]);
  c.assignment = std::string(s[7]);
  c.benefits_assignment = std::string(s[8]);
  c.release_of_information = std::string(s[9]);
  if (!s[11].empty()) {
    model::Accident a;
    a.cause = std::string(s.component(11, 1));
    a.state = std::string(s.component(11, 4));
    a.country = std::string(s.component(11, 5));
    c.accident = a;
  }
  claim_ = std::move(c);
  context_ = Context::claim;
}

void Claim837pReader::finish_claim() {
  if (!claim_) return;
  ready_ = std::move(claim_);
  ready_st02_ = current_st02_;
  claim_.reset();
}

void Claim837pReader::on_segment(const x12::Segment& s) {
  const std::string_view id = s.id();
  if (claim_ && (in_other_payer() || id == "SBR" || id == "SVD") && read_other_payer(s)) return;
  if (id == "NM1") {
    const std::string_view entity = s[1];
    if (entity == "41") {
      context_ = Context::submitter;
      submitter_.name = std::string(s[3]);
      submitter_.id = std::string(s[9]);
    } else if (entity == "40") {
      context_ = Context::receiver;
      receiver_.name = std::string(s[3]);
      receiver_.id = std::string(s[9]);
    } else if (entity == "85") {
      context_ = Context::billing;
      read_name(s, billing_.provider);
    } else if (entity == "87") {
      context_ = Context::pay_to;
      pay_to_.emplace();
    } else if (entity == "IL") {
      context_ = Context::subscriber;
      read_person(s, subscriber_.name);
      if (s[8] == "MI") subscriber_.member_id = std::string(s[9]);
    } else if (entity == "PR") {
      context_ = Context::payer;
      payer_.name = std::string(s[3]);
      payer_.id = std::string(s[9]);
    } else if (entity == "QC") {
      context_ = Context::patient;
      read_person(s, patient_.name);
    } else if (claim_ && context_ != Context::line && (entity == "DN" || entity == "P3")) {
      context_ = Context::referring;
      if (!claim_->referring_provider) {
        claim_->referring_provider.emplace();
        read_name(s, *claim_->referring_provider);
      }
    } else if (claim_ && context_ != Context::line && entity == "82") {
      context_ = Context::rendering;
      claim_->rendering_provider.emplace();
      read_name(s, *claim_->rendering_provider);
    } else if (claim_ && context_ != Context::line && entity == "77") {
      context_ = Context::facility;
      claim_->service_facility.emplace();
      claim_->service_facility->name = std::string(s[3]);
      if (s[8] == "XX") claim_->service_facility->npi = std::string(s[9]);
    } else if (claim_ && claim_->lines.empty() && (entity == "PW" || entity == "45")) {  // 2310E/2310F
      if (!claim_->ambulance) claim_->ambulance.emplace();
      context_ = entity == "PW" ? Context::pick_up : Context::drop_off;
      if (entity == "45") claim_->ambulance->drop_off_name = std::string(s[3]);
    } else {
      context_ = Context::other;  // providers and parties clearhouse does not model (2310D-F, 2420x, ...)
    }
    return;
  }
  if (id == "HL") {
    finish_claim();
    const std::string_view level = s[3];
    if (level == "20") {
      billing_ = {};
      pay_to_.reset();
      subscriber_ = {};
      payer_ = {};
      patient_ = {};
    } else if (level == "22") {
      subscriber_ = {};
      payer_ = {};
      patient_ = {};
    } else if (level == "23") {
      patient_ = {};
      patient_.relationship.clear();
    }
    context_ = Context::none;
    return;
  }
  if (id == "CLM") {
    start_claim(s);
    return;
  }
  if (claim_ && read_supplement(s)) return;
  if (id == "PER") {
    if (context_ == Context::submitter) {
      submitter_.contact_name = std::string(s[2]);
      for (std::size_t k = 3; k + 1 <= 8; k += 2) {
        if (s[k] == "TE" && submitter_.phone.empty()) submitter_.phone = std::string(s[k + 1]);
        if (s[k] == "EM" && submitter_.email.empty()) submitter_.email = std::string(s[k + 1]);
      }
    }
    return;
  }
  if (id == "N3" || id == "N4") {
    model::Address* a = address_in_context();
    if (a != nullptr) read_address(s, *a);
    return;
  }
  if (id == "PRV") {
    if (s[1] == "BI" && !claim_) billing_.provider.taxonomy = std::string(s[3]);
    else if (s[1] == "PE" && context_ == Context::rendering && claim_ && claim_->rendering_provider)
      claim_->rendering_provider->taxonomy = std::string(s[3]);
    return;
  }
  if (id == "SBR") {
    subscriber_.payer_responsibility = std::string(s[1]);
    patient_.relationship = s[2] == "18" ? "18" : "";
    subscriber_.group_number = std::string(s[3]);
    subscriber_.group_name = std::string(s[4]);
    subscriber_.insurance_type_code = std::string(s[5]);
    payer_.claim_filing_indicator = std::string(s[9]);
    if (patient_.relationship.empty()) patient_.relationship = "18";  // corrected by PAT when a 2000C follows
    return;
  }
  if (id == "PAT") {
    patient_.relationship = std::string(s[1]);
    return;
  }
  if (id == "DMG") {
    model::Date* dob = context_ == Context::subscriber ? &subscriber_.birth_date
                       : context_ == Context::patient  ? &patient_.birth_date
                                                       : nullptr;
    std::string* gender = context_ == Context::subscriber ? &subscriber_.gender
                          : context_ == Context::patient  ? &patient_.gender
                                                          : nullptr;
    if (dob == nullptr) return;
    if (s[1] == "D8")
      if (auto d = d8(s, 2, s[2])) *dob = *d;
    *gender = std::string(s[3]);
    return;
  }
  if (id == "REF") {
    const std::string_view q = s[1];
    if (context_ == Context::billing && q == "EI") billing_.tax_id = std::string(s[2]);
    if (!claim_) return;
    if (context_ == Context::line) {
      if (q == "6R" && !claim_->lines.empty()) claim_->lines.back().line_control_number = std::string(s[2]);
      return;
    }
    if (context_ == Context::claim) {
      if (q == "G1") claim_->prior_authorization = std::string(s[2]);
      else if (q == "F8") claim_->original_claim_number = std::string(s[2]);
      else if (q == "9F") claim_->referral_number = std::string(s[2]);
    }
    return;
  }
  if (!claim_) return;
  if (id == "DTP") {
    const std::string_view q = s[1];
    if (context_ == Context::line && q == "472" && !claim_->lines.empty()) {
      auto& l = claim_->lines.back();
      if (s[2] == "RD8") {
        if (auto r = model::DateRange::parse_rd8(s[3])) {
          l.service_date = r->from;
          if (r->to != r->from) l.service_date_end = r->to;
        } else {
          invalid(s, 3, "a CCYYMMDD-CCYYMMDD range");
        }
      } else if (auto d = d8(s, 3, s[3])) {
        l.service_date = *d;
      }
    } else if (context_ == Context::claim && q == "431") {
      if (auto d = d8(s, 3, s[3])) claim_->onset_date = *d;
    } else if (context_ == Context::claim && q == "439") {
      if (auto d = d8(s, 3, s[3])) {
        if (!claim_->accident) claim_->accident.emplace();
        claim_->accident->date = *d;
      }
    }
    return;
  }
  if (id == "HI") {
    for (std::size_t i = 1; i <= s.size(); ++i) {
      const std::string_view q = s.component(i, 1);
      if (q == "ABK" || q == "ABF" || q == "BK" || q == "BF") claim_->diagnoses.emplace_back(s.component(i, 2));
    }
    return;
  }
  if (id == "LX") {
    model::ServiceLine l;
    if (auto n = x12::grammar::parse_integer(s[1])) l.line_number = static_cast<int>(*n);
    else invalid(s, 1, "a line number");
    l.place_of_service = claim_->place_of_service;
    claim_->lines.push_back(std::move(l));
    context_ = Context::line;
    return;
  }
  if (id == "SV1" && context_ == Context::line && !claim_->lines.empty()) {
    auto& l = claim_->lines.back();
    l.procedure_code = std::string(s.component(1, 2));
    for (std::size_t k = 3; k <= 6; ++k) {
      const auto m = s.component(1, k);
      if (!m.empty()) l.modifiers.emplace_back(m);
    }
    if (auto m = x12::grammar::parse_amount(s[2])) l.charge = *m;
    else invalid(s, 2, "an amount");
    l.unit_code = std::string(s[3]);
    if (!s[4].empty()) {
      if (auto u = x12::grammar::parse_decimal(s[4])) l.units = *u;
      else invalid(s, 4, "a decimal quantity");
    }
    if (!s[5].empty()) l.place_of_service = std::string(s[5]);
    for (std::size_t k = 1; k <= 4; ++k) {
      const auto p = s.component(7, k);
      if (p.empty()) continue;
      if (auto n = x12::grammar::parse_integer(p)) l.diagnosis_pointers.push_back(static_cast<int>(*n));
      else invalid(s, 7, "a diagnosis pointer");
    }
  }
}

bool Claim837pReader::next(model::Claim& out) {
  while (true) {
    if (ready_) {
      out = std::move(*ready_);
      ready_.reset();
      st02_ = ready_st02_;
      ++claims_read_;
      return true;
    }
    if (!reader_.next()) {
      finish_claim();
      if (ready_) continue;
      return false;
    }
    switch (reader_.role()) {
      case x12::SegmentRole::transaction_header:
        finish_claim();
        in_837_ = reader_.transaction().type == "837";
        current_st02_ = std::string(reader_.transaction().control_number);
        on_transaction_start();
        break;
      case x12::SegmentRole::transaction_body:
        if (in_837_) on_segment(reader_.segment());
        break;
      case x12::SegmentRole::transaction_trailer:
        finish_claim();
        in_837_ = false;
        break;
      default:
        break;
    }
  }
}

}  // namespace clearhouse::x12_837p
