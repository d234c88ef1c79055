#include "engine/reconcile/claim_status_rule.hpp"

namespace clearhouse::reconcile {
namespace {

model::Money patient_share(const std::vector<model::Adjustment>& adjustments) {
  model::Money sum;
  for (const auto& a : adjustments)
    if (a.group == model::AdjustmentGroup::patient) sum += a.amount;
  return sum;
}

}  // namespace

bool line_denied(const model::LinePayment& line) {
  return line.billed > model::Money{} && line.paid.is_zero() && patient_share(line.adjustments).is_zero();
}

std::optional<model::ClaimStatus> status_after(const model::ClaimPayment& payment) {
  const std::string_view code = payment.status_code.view();
  if (code == "22") return model::ClaimStatus::reversed;
  if (code == "4") return model::ClaimStatus::denied;
  if (model::forwarded_to_another_payer(code)) return model::ClaimStatus::forwarded;
  if (code != "1" && code != "2" && code != "3") return std::nullopt;

  model::Money patient = patient_share(payment.adjustments);
  bool some_line_denied = false;
  for (const auto& line : payment.lines) {
    patient += patient_share(line.adjustments);
    some_line_denied = some_line_denied || line_denied(line);
  }
  if (payment.paid.is_zero() && patient.is_zero()) return model::ClaimStatus::denied;
  if (payment.paid > model::Money{} && some_line_denied) return model::ClaimStatus::partially_paid;
  return model::ClaimStatus::paid;
}

}  // namespace clearhouse::reconcile
