#pragma once
// A payment from a patient (or their guarantor): one row of a patient payments file
// (`date,claim_id,amount,method,reference`, parsers/patient_payments/). The reference is the
// payment's identity: importing the same reference again changes nothing. A negative amount is a
// reversal (a returned check, a charge-back) and must name the payment it takes back with a
// reference "reverses:ORIGINAL".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

enum class PaymentMethod : std::uint8_t { cash, check, card, ach, money_order };
std::string_view to_string(PaymentMethod method);
// Case-insensitive; nullopt for anything else ("other" is not a method: say which).
std::optional<PaymentMethod> payment_method_from_string(std::string_view text);

// The prefix of a reversal's reference: "reverses:CHK1042" takes back payment CHK1042.
inline constexpr std::string_view kReversalReferencePrefix = "reverses:";

struct PatientPayment {
  int line = 0;             // line of the file it came from (1-based), 0 when not from a file
  Date date;
  std::string claim_id;     // empty: the account's oldest balances first
  std::string account;      // optional account number (needed when claim_id is empty)
  Money amount;             // positive; negative only for a reversal
  PaymentMethod method = PaymentMethod::cash;
  std::string reference;    // unique per payment: the idempotency key

  bool is_reversal() const { return amount.cents() < 0; }
  // The reference of the payment a reversal takes back ("" when this is not one).
  std::string_view reversed_reference() const {
    std::string_view r = reference;
    return r.starts_with(kReversalReferencePrefix) ? r.substr(kReversalReferencePrefix.size()) : std::string_view{};
  }
  friend bool operator==(const PatientPayment&, const PatientPayment&) = default;
};

}  // namespace clearhouse::model
