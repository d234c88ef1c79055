#include "engine/model/remittance_balancer.hpp"

namespace clearhouse::model {

Money RemittanceBalancer::value(Amount amount, bool& checked) {
  if (amount) return *amount;
  checked = false;
  return Money{};
}

void RemittanceBalancer::payment(Amount total) { payment_ = total; }

void RemittanceBalancer::open_claim(Amount billed, Amount paid) {
  claim_ = Open{};
  claim_.open = true;
  claim_.balance.billed = value(billed, claim_.checked);
  if (!paid) transaction_checked_ = false;  // CLP04 is in both sums
  claim_.balance.paid = value(paid, claim_.checked);
}

void RemittanceBalancer::open_line(Amount billed, Amount paid) {
  line_ = Open{};
  line_.open = true;
  line_.balance.billed = value(billed, line_.checked);
  line_.balance.paid = value(paid, line_.checked);
}

void RemittanceBalancer::adjustment(Amount amount) {
  if (line_.open) {
    if (!amount) claim_.checked = false;  // a line's CAS is in its claim's sum too
    line_.balance.adjusted += value(amount, line_.checked);
  } else if (claim_.open) {
    claim_.balance.adjusted += value(amount, claim_.checked);
  }
}

void RemittanceBalancer::provider_adjustment(Amount amount) {
  provider_adjustments_ += value(amount, transaction_checked_);
}

std::optional<AdjudicationBalance> RemittanceBalancer::close_line() {
  if (!line_.open) return std::nullopt;
  line_.open = false;
  claim_.balance.adjusted += line_.balance.adjusted;  // CLP03 - CLP04 covers the lines' CAS
  if (!line_.checked) return std::nullopt;
  return line_.balance;
}

std::optional<AdjudicationBalance> RemittanceBalancer::close_claim() {
  close_line();
  if (!claim_.open) return std::nullopt;
  claim_.open = false;
  claims_paid_ += claim_.balance.paid;
  if (!claim_.checked) return std::nullopt;
  return claim_.balance;
}

std::optional<PaymentBalance> RemittanceBalancer::finish() {
  close_claim();
  if (!payment_ || !transaction_checked_) return std::nullopt;
  return PaymentBalance{*payment_, claims_paid_, provider_adjustments_};
}

}  // namespace clearhouse::model
