#pragma once
// Applying patient payments, decided from values (no database): the plan says where each
// payment's money goes and what the ledger writes; the ledger applies it in one transaction
// (plan, then apply: a dry run prints the same plan). Pure; tests/unit/payment_plan_test.cpp.
//
// - A payment naming a claim goes to that claim, up to what it owes; a payment to a claim still
//   pending insurance goes to it in full (a copay taken at the visit, settled when the payer
//   decides). What is left goes to the account's other balances, oldest visit first.
// - A payment naming no claim pays the account (its `account` column) oldest visit first.
// - What is still left is a credit on the account, and a "refund due" finding
//   (rule patient.refund_due, category patient_refund) opens a worklist item for the account.
// - The reference is the payment's identity: a reference already imported (in the ledger, or
//   earlier in the same file) changes nothing.
// - A reversal (negative amount, reference "reverses:ORIGINAL") takes the money back from where
//   the original went, the credit first, then the claims last paid first.
// - Rejected, with the row's line: an unknown claim or account, a claim and an account that do
//   not belong together, no claim and no account, a reversal of an unknown payment or of more
//   than it paid.

#include <span>
#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/patient_payment.hpp"
#include "engine/model/patient_share_entry.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::patient {

// One claim of an account as the ledger has it now.
struct ClaimBalance {
  std::string claim_id;
  model::Date service_date;
  model::Money balance;           // what the patient owes on it (negative: paid ahead)
  bool pending_insurance = false;
};

struct AccountBalances {
  std::string account_number;
  std::vector<ClaimBalance> claims;
  model::Money credit;            // patient money held on the account, on no claim (>= 0)
};

// Where money went: a claim, or the account's credit (claim_id empty).
struct Application {
  std::string claim_id;
  model::Money amount;
  friend bool operator==(const Application&, const Application&) = default;
};

// A payment already in the ledger: its reference and where it went (for reversals).
struct PriorPayment {
  std::string reference;
  std::string account_number;
  std::vector<Application> applications;
};

struct PaymentLedgerView {
  std::vector<AccountBalances> accounts;
  std::vector<PriorPayment> payments;
};

enum class PaymentOutcome { applied, duplicate, rejected };
std::string_view to_string(PaymentOutcome outcome);

struct PaymentDecision {
  model::PatientPayment payment;
  PaymentOutcome outcome = PaymentOutcome::applied;
  std::string account_number;
  std::vector<Application> applications;           // sums to the payment's amount when applied
  std::vector<model::PatientShareEntry> entries;   // what the ledger writes (claim_id "" = account credit)
  std::string message;                             // why rejected, or a duplicate that differs; no PHI
};

struct PatientPaymentPlan {
  std::vector<PaymentDecision> decisions;          // one per payment, in input order
  std::vector<model::Finding> findings;            // refund due, one per account left in credit
  int applied = 0, duplicates = 0, rejected = 0;
};

PatientPaymentPlan plan_patient_payments(const PaymentLedgerView& ledger, std::span<const model::PatientPayment> payments,
                                         const rules::RulesConfig& config);

}  // namespace clearhouse::patient
