#include "generators/x12_276/claim_status_inquiry_writer.hpp"

namespace clearhouse::x12_276 {

void ClaimStatusInquiryWriter::open_interchange(const x12::InterchangeEnvelope& isa, const x12::GroupEnvelope& gs) {
  envelope_.open_interchange(isa);
  envelope_.open_group(gs);
}

void ClaimStatusInquiryWriter::open_transaction(const InquiryHeader& header, const model::Submitter& receiver) {
  envelope_.open_transaction("276", header.control_number, kImplementation);
  w_.begin("BHT")
      .element("0010")  // information source, receiver, provider, subscriber, dependent
      .element("13")    // request
      .element(header.reference)
      .element(header.created.to_ccyymmdd())
      .element(header.time);
  w_.end();
  receiver_ = receiver;
  transaction_open_ = true;
  inquiries_in_transaction_ = 0;
  hl_ = receiver_hl_ = provider_hl_ = subscriber_hl_ = 0;
  payer_.reset();
  provider_.reset();
  subscriber_.reset();
  dependent_.reset();
}

void ClaimStatusInquiryWriter::close_transaction() {
  envelope_.close_transaction();
  transaction_open_ = false;
}

void ClaimStatusInquiryWriter::close_interchange() {
  if (transaction_open_) close_transaction();
  envelope_.close_group();
  envelope_.close_interchange();
}

void ClaimStatusInquiryWriter::require(bool present, std::string_view segment_id, int element, const char* what) {
  if (!present) w_.fail({std::string(segment_id), element, 0, std::string(what) + " is required in a 276 and missing"});
}

void ClaimStatusInquiryWriter::hl(int id, int parent, std::string_view level, std::string_view child_code) {
  w_.begin("HL").element(static_cast<std::int64_t>(id));
  if (parent != 0) w_.element(static_cast<std::int64_t>(parent));
  else w_.empty(1);
  w_.element(level).element(child_code);
  w_.end();
}

void ClaimStatusInquiryWriter::person(std::string_view entity_id, const model::PersonName& n,
                                      std::string_view id_qualifier, std::string_view id) {
  w_.begin("NM1").element(entity_id).element("1").element(n.last).element(n.first).element(n.middle).empty(1).element(n.suffix);
  if (!id.empty()) w_.element(id_qualifier).element(id);
  w_.end();
}

// DMG: birth date and, when the guide has a code for it, the gender (F or M).
void ClaimStatusInquiryWriter::demographics(const model::Date& birth_date, std::string_view gender) {
  w_.begin("DMG").element("D8").element(birth_date.to_ccyymmdd());
  if (gender == "F" || gender == "M") w_.element(gender);
  w_.end();
}

// 2000A (the payer asked) and our 2000B under it.
void ClaimStatusInquiryWriter::payer_loop(const model::ClaimStatusInquiry& q) {
  require(!q.payer.id.empty(), "NM1", 9, "the payer id (2100A NM109)");
  require(!receiver_.id.empty(), "NM1", 9, "our information receiver id (2100B NM109)");
  const int payer_hl = ++hl_;
  hl(payer_hl, 0, "20", "1");
  w_.begin("NM1").element("PR").element("2").element(q.payer.name).empty(4).element("PI").element(q.payer.id);
  w_.end();
  receiver_hl_ = ++hl_;
  hl(receiver_hl_, payer_hl, "21", "1");
  w_.begin("NM1").element("41").element("2").element(receiver_.name).empty(4).element("46").element(receiver_.id);
  w_.end();
  payer_ = q.payer;
  provider_.reset();
  subscriber_.reset();
  dependent_.reset();
}

void ClaimStatusInquiryWriter::provider_loop(const model::ClaimStatusInquiry& q) {
  const auto& p = q.provider;
  require(!p.npi.empty(), "NM1", 9, "the provider NPI (2100C NM109)");
  provider_hl_ = ++hl_;
  hl(provider_hl_, receiver_hl_, "19", "1");
  w_.begin("NM1").element("1P");
  if (p.entity == model::EntityType::organization) {
    w_.element("2").element(p.name).empty(4);
  } else {
    w_.element("1").element(p.name).element(p.first).element(p.middle).empty(1).element(p.suffix);
  }
  w_.element("XX").element(p.npi);
  w_.end();
  provider_ = p;
  subscriber_.reset();
  dependent_.reset();
}

void ClaimStatusInquiryWriter::subscriber_loop(const model::ClaimStatusInquiry& q, bool self) {
  const auto& s = q.subscriber;
  require(!s.member_id.empty(), "NM1", 9, "the subscriber's member id (2100D NM109)");
  subscriber_hl_ = ++hl_;
  hl(subscriber_hl_, provider_hl_, "22", self ? "0" : "1");
  if (self && !s.birth_date.empty()) demographics(s.birth_date, s.gender);
  person("IL", s.name, "MI", s.member_id);
  subscriber_ = s;
  subscriber_is_patient_ = self;
  dependent_.reset();
}

void ClaimStatusInquiryWriter::dependent_loop(const model::ClaimStatusInquiry& q) {
  const auto& p = q.patient;
  require(!p.birth_date.empty(), "DMG", 2, "the dependent patient's birth date (2000E DMG02)");
  hl(++hl_, subscriber_hl_, "23", "");
  demographics(p.birth_date, p.gender);
  person("QC", p.name, "", "");
  dependent_ = p;
}

// 2200D/2200E: how the payer finds the claim.
void ClaimStatusInquiryWriter::claim_loop(const model::ClaimStatusInquiry& q) {
  require(!q.trace.empty(), "TRN", 2, "the inquiry trace number (TRN02)");
  w_.segment("TRN", {"1", q.trace});
  if (!q.payer_claim_control_number.empty()) w_.segment("REF", {"1K", q.payer_claim_control_number});
  if (!q.patient_control_number.empty()) w_.segment("REF", {"EJ", q.patient_control_number});
  w_.begin("AMT").element("T3").element(q.charge);
  w_.end();
  if (!q.service_from.empty()) {
    const bool one_day = q.service_to.empty() || q.service_to == q.service_from;
    const std::string dates =
        one_day ? q.service_from.to_ccyymmdd() : q.service_from.to_ccyymmdd() + "-" + q.service_to.to_ccyymmdd();
    w_.segment("DTP", {"472", one_day ? "D8" : "RD8", dates});
  }
}

void ClaimStatusInquiryWriter::write_inquiry(const model::ClaimStatusInquiry& q) {
  const bool self = q.patient.is_subscriber();
  if (!payer_ || *payer_ != q.payer) payer_loop(q);
  if (!provider_ || *provider_ != q.provider) provider_loop(q);
  if (!subscriber_ || *subscriber_ != q.subscriber || subscriber_is_patient_ != self) subscriber_loop(q, self);
  if (!self && (!dependent_ || *dependent_ != q.patient)) dependent_loop(q);
  claim_loop(q);
  ++inquiries_in_transaction_;
}

}  // namespace clearhouse::x12_276
