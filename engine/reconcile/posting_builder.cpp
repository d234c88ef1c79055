#include "engine/reconcile/posting_builder.hpp"

#include <algorithm>

#include "engine/reconcile/claim_status_rule.hpp"

namespace clearhouse::reconcile {
namespace {

void add_unique(std::vector<model::Code>& codes, const model::Code& code) {
  if (code.empty()) return;
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

model::Posting build_posting(const model::ClaimPayment& payment, const ClaimMatch& match, std::string_view payer_id,
                             int sequence) {
  model::Posting p;
  p.claim_id = payment.patient_control_number;
  p.payer_id = std::string(payer_id);
  p.payer_claim_control_number = payment.payer_claim_control_number;
  p.status_code = payment.status_code;
  p.matched = match.claim != nullptr;
  p.claim_row = match.claim != nullptr ? match.claim->row_id : 0;
  p.reversal = payment.status_code == "22";
  p.claim_status = status_after(payment);
  p.billed = payment.billed;
  p.paid = payment.paid;
  p.patient_responsibility = payment.patient_responsibility;
  p.segment = payment.segment;
  p.sequence = sequence;
  p.cas.assign(payment.adjustments.begin(), payment.adjustments.end());
  for (const auto& a : payment.adjustments) {
    p.adjustments.add(a);
    add_unique(p.reason_codes, a.reason);
  }
  if (const auto* tt = payment.party("TT"))
    p.crossover_payer = tt->last_or_organization.empty() ? tt->id : tt->last_or_organization;
  for (const auto* info : {&payment.inpatient, &payment.outpatient})
    if (*info)
      for (const auto& r : (*info)->remark_codes) add_unique(p.remark_codes, r);

  p.lines.reserve(payment.lines.size());
  for (std::size_t i = 0; i < payment.lines.size(); ++i) {
    const auto& line = payment.lines[i];
    model::LinePosting lp;
    lp.line_number = static_cast<int>(i + 1);
    if (i < match.lines.size() && match.lines[i].submitted_index >= 0 && match.claim != nullptr) {
      const auto& sent = match.claim->lines[static_cast<std::size_t>(match.lines[i].submitted_index)];
      lp.submitted_line = static_cast<int>(sent.line_number);
      lp.service_line_row = sent.row_id;
    }
    lp.line_control_number = line.line_control_number;
    lp.procedure = line.billed_procedure();
    lp.service_date = line.date();
    lp.billed = line.billed;
    lp.paid = line.paid;
    lp.allowed = line.allowed;
    lp.paid_units = line.units;
    lp.cas.assign(line.adjustments.begin(), line.adjustments.end());
    for (const auto& a : line.adjustments) {
      lp.adjustments.add(a);
      add_unique(lp.reason_codes, a.reason);
    }
    for (const auto& r : line.remarks)
      if (r.qualifier == "HE") add_unique(lp.remark_codes, model::Code(r.value));
    p.adjustments += lp.adjustments;
    p.lines.push_back(std::move(lp));
  }
  return p;
}

}  // namespace clearhouse::reconcile
