#pragma once
// The billing performance a practice manager reads (`clearhouse report`, GET /v1/report), from
// the ledger as it stands:
//  - by payer: claims submitted (a claim id counts once, however many replacements), paid,
//    partially paid, denied, forwarded, reversed, still open (no remittance yet, or reversed and
//    not corrected), with active worklist items; cents billed (as submitted), paid (net of
//    reversals), adjusted (contractual, other, payer-initiated), patient responsibility;
//  - denial rate by category and by CARC: claims with a claim or line denial in that category
//    (or with that CARC) over claims adjudicated (at least one remittance);
//  - accounts receivable aging: what is still expected from payers — the full charge of a claim
//    with no remittance, the cents at stake of an active worklist item — by days since
//    submission, in the configured buckets;
//  - average days to payment: submission to the first remittance that paid the claim;
//  - the front door (front_door_report.hpp): 277CA first-pass acceptance by payer, rejections
//    by category, claims awaiting a 277CA, 276 inquiries sent and answered;
//  - patient receivables (patient_receivables.hpp), apart from the payers' AR above: what
//    patients owe aged since it became due, what waits on insurance, credits, statements sent.
// Rates and averages are exact decimals (model::Decimal), money is cents.

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/ledger/billing_report_queries.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"
#include "engine/report/aging.hpp"
#include "engine/report/front_door_report.hpp"
#include "engine/report/patient_receivables.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::report {

struct PayerLine {
  std::string payer_id, payer_name;
  std::uint64_t submitted = 0, paid = 0, partially_paid = 0, denied = 0, forwarded = 0, reversed = 0;
  std::uint64_t open = 0;           // no remittance yet, or reversed without a correction
  std::uint64_t open_items = 0;     // active worklist items
  std::uint64_t adjudicated = 0;    // claims with at least one remittance
  model::Money billed, paid_cents, adjusted, patient_responsibility;
  // Of billed, the charges of next payers' claims (not printed): the totals count a charge once.
  model::Money billed_onward;
};

struct DenialRate {
  std::string key;          // category id or CARC
  std::string label;        // category label or CARC description
  std::uint64_t claims = 0;
  model::Money amount;      // cents denied (as the findings say)
  model::Decimal rate_percent;  // claims / adjudicated claims x 100, two decimals
};

struct BillingReport {
  model::Date as_of;
  std::vector<PayerLine> payers;      // by payer id
  PayerLine totals;
  std::vector<DenialRate> denials_by_category;  // most claims first
  std::vector<DenialRate> denials_by_carc;
  std::vector<AgingLine> ar_aging;    // the configured buckets, in order
  model::Money ar_total;
  std::uint64_t paid_claims_timed = 0;            // claims the average is over
  std::optional<model::Decimal> average_days_to_payment;  // one decimal
  std::uint64_t unmatched_payments = 0;           // remittance claims that matched no submission
  model::Money unmatched_paid;
  FrontDoorReport front_door;                     // 277CA acceptance, rejections, 276 inquiries
  PatientReceivables patient;                     // what patients owe, apart from the payers' AR
};

// part / whole x 100 with two decimals, exact (half up); 0.00 when whole is 0.
model::Decimal percent(std::uint64_t part, std::uint64_t whole);

// The report over what the ledger holds as of `today` (which sets the AR ages): the ledger's
// rows (ledger::read_billing_report) through a BillingReportTally.
BillingReport build_report(ledger::sql::Connection& connection, const rules::RulesConfig& config, model::Date today);

// The decision, row by row over what the ledger reads, with no database: payer lines and
// totals, denial rates (a claim counted once per category, with its latest denial), AR aged into
// the configured buckets, days to payment. Memory grows with payers and denied claims, not with
// the claims read. Feed it the rows, then finish() once.
class BillingReportTally final : public ledger::BillingReportRows {
 public:
  BillingReportTally(const rules::RulesConfig& config, model::Date today);
  void claims(const ledger::PayerClaimCounts& row) override;
  void payments(const ledger::PayerPaymentTotals& row) override;
  void open_items(const ledger::PayerOpenItems& row) override;
  void denial_finding(const ledger::DenialFinding& row) override;
  void awaiting_remittance(const ledger::AwaitingClaim& row) override;
  void open_item_at_stake(const ledger::OpenItemAtStake& row) override;
  void first_payment(const ledger::FirstPayment& row) override;
  BillingReport finish();

 private:
  using DenialKey = std::tuple<std::string, std::string, std::string>;  // payer, claim, category
  struct Denied {
    std::int64_t amount = 0;          // the latest finding's
    std::vector<std::string> carc;    // every code, first seen first
  };
  PayerLine& payer_line(const std::string& payer);
  void age(model::Date from, std::int64_t cents);

  const rules::RulesConfig& config_;
  BillingReport report_;
  std::map<std::string, PayerLine> lines_;  // by payer id
  std::map<DenialKey, Denied> denied_;
  std::int64_t days_to_payment_ = 0;
};

void write_report_json(const BillingReport& report, render::JsonWriter& json);
// Long format: section,key,metric,value (one row per number), for spreadsheets.
void write_report_csv(const BillingReport& report, std::FILE* out);

}  // namespace clearhouse::report
