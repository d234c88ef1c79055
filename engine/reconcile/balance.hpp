#pragma once
// Balancing a remittance before it posts: the rules are model::RemittanceBalancer's (the one
// implementation, shared with the validator); each failure here is a finding carrying the
// cents it is off by. Nothing throws, and a failure stops nothing: the rest of the remittance
// still posts.

#include <cstdint>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/remittance.hpp"

namespace clearhouse::reconcile {

struct BalanceCounts {
  std::uint64_t lines = 0, claims = 0, remittances = 0;  // how many did not balance
  std::uint64_t total() const { return lines + claims + remittances; }
};

// Checks every line, claim and the transaction, appending one finding per failure.
BalanceCounts check_balance(const model::Remittance& remittance, std::vector<model::Finding>& findings);

}  // namespace clearhouse::reconcile
