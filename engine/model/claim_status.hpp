#pragma once
// Where a submitted claim stands in the ledger. Submission sets `submitted`; each posted
// remittance claim moves it on (see engine/reconcile/claim_status_rule.hpp for the rule).

#include <cstdint>
#include <optional>
#include <string_view>

namespace clearhouse::model {

enum class ClaimStatus : std::uint8_t {
  submitted,       // sent, no remittance yet
  paid,            // processed (CLP02 1/2/3), no service line left unpaid
  partially_paid,  // processed with a payment, but some service line was paid nothing
  denied,          // CLP02 4, or processed with nothing paid and nothing owed by the patient
  forwarded,       // processed and forwarded to another payer (CLP02 19/20/21/23)
  reversed,        // the payment was reversed (CLP02 22) and no correction has posted yet
};

std::string_view to_string(ClaimStatus status);
std::optional<ClaimStatus> claim_status_from_string(std::string_view text);

}  // namespace clearhouse::model
