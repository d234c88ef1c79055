#pragma once
// The patient's share in the ledger (migration 12, engine/ledger/patient_schema.hpp): accounts,
// share entries, patient payments and the statement cycle. SQL only: what to write is decided
// in engine/patient (claim_share, payment_plan, statement_builder) from what this reads. The
// caller owns transactions. Everything here is PHI-bearing: never logged.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/patient_account.hpp"
#include "engine/model/patient_share_entry.hpp"
#include "engine/model/patient_statement.hpp"
#include "engine/patient/claim_share.hpp"
#include "engine/patient/payment_plan.hpp"
#include "engine/patient/statement_builder.hpp"

namespace clearhouse::ledger {

namespace sql {
class BatchInsert;
class ListStatements;
}  // namespace sql

// One account with everything a statement or a payment needs, as read.
struct PatientAccountRecord {
  model::PatientAccount account;
  model::PracticeContact practice;
  std::vector<patient::StatementClaim> claims;              // oldest visit first
  std::vector<model::PatientShareEntry> account_entries;    // claim_id "": credits and what took them back
};

// What assigning claims to accounts did.
struct AccountAssignment {
  std::uint64_t claims = 0;     // claims given an account now
  std::uint64_t opened = 0;     // accounts opened now
  std::uint64_t refused = 0;    // claims whose guarantor's account number is another key's (a collision)
};

// A statement as the cycle records it.
struct StatementRecord {
  std::string account_number;
  int number = 0;
  model::Date date;
  model::Money amount_due;
  std::string format, file_name;
};

class PatientStore {
 public:
  explicit PatientStore(sql::Connection& connection);
  ~PatientStore();
  PatientStore(const PatientStore&) = delete;
  PatientStore& operator=(const PatientStore&) = delete;

  // Posting: every matched claim payment already in the ledger for these claim ids, from claims
  // of these payers (the payers the set's claims were submitted to), as adjudications carrying
  // their patient responsibility only (claim level: the PR buckets; no lines), by claim id in
  // payer order then posting order. Chunked IN lists: one query per payer per 256 claims.
  std::map<std::string, std::vector<patient::PayerAdjudication>, std::less<>> posted_shares(
      std::span<const std::string> payer_ids, std::span<const std::string> claim_ids);
  // Writes share entries (payer entries of a remittance, or a payment's) in bulk.
  void insert_entries(std::span<const model::PatientShareEntry> entries, std::string_view account_number,
                      std::int64_t remittance_id);

  // Gives every claim to a primary payer that has none an account (opening the guarantor's when
  // it is new); a guarantor whose account number belongs to another key is refused (counted).
  AccountAssignment assign_accounts(std::string_view now);
  // Account numbers, all (sorted) or those of these claims.
  std::vector<std::string> account_numbers();
  std::map<std::string, std::string, std::less<>> accounts_of_claims(std::span<const std::string> claim_ids);
  // The accounts with their claims (adjudications in full, lines and CAS), entries and visits,
  // one account at a time (each once, in the order given), so that memory stays flat over any
  // number of accounts.
  // `shares` leaves out what only a statement prints (each visit's services); the shares,
  // adjudications and entries are whole.
  enum class AccountDetail { statement, shares };
  void for_each_account(std::span<const std::string> account_numbers, AccountDetail detail,
                        const std::function<void(PatientAccountRecord&)>& visit);

  // Payments already imported with these references (what reversals and duplicates need).
  std::vector<patient::PriorPayment> prior_payments(std::span<const std::string> references);
  // Writes the applied payments of a plan and their entries.
  void record_payments(const patient::PatientPaymentPlan& plan, std::string_view source_name, std::string_view now);
  // Payments of an account, newest first (the page and the statement's history).
  std::vector<model::PatientPayment> payments_of(std::string_view account_number);

  // The statement cycle.
  std::optional<StatementRecord> last_statement(std::string_view account_number);
  void record_statement(const StatementRecord& statement, std::string_view now);
  // Statements sent, and the accounts they went to.
  std::pair<std::uint64_t, std::uint64_t> statement_counts();

 private:
  sql::Connection& c_;
  std::unique_ptr<sql::ListStatements> shares_by_claim_;
  std::unique_ptr<sql::BatchInsert> entries_;
};

}  // namespace clearhouse::ledger
