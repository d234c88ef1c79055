#include "engine/model/remittance_balancer.hpp"

namespace clearhouse::model {

void RemittanceBalancer::payment(Money total, bool readable) {
  payment_ = readable ? Amount(total) : std::nullopt;
}

void RemittanceBalancer::open_claim(Money billed, bool billed_readable, Money paid, bool paid_readable) {
  claim_ = Open{};
  claim_.open = true;
  claim_.checked = billed_readable && paid_readable;
  if (!paid_readable) transaction_checked_ = false;  // CLP04 is in both sums
  claim_.balance.billed = billed;
  claim_.balance.paid = paid;
}

void RemittanceBalancer::open_line(Money billed, bool billed_readable, Money paid, bool paid_readable) {
  line_ = Open{};
  line_.open = true;
  line_.checked = billed_readable && paid_readable;
  line_.balance.billed = billed;
  line_.balance.paid = paid;
}

void RemittanceBalancer::adjustment(Money amount, bool readable) {
  if (line_.open) {
    if (!readable) line_.checked = claim_.checked = false;  // a line's CAS is in its claim's sum too
    line_.balance.adjusted += amount;
  } else if (claim_.open) {
    if (!readable) claim_.checked = false;
    claim_.balance.adjusted += amount;
  }
}

void RemittanceBalancer::provider_adjustment(Money amount, bool readable) {
  if (!readable) transaction_checked_ = false;
  provider_adjustments_ += amount;
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
