#pragma once
// Which amounts of an 835 claim, service line or transaction were text where a number belongs
// (each is a finding of its own; the typed value reads as 0, a CAS or PLB amount is dropped).
// Kept so that balancing leaves out exactly the checks such an amount takes part in
// (model::RemittanceBalancer), instead of balancing a made-up 0.

namespace clearhouse::model {

struct UnreadAmounts {
  bool charge = false;      // CLP03, SVC02
  bool payment = false;     // CLP04, SVC03, BPR02
  bool adjustment = false;  // a CAS amount of the claim or line itself; a PLB amount (transaction)

  constexpr bool any() const { return charge || payment || adjustment; }
  friend constexpr bool operator==(const UnreadAmounts&, const UnreadAmounts&) = default;
};

}  // namespace clearhouse::model
