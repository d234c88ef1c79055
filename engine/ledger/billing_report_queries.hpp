#pragma once
// What the billing report (engine/report/billing_report.hpp) is computed from, read from the
// ledger in a handful of queries, aggregated where SQL can: claims by payer and status,
// payments by payer, active worklist items, denial findings, what payers still owe and when
// claims were first paid. Counting claims, the counts keep to the latest row of each claim id
// (a replacement supersedes the original). Dates come as the ledger stores them (ISO text);
// the report turns them into ages, buckets, rates and averages.

#include <cstdint>
#include <string>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

// Claims of one payer by status (latest row of each claim id).
struct PayerClaimCounts {
  std::string payer_id, payer_name;
  std::uint64_t claims = 0;
  std::int64_t billed_cents = 0;
  // Of billed_cents, the charges of next payers' claims (coordination of benefits): the same
  // charge was billed to an earlier payer, so the totals count it once.
  std::int64_t billed_onward_cents = 0;
  std::uint64_t paid = 0, partially_paid = 0, denied = 0, forwarded = 0, reversed = 0;
  std::uint64_t awaiting_remittance = 0;  // 'submitted' or 'reversed': no payment stands
};

// Claim payments of one payer: matched to a submitted claim, or not (money for no claim).
struct PayerPaymentTotals {
  std::string payer_id;
  bool matched = true;
  std::uint64_t payments = 0;            // claim payment rows
  std::uint64_t claims_adjudicated = 0;  // distinct claim ids with a payment that is not a reversal
  std::int64_t paid_cents = 0;           // net of reversals
  std::int64_t adjusted_cents = 0;       // contractual, other, payer-initiated, unclassified
  std::int64_t patient_responsibility_cents = 0;  // deductible, coinsurance, copay, other patient
};

// One denial finding on the worklist (rules denial.claim and denial.line).
struct DenialFinding {
  std::string payer_id, claim_id, category;
  std::string carc;  // comma-joined codes
  std::int64_t amount_cents = 0;
};

// A claim with no remittance yet, or reversed and not corrected (latest row of its claim id).
struct AwaitingClaim {
  std::string submitted_at;
  std::int64_t billed_cents = 0;
};

// An active worklist item with its claim's latest submission (empty when the claim was never
// submitted here).
struct OpenItemAtStake {
  std::int64_t amount_cents = 0;
  std::string reference_date;
  std::string claim_submitted_at, claim_status;
};

// A claim with a payment (not a reversal, more than zero) and the first remittance date that paid it.
struct FirstPayment {
  std::string submitted_at, paid_on;
};

// Active worklist items of one payer.
struct PayerOpenItems {
  std::string payer_id;
  std::uint64_t items = 0;
};

// Takes the rows as they are read, query after query in the order below; nothing is kept, so
// a ledger of any size is read in flat memory. engine/report tallies them (the decision).
class BillingReportRows {
 public:
  virtual ~BillingReportRows() = default;
  virtual void claims(const PayerClaimCounts& row) = 0;         // one per payer
  virtual void payments(const PayerPaymentTotals& row) = 0;     // per payer, matched and unmatched apart
  virtual void open_items(const PayerOpenItems& row) = 0;       // one per payer with active items
  virtual void denial_finding(const DenialFinding& row) = 0;    // oldest first
  virtual void awaiting_remittance(const AwaitingClaim& row) = 0;
  virtual void open_item_at_stake(const OpenItemAtStake& row) = 0;
  virtual void first_payment(const FirstPayment& row) = 0;
};

// Read-only; a ledger without remittance tables reads as one with no payments.
void read_billing_report(sql::Connection& connection, BillingReportRows& rows);

}  // namespace clearhouse::ledger
