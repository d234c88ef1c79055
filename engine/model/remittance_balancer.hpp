#pragma once
// Balancing an 835 to the cent, as 005010X221A1 (section 1.10.2.1) requires — the one
// implementation: posting replays a typed Remittance through it (reconcile::check_balance),
// the validator feeds it segment by segment (x12::spec::RemittanceBalance). Each turns a
// result that does not balance into its own finding.
//
//   per service line   SVC02 - SVC03 = the line's CAS amounts
//   per claim          CLP03 - CLP04 = the claim's CAS amounts + every line's CAS amounts
//   per transaction    BPR02 = sum of CLP04 - sum of PLB amounts
//
// The rules hold as they are for every claim status: a denial (CLP02 4) pays 0 and adjusts
// the whole charge, a reversal (CLP02 22) negates every amount, and both sides stay equal.
// Exact cents, no tolerance. An amount that could not be read (nullopt; its reader reported
// it) switches off exactly the checks it takes part in, rather than report an imbalance by a
// made-up amount: SVC02/SVC03 the line's; a line's CAS the line's and its claim's; CLP03 or
// a claim's CAS the claim's; CLP04 the claim's and the transaction's; BPR02 or a PLB amount
// the transaction's.

#include <optional>

#include "engine/model/money.hpp"

namespace clearhouse::model {

// A service line or a claim: what was billed, paid and adjusted.
struct AdjudicationBalance {
  Money billed, paid, adjusted;
  // billed - paid - adjusted: what is left over (zero when it balances).
  constexpr Money off() const { return billed - paid - adjusted; }
  constexpr bool balances() const { return off().is_zero(); }
};

// The transaction: BPR02 against the claims paid less the provider adjustments.
struct PaymentBalance {
  Money payment, claims_paid, provider_adjustments;
  constexpr Money expected() const { return claims_paid - provider_adjustments; }
  // BPR02 - (sum CLP04 - sum PLB) (zero when it balances).
  constexpr Money off() const { return payment - expected(); }
  constexpr bool balances() const { return off().is_zero(); }
};

class RemittanceBalancer {
 public:
  using Amount = std::optional<Money>;  // nullopt: present but unreadable

  // A new transaction set (ST).
  void start() { *this = RemittanceBalancer{}; }
  // BPR02. A transaction that never gives one is not checked (its BPR is missing).
  void payment(Money total, bool readable);
  // CLP03/CLP04 and SVC02/SVC03 open a claim and a line. The caller closes what is open first
  // (close_line, close_claim): each close returns a result to report.
  void open_claim(Money billed, bool billed_readable, Money paid, bool paid_readable);
  void open_line(Money billed, bool billed_readable, Money paid, bool paid_readable);
  // One CAS amount: the open line's when a line is open, else the open claim's; outside a
  // claim it counts nowhere (the reader reports a CAS out of place).
  void adjustment(Money amount, bool readable);
  // One PLB amount.
  void provider_adjustment(Money amount, bool readable);
  // The same steps with an Amount. The validator's per-segment path takes the (Money, readable)
  // forms: GCC builds an optional<Money> argument with two stores and copies it with one 16-byte
  // load that the processor cannot forward from them, a stall on every amount of an 835.
  void payment(const Amount& total) { payment(total.value_or(Money{}), total.has_value()); }
  void open_claim(const Amount& billed, const Amount& paid) {
    open_claim(billed.value_or(Money{}), billed.has_value(), paid.value_or(Money{}), paid.has_value());
  }
  void open_line(const Amount& billed, const Amount& paid) {
    open_line(billed.value_or(Money{}), billed.has_value(), paid.value_or(Money{}), paid.has_value());
  }
  void adjustment(const Amount& amount) { adjustment(amount.value_or(Money{}), amount.has_value()); }
  void provider_adjustment(const Amount& amount) { provider_adjustment(amount.value_or(Money{}), amount.has_value()); }

  bool claim_open() const { return claim_.open; }
  bool line_open() const { return line_.open; }
  // The line's balance; nullopt when no line is open or an amount of its check was unreadable.
  std::optional<AdjudicationBalance> close_line();
  // The claim's balance (closing its open line first, whose result is then not returned);
  // nullopt when no claim is open or an amount of its check was unreadable.
  std::optional<AdjudicationBalance> close_claim();
  // The transaction's balance (closing an open claim first); nullopt without a readable BPR02
  // or when a CLP04 or PLB amount was unreadable.
  std::optional<PaymentBalance> finish();

 private:
  struct Open {
    bool open = false, checked = true;  // checked: every amount of its check was read
    AdjudicationBalance balance;
  };

  Amount payment_;
  bool transaction_checked_ = true;  // every CLP04 and PLB amount was read
  Money claims_paid_, provider_adjustments_;
  Open claim_, line_;
};

}  // namespace clearhouse::model
