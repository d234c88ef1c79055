#pragma once
// Patient receivables in `clearhouse report` and GET /v1/report (one writer,
// billing_report.hpp), apart from what payers owe (the insurance AR aging): what patients owe
// now, aged by days since their share became due (the remittance that set it), in the configured
// buckets; what still waits on insurance (pending, not due); credits held for patients; and the
// statements sent. Decided with the same rules statements use (patient::decide_claim_share over
// what ledger::PatientStore reads), so the report and the statements agree to the cent. Claims
// not yet given an account are given one in a transaction that is rolled back: the report writes
// nothing.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/report/aging.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::report {

struct PatientReceivables {
  std::uint64_t accounts = 0;
  std::vector<AgingLine> aging;        // claims with a balance due, by days since it became due
  model::Money due;                     // sum of the aging
  std::uint64_t accounts_owing = 0;
  std::uint64_t claims_pending = 0;     // waiting on a payer: not due
  model::Money pending_insurance;       // the patient shares they show so far
  std::uint64_t accounts_in_credit = 0;
  model::Money credits;                 // patient money held (positive)
  std::uint64_t statements_sent = 0;
  std::uint64_t accounts_sent_statements = 0;
};

PatientReceivables build_patient_receivables(ledger::sql::Connection& connection, const rules::RulesConfig& config,
                                             model::Date today);

}  // namespace clearhouse::report
