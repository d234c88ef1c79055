// Coordination of benefits (005010X222A1): the claim's other payers and, once a payer has
// adjudicated the claim, what it decided.
//   2320  SBR (SBR01 responsibility, SBR02 relationship, SBR03 group number, SBR04 group name
//         when there is no group number, SBR05 insurance type, SBR09 filing indicator),
//         CAS per group (adjudicated), AMT*D (adjudicated: the payer's paid amount), AMT*A8,
//         AMT*EAF (when given), OI (OI03 benefits assignment, OI04 signature source, OI06
//         release of information)
//   2330A NM1*IL (MI), N3/N4 when the other subscriber has an address
//   2330B NM1*PR (PI), N3/N4 when the payer has an address, DTP*573 and REF*F8 (adjudicated,
//         when known)
//   2330C-2330G NM1 + REF: the providers as that payer knows them, in the order given
//   2430  per line and earlier payer: SVD, CAS per group, DTP*573, AMT*EAF
// A primary claim's other payers have no adjudication: SBR, OI, 2330A and 2330B only.
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::x12_837p {
namespace {

// CAS01 as written: the code read from a file, else the group's 5010 code.
std::string_view group_code(const model::Adjustment& a) {
  return a.group_code.empty() ? model::to_code(a.group) : a.group_code.view();
}

}  // namespace

// One CAS segment per group code (groups in the order they first appear, each group's triples
// in their order), at most six triples per segment: a group with more continues in another.
void Claim837pWriter::adjustments(const std::vector<model::Adjustment>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string_view group = group_code(list[i]);
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j) seen = group_code(list[j]) == group;
    if (seen) continue;
    int in_segment = 0;
    for (std::size_t k = i; k < list.size(); ++k) {
      const model::Adjustment& a = list[k];
      if (group_code(a) != group) continue;
      if (in_segment == 6) {
        w_.end();
        in_segment = 0;
      }
      if (in_segment == 0) w_.begin("CAS").element(group);
      w_.element(a.reason.view()).element(a.amount);
      if (a.quantity) w_.element(*a.quantity);
      else w_.empty(1);
      ++in_segment;
    }
    w_.end();
  }
}

void Claim837pWriter::other_payer_loops(const std::vector<model::OtherCoverage>& list) {
  for (const model::OtherCoverage& o : list) {
    const model::Subscriber& s = o.subscriber;
    w_.begin("SBR")
        .element(s.payer_responsibility)
        .element(o.relationship)
        .element(s.group_number)
        .element(s.group_number.empty() ? std::string_view(s.group_name) : std::string_view())
        .element(s.insurance_type_code)
        .empty(3)
        .element(o.payer.claim_filing_indicator);
    w_.end();
    if (o.adjudication) {
      const model::PriorAdjudication& a = *o.adjudication;
      adjustments(a.adjustments);
      w_.begin("AMT").element("D").element(a.paid);
      w_.end();
      if (a.non_covered) {
        w_.begin("AMT").element("A8").element(*a.non_covered);
        w_.end();
      }
      if (a.remaining_patient_liability) {
        w_.begin("AMT").element("EAF").element(*a.remaining_patient_liability);
        w_.end();
      }
    }
    w_.begin("OI").empty(2).element(o.benefits_assignment).element(o.patient_signature_source).empty(1).element(
        o.release_of_information);
    w_.end();
    // 2330A: the other subscriber; 2330B: the other payer.
    person("IL", s.name, "MI", s.member_id);
    if (s.address != model::Address{}) address(s.address);
    w_.begin("NM1").element("PR").element("2").element(o.payer.name).empty(4).element("PI").element(o.payer.id);
    w_.end();
    if (o.payer.address) address(*o.payer.address);
    if (o.adjudication) {
      if (!o.adjudication->adjudication_date.empty()) date("573", o.adjudication->adjudication_date);
      if (!o.adjudication->payer_claim_number.empty()) w_.segment("REF", {"F8", o.adjudication->payer_claim_number});
    }
    // 2330C-2330G: only the entity and the other payer's identifier are sent.
    for (const model::OtherPayerProvider& p : o.providers) {
      w_.segment("NM1", {p.entity, p.entity_type});
      if (!p.id.empty()) w_.segment("REF", {p.id_qualifier, p.id});
    }
  }
}

void Claim837pWriter::line_adjudication(const model::LineAdjudication& a) {
  w_.begin("SVD").element(a.payer_id).element(a.paid).begin_composite().component("HC").component(a.procedure_code);
  for (const auto& m : a.modifiers) w_.component(m);
  w_.empty(1).element(a.paid_units);
  if (a.bundled_line) w_.element(static_cast<std::int64_t>(*a.bundled_line));
  w_.end();
  adjustments(a.adjustments);
  date("573", a.adjudication_date);
  if (a.remaining_patient_liability) {
    w_.begin("AMT").element("EAF").element(*a.remaining_patient_liability);
    w_.end();
  }
}

}  // namespace clearhouse::x12_837p
