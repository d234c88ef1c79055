#pragma once
// `clearhouse statements --out DIR` and GET /v1/statements: one statement per account with a
// balance due (and per account in credit, saying so). Read -> decide -> write, in one ledger
// transaction:
//   read    every account (claims first given their guarantor's account), its claims with their
//           adjudications and entries, and the last statement sent (ledger::PatientStore);
//   decide  patient::build_statement per account (what is owed and why, the cycle, dunning,
//           "send to collections");
//   write   the statements (DIR/statements.json, DIR/statements.html, or one
//           DIR/<account>-<number>.pdf per account; temporary files renamed after the commit),
//           the cycle (patient_statements) and the collections worklist items.
// A second run in the same cycle sends nothing unless a balance changed. Statements are PHI:
// they go only to DIR (or the API response); nothing here logs.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/patient_store.hpp"
#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/patient_statement.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/item_change.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::patient_billing {

struct StatementsOptions {
  std::filesystem::path out_dir;  // where the files go (unused when !write_files)
  model::Date as_of;              // the statement date
  std::string format = "pdf";     // pdf | html | json
  model::Money min_balance;       // --min-balance: raises the configured minimum, never lowers it
  std::string now;                // ISO timestamp recorded
  bool record = true;             // record the cycle and open collections items (false: a preview)
  bool write_files = true;
  bool keep_unsent = false;       // also keep the statements of accounts not sent one (the page)
};

// Why an account got a statement or not (no PHI: the account number and a reason).
struct AccountOutcome {
  std::string account;
  bool sent = false;
  std::string reason;
  model::Money amount_due;
};

struct StatementsRun {
  std::size_t accounts = 0, sent = 0, in_credit = 0;
  std::vector<model::PatientStatement> statements;  // the ones sent, by account number
  std::vector<model::PatientStatement> unsent;      // with keep_unsent: the others, by account number
  std::vector<AccountOutcome> outcomes;             // every account
  std::vector<std::string> files;                   // written, base names
  ledger::AccountAssignment assignment;
  worklist::ApplyCounts worklist;
  std::vector<std::string> errors;                  // files that could not be written
};

StatementsRun run_statements(ledger::Ledger& ledger, const StatementsOptions& options, const rules::RulesConfig& config);

// The run's summary as JSON fields (no PHI): counts, files, and each account's outcome.
void write_statements_fields(render::JsonWriter& json, const StatementsRun& run);

}  // namespace clearhouse::patient_billing
