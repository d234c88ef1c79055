#pragma once
// `clearhouse patient-payments FILE.csv` and POST /v1/patient-payments: a patient payments file
// applied to the ledger. Read -> decide -> write, in one ledger transaction:
//   read    the CSV (parsers/patient_payments), the accounts of the claims and accounts it names
//           (claims given their guarantor's account first: ledger::PatientStore::assign_accounts),
//           and the payments already imported with its references;
//   decide  patient::plan_patient_payments (where each payment goes, credits, refunds due);
//   write   the payments, their share entries and the "refund due" worklist items
//           (worklist::Worklist::apply, keyed by payer "patient" and the account number).
// Idempotent on the payment reference: the same file twice changes nothing. Rows the reader or
// the plan rejects are reported with their line; the others are applied. No PHI is logged.

#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/patient_store.hpp"
#include "engine/patient/payment_plan.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/item_change.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::patient_billing {

// A row not applied, with its line in the file.
struct PaymentRejection {
  int line = 0;
  std::string reference;  // "" when the reader could not read it
  std::string message;    // no PHI: claim ids, account numbers, amounts, the bad field
};

struct PatientPaymentsRun {
  int rows = 0;                       // data rows read
  int applied = 0, duplicates = 0;    // duplicates: a reference already imported (nothing changed)
  std::vector<PaymentRejection> rejected;  // by line
  model::Money applied_amount;        // sum of the applied payments (reversals negative)
  model::Money credited;              // left as credit on accounts
  std::vector<std::string> refund_due_accounts;
  ledger::AccountAssignment accounts;
  worklist::ApplyCounts worklist;
  std::vector<patient::PaymentDecision> decisions;  // in file order
  bool dry_run = false;
};

struct PatientPaymentsOptions {
  std::string source_name;  // the file's name, recorded with each payment
  std::string now;          // ISO timestamp recorded
  model::Date today;        // the worklist items' reference date (refund deadline)
  bool dry_run = false;     // decide and report, write nothing
};

PatientPaymentsRun import_patient_payments(ledger::Ledger& ledger, std::string_view csv,
                                           const rules::RulesConfig& config, const PatientPaymentsOptions& options);

// The run as JSON fields (inside an object the caller opened): the one writer of the summary
// for the CLI (--format json) and the service.
void write_patient_payments_fields(render::JsonWriter& json, const PatientPaymentsRun& run);

}  // namespace clearhouse::patient_billing
