#pragma once
// Balancing an 835 to the cent, as 005010X221A1 requires:
//   per service line   SVC02 - SVC03 = sum of the line's CAS amounts
//   per claim          CLP03 - CLP04 = sum of the claim's CAS + every line's CAS
//   per transaction    BPR02 = sum of CLP04 - sum of PLB amounts
// Each failure is a finding carrying the cents it is off by; nothing throws, and a failure
// stops nothing: the rest of the remittance still posts.

#include <cstdint>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/remittance.hpp"

namespace clearhouse::reconcile {

// What is left over: billed - paid - adjustments (zero when the line balances).
model::Money line_imbalance(const model::LinePayment& line);
model::Money claim_imbalance(const model::ClaimPayment& claim);
// BPR02 - (sum CLP04 - sum PLB) (zero when the transaction balances).
model::Money remittance_imbalance(const model::Remittance& remittance);

struct BalanceCounts {
  std::uint64_t lines = 0, claims = 0, remittances = 0;  // how many did not balance
  std::uint64_t total() const { return lines + claims + remittances; }
};

// Checks every line, claim and the transaction, appending one finding per failure.
BalanceCounts check_balance(const model::Remittance& remittance, std::vector<model::Finding>& findings);

}  // namespace clearhouse::reconcile
