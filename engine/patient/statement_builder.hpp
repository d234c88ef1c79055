#pragma once
// One account's statement, decided from values (no database): each visit with what each payer
// paid and adjusted, what the patient owes and why in words, then the account's previous
// balance, payments, amount due, due date and dunning message; whether a statement is due at all
// this cycle; and a "send to collections" finding after the configured number of statements.
// Pure: the ledger reads the inputs and records the statement cycle; the renderers
// (generators/statements/) lay the statement out. tests/unit/statement_builder_test.cpp.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/patient_account.hpp"
#include "engine/model/patient_statement.hpp"
#include "engine/patient/claim_share.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::patient {

// What the ledger knows of a visit besides its share: from the submitted claim.
struct VisitFacts {
  model::Date date;                 // first date of service
  std::string patient_name;
  std::string provider;             // rendering provider's name, else the billing provider's
  std::vector<model::StatementService> services;
  model::Money billed;
};

struct StatementClaim {
  VisitFacts visit;
  ClaimShareInput share;            // its adjudications and patient entries
};

// The last statement sent to the account (the statement cycle, as the ledger records it).
struct PreviousStatement {
  model::Date date;
  model::Money amount_due;
  int number = 0;                   // statements sent so far
};

struct StatementInput {
  model::PatientAccount account;
  std::vector<StatementClaim> claims;
  // Account-level entries (claim_id ""): patient money held as a credit (negative amounts),
  // and what reversals took back from it.
  std::vector<model::PatientShareEntry> account_entries;
  std::optional<PreviousStatement> previous;
  model::PracticeContact practice;
  model::Date as_of;
  model::Money min_balance;         // --min-balance (raises the configured minimum, never lowers it)
};

struct StatementDecision {
  bool send = false;
  std::string reason;               // why not sent (or "credit" / "balance due"); no PHI
  model::PatientStatement statement;
  std::vector<model::Finding> findings;  // send to collections
};

StatementDecision build_statement(const StatementInput& input, const rules::RulesConfig& config);

}  // namespace clearhouse::patient
