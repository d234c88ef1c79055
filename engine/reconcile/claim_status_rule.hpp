#pragma once
// Where a claim payment moves the submitted claim (model::ClaimStatus), by CLP02 and amounts:
//   22                 reversed        (the payment it undoes is found by payer claim control number)
//   4                  denied
//   19, 20, 21, 23     forwarded       (processed and forwarded to another payer / not ours, forwarded)
//   1, 2, 3            partially_paid  when something was paid but some service line was denied
//                                      (billed, paid nothing, and nothing owed by the patient);
//                      denied          when nothing was paid and the patient owes nothing;
//                      paid            otherwise (including all of it going to the deductible)
//   25 and others      nullopt         (a predetermination or unknown code does not move the claim)

#include <optional>

#include "engine/model/claim_payment.hpp"
#include "engine/model/claim_status.hpp"

namespace clearhouse::reconcile {

std::optional<model::ClaimStatus> status_after(const model::ClaimPayment& payment);

// A line the payer denied: billed something, paid nothing, and the patient owes nothing for it.
bool line_denied(const model::LinePayment& line);

}  // namespace clearhouse::reconcile
