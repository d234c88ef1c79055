#include "generators/x12_837p/claim_837p_writer.hpp"

#include <fmt/format.h>

namespace clearhouse::x12_837p {
namespace {

// CCYYMMDD into buf (no allocation, no printf: dates are on every claim and line).
std::string_view d8(const model::Date& d, char* buf) {
  auto two = [](char* p, int v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  two(buf, d.year / 100);
  two(buf + 2, d.year % 100);
  two(buf + 4, d.month);
  two(buf + 6, d.day);
  return {buf, 8};
}

}  // namespace

std::string transaction_control_number(std::uint64_t n) { return fmt::format("{:04}", n); }

void Claim837pWriter::open_interchange(const x12::InterchangeEnvelope& isa, const x12::GroupEnvelope& gs) {
  envelope_.open_interchange(isa);
  envelope_.open_group(gs);
}

void Claim837pWriter::keep_since(WrittenLoops& into, std::size_t at, std::uint64_t segments_at) const {
  into.text.assign(w_.view().substr(at));
  into.segments = w_.segments_written() - segments_at;
}

std::string Claim837pWriter::last_claim_transaction() const {
  x12::X12Writer out(w_.delimiters());
  x12::EnvelopeWriter envelope(out);
  envelope.open_transaction("837", kept_st02_, kImplementation);
  const std::string& line_break = w_.line_break();
  for (const WrittenLoops* loops : {&kept_header_, &kept_billing_, &kept_subscriber_})
    out.raw_segments(loops->text, loops->segments, line_break);
  if (kept_claim_has_patient_) out.raw_segments(kept_patient_.text, kept_patient_.segments, line_break);
  out.raw_segments(kept_claim_.text, kept_claim_.segments, line_break);
  envelope.close_transaction();
  return out.take();
}

void Claim837pWriter::open_transaction(const TransactionHeader& header, const model::Submitter& submitter,
                                       const model::Receiver& receiver) {
  envelope_.open_transaction("837", header.control_number, kImplementation);
  const std::size_t at = w_.size();
  const std::uint64_t segments_at = w_.segments_written();
  w_.begin("BHT")
      .element("0019")  // information source, subscriber, dependent hierarchy
      .element(header.purpose)
      .element(header.reference)
      .element(header.created.to_ccyymmdd())
      .element(header.time)
      .element(header.type);
  w_.end();
  // 1000A submitter, 1000B receiver.
  w_.begin("NM1").element("41").element("2").element(submitter.name).empty(4).element("46").element(submitter.id);
  w_.end();
  w_.begin("PER").element("IC").element(submitter.contact_name);
  if (!submitter.phone.empty()) w_.element("TE").element(submitter.phone);
  if (!submitter.email.empty()) w_.element("EM").element(submitter.email);
  w_.end();
  w_.begin("NM1").element("40").element("2").element(receiver.name).empty(4).element("46").element(receiver.id);
  w_.end();
  if (keep_) {
    keep_since(kept_header_, at, segments_at);
    kept_st02_ = header.control_number;
  }
  transaction_open_ = true;
  claims_in_transaction_ = 0;
  hl_ = billing_hl_ = subscriber_hl_ = 0;
  billing_.reset();
  pay_to_.reset();
  subscriber_.reset();
  payer_.reset();
  patient_.reset();
}

void Claim837pWriter::close_transaction() {
  envelope_.close_transaction();
  transaction_open_ = false;
}

void Claim837pWriter::close_interchange() {
  if (transaction_open_) close_transaction();
  envelope_.close_group();
  envelope_.close_interchange();
}

void Claim837pWriter::name(std::string_view entity_id, const model::Provider& p, std::string_view id_qualifier,
                           std::string_view id) {
  w_.begin("NM1").element(entity_id);
  if (p.entity == model::EntityType::organization) {
    w_.element("2").element(p.name).empty(4);
  } else {
    w_.element("1").element(p.name).element(p.first).element(p.middle).empty(1).element(p.suffix);
  }
  if (!id.empty()) w_.element(id_qualifier).element(id);
  w_.end();
}

void Claim837pWriter::person(std::string_view entity_id, const model::PersonName& n, std::string_view id_qualifier,
                             std::string_view id) {
  w_.begin("NM1").element(entity_id).element("1").element(n.last).element(n.first).element(n.middle).empty(1).element(n.suffix);
  if (!id.empty()) w_.element(id_qualifier).element(id);
  w_.end();
}

void Claim837pWriter::address(const model::Address& a) {
  w_.begin("N3").element(a.line1).element(a.line2);
  w_.end();
  w_.begin("N4").element(a.city).element(a.state).element(a.postal_code).element(a.country);
  w_.end();
}

void Claim837pWriter::date(std::string_view qualifier, const model::Date& d) {
  char buf[8];
  w_.begin("DTP").element(qualifier).element("D8").element(d8(d, buf));
  w_.end();
}

void Claim837pWriter::billing_provider_loop(const model::Claim& c) {
  const auto& b = c.billing_provider;
  billing_hl_ = ++hl_;
  w_.begin("HL").element(static_cast<std::int64_t>(billing_hl_)).empty(1).element("20").element("1");
  w_.end();
  if (!b.provider.taxonomy.empty()) w_.segment("PRV", {"BI", "PXC", b.provider.taxonomy});
  name("85", b.provider, "XX", b.provider.npi);
  address(b.address);
  w_.segment("REF", {"EI", b.tax_id});
  if (c.pay_to_address) {  // 2010AB: only the address is sent in 5010
    w_.segment("NM1", {"87", "2"});
    address(*c.pay_to_address);
  }
  billing_ = b;
  pay_to_ = c.pay_to_address;
  subscriber_.reset();
  patient_.reset();
}

void Claim837pWriter::subscriber_loop(const model::Claim& c) {
  const auto& s = c.subscriber;
  const bool self = c.patient.is_subscriber();
  subscriber_hl_ = ++hl_;
  w_.begin("HL")
      .element(static_cast<std::int64_t>(subscriber_hl_))
      .element(static_cast<std::int64_t>(billing_hl_))
      .element("22")
      .element(self ? "0" : "1");
  w_.end();
  w_.begin("SBR")
      .element(s.payer_responsibility)
      .element(self ? "18" : "")
      .element(s.group_number)
      .element(s.group_number.empty() ? std::string_view(s.group_name) : std::string_view())
      .element(s.insurance_type_code)
      .empty(3)
      .element(c.payer.claim_filing_indicator);
  w_.end();
  person("IL", s.name, "MI", s.member_id);
  if (self) {
    address(s.address);
    char buf[8];
    w_.begin("DMG").element("D8").element(d8(s.birth_date, buf)).element(s.gender);
    w_.end();
  }
  w_.begin("NM1").element("PR").element("2").element(c.payer.name).empty(4).element("PI").element(c.payer.id);
  w_.end();
  if (c.payer.address) address(*c.payer.address);
  subscriber_ = s;
  payer_ = c.payer;
  subscriber_is_patient_ = self;
  patient_.reset();
}

void Claim837pWriter::patient_loop(const model::Claim& c) {
  const auto& p = c.patient;
  ++hl_;
  w_.begin("HL").element(static_cast<std::int64_t>(hl_)).element(static_cast<std::int64_t>(subscriber_hl_)).element("23").element("0");
  w_.end();
  w_.segment("PAT", {p.relationship});
  person("QC", p.name, "", "");
  address(p.address);
  char buf[8];
  w_.begin("DMG").element("D8").element(d8(p.birth_date, buf)).element(p.gender);
  w_.end();
  patient_ = p;
}

void Claim837pWriter::claim_loop(const model::Claim& c) {
  w_.begin("CLM")
      .element(c.claim_id)
      .element(c.total_charge)
      .empty(2)
      .composite({c.place_of_service, "B", c.frequency_code})
      .element(c.provider_signature)
      .element(c.assignment)
      .element(c.benefits_assignment)
      .element(c.release_of_information);
  if (c.accident) {
    w_.empty(1)  // CLM10
        .begin_composite()
        .component(c.accident->cause)
        .component("")
        .component("")
        .component(c.accident->state)
        .component(c.accident->country);
  }
  w_.end();
  if (!c.onset_date.empty()) date("431", c.onset_date);
  if (c.accident && !c.accident->date.empty()) date("439", c.accident->date);
  attachments(c.attachments);
  if (!c.referral_number.empty()) w_.segment("REF", {"9F", c.referral_number});
  if (!c.prior_authorization.empty()) w_.segment("REF", {"G1", c.prior_authorization});
  if (!c.original_claim_number.empty()) w_.segment("REF", {"F8", c.original_claim_number});
  if (!c.clia_number.empty()) w_.segment("REF", {"X4", c.clia_number});
  if (c.note) note(*c.note);
  if (c.ambulance) ambulance_transport(*c.ambulance);
  w_.begin("HI");
  for (std::size_t i = 0; i < c.diagnoses.size(); ++i) w_.composite({i == 0 ? "ABK" : "ABF", c.diagnoses[i]});
  w_.end();
  if (c.referring_provider) name("DN", *c.referring_provider, "XX", c.referring_provider->npi);
  if (c.rendering_provider) {
    name("82", *c.rendering_provider, "XX", c.rendering_provider->npi);
    if (!c.rendering_provider->taxonomy.empty()) w_.segment("PRV", {"PE", "PXC", c.rendering_provider->taxonomy});
  }
  if (c.service_facility) {
    const auto& f = *c.service_facility;
    w_.begin("NM1").element("77").element("2").element(f.name);
    if (!f.npi.empty()) w_.empty(4).element("XX").element(f.npi);
    w_.end();
    address(f.address);
  }
  if (c.ambulance) ambulance_locations(*c.ambulance);
  other_payer_loops(c.other_coverage);
  for (const auto& line : c.lines) service_line_loop(c, line);
}

void Claim837pWriter::service_line_loop(const model::Claim& c, const model::ServiceLine& l) {
  w_.begin("LX").element(static_cast<std::int64_t>(l.line_number));
  w_.end();
  w_.begin("SV1").begin_composite().component("HC").component(l.procedure_code);
  for (const auto& m : l.modifiers) w_.component(m);
  w_.element(l.charge)
      .element(l.unit_code)
      .element(l.units)
      .element(l.place_of_service != c.place_of_service ? std::string_view(l.place_of_service) : std::string_view())
      .empty(1)
      .begin_composite();
  for (int p : l.diagnosis_pointers) {  // 1-12
    const char digits[2] = {static_cast<char>('0' + p / 10), static_cast<char>('0' + p % 10)};
    w_.component(p >= 10 ? std::string_view(digits, 2) : std::string_view(digits + 1, 1));
  }
  w_.end();
  const model::LineSupplements* extra = l.supplements.get();  // nullptr on most lines
  if (extra) attachments(extra->attachments);
  if (l.service_date_end.empty()) {
    date("472", l.service_date);
  } else {
    w_.begin("DTP").element("472").element("RD8").element(l.service_date.to_ccyymmdd() + "-" + l.service_date_end.to_ccyymmdd());
    w_.end();
  }
  if (extra && !extra->prior_authorization.empty()) w_.segment("REF", {"G1", extra->prior_authorization});
  w_.segment("REF", {"6R", l.line_control_number});
  if (!extra) return;
  if (!extra->referral_number.empty()) w_.segment("REF", {"9F", extra->referral_number});
  if (extra->note) note(*extra->note);
  if (extra->drug) drug(*extra->drug);
  for (const auto& a : extra->prior_adjudications) line_adjudication(a);
}

void Claim837pWriter::write_claim(const model::Claim& c) {
  std::size_t at = w_.size();
  std::uint64_t segments_at = w_.segments_written();
  // After each loop written, its text when keeping (and where the next one starts).
  auto keep = [&](WrittenLoops& into) {
    if (!keep_) return;
    keep_since(into, at, segments_at);
    at = w_.size();
    segments_at = w_.segments_written();
  };
  if (!billing_ || *billing_ != c.billing_provider || pay_to_ != c.pay_to_address) {
    billing_provider_loop(c);
    keep(kept_billing_);
  }
  const bool self = c.patient.is_subscriber();
  if (!subscriber_ || self != subscriber_is_patient_ || *subscriber_ != c.subscriber || *payer_ != c.payer) {
    subscriber_loop(c);
    keep(kept_subscriber_);
  }
  if (!self && (!patient_ || *patient_ != c.patient)) {
    patient_loop(c);
    keep(kept_patient_);
  }
  claim_loop(c);
  if (keep_claim_) {
    keep(kept_claim_);
    kept_claim_has_patient_ = !self;
  }
  ++claims_in_transaction_;
}

}  // namespace clearhouse::x12_837p
