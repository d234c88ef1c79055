#pragma once
// The ledger: clearhouse's source of truth (DESIGN.md), SQLite by default, PostgreSQL for
// shared ledgers. Everything above it talks to this class and the stores beside it; they are
// written once against the SQL layer in sql/connection.hpp, and each database only adds a
// driver (sqlite/ today; postgres/ adds `open_postgres` and a case in open_ledger()).
//
// API at a glance:
//   auto ledger = open_ledger(url);          // sqlite:PATH | postgresql://...; migrations applied
//   ledger->connection()                     // the sql::Connection, for new stores (postings...)
//   ledger->allocate(sender, receiver, kind) // control numbers, committed at once (control_numbers.hpp)
//   ledger->has_live_claim(payer, claim_id)  // is this claim id at this payer (sent, not rejected)?
//   ledger->find_claim(payer, claim_id)      // the latest submitted claim with its lines (matching)
//   ledger->find_claims(payer, claim_ids)    // the same for many claims, a few round trips in all
//   ledger->batches()                        // the 837 files recorded (find_batch: one, by id or file name)
//   ledger->recorder()                       // stages a submit run and commits it as one transaction
//
// Schema (migrations.cpp, version 1): control_numbers, batches, claims, service_lines. A new
// feature adds a migration (next number) and its own store file over connection(), e.g.
// engine/ledger/posting_store.hpp for remittance postings, without touching these. The other
// reads and writes beside this class, one file per concept: fee_schedule_store.hpp,
// claim_acknowledgments.hpp (999/TA1 marks), sweep_candidates.hpp (the worklist sweep),
// billing_report_queries.hpp (the report), claim_detail_reads.hpp (GET /v1/claims/{id});
// session_settings.hpp tunes a connection (page cache, relaxed durability).

#include <cstdint>
#include <memory>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/control_numbers.hpp"
#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/ledger/submission_recorder.hpp"

namespace clearhouse::ledger {

namespace sql {
class ListStatements;
}

enum class ClaimStanding : std::uint8_t { none, live, rejected };

class Ledger {
 public:
  // Takes the connection and brings its schema up to date (apply_migrations).
  explicit Ledger(std::unique_ptr<sql::Connection> connection);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  sql::Connection& connection() { return *connection_; }
  sql::Dialect dialect() const { return connection_->dialect(); }
  int schema_version() const { return schema_version_; }

  // See allocate_control_numbers(); pauses any staged submission first.
  std::uint64_t allocate(std::string_view sender_id, std::string_view receiver_id, ControlNumberKind kind,
                         std::uint64_t count = 1);

  // Where a claim id stands at a payer: never sent; live (sent, any frequency, and the payer
  // did not reject it at the front door); or sent and rejected by a 999 or 277CA only. A
  // rejected claim never entered adjudication, so the corrected one is sent again as an original.
  ClaimStanding claim_standing(std::string_view payer_id, std::string_view claim_id);
  bool has_live_claim(std::string_view payer_id, std::string_view claim_id);
  // The most recently submitted claim with this id for this payer, with its lines in order.
  std::optional<ClaimRecord> find_claim(std::string_view payer_id, std::string_view claim_id);
  // find_claim for every claim id of this payer at once (chunked IN lists): the claims found,
  // by claim id, each exactly as find_claim reads it.
  std::map<std::string, ClaimRecord, std::less<>> find_claims(std::string_view payer_id,
                                                              std::span<const std::string> claim_ids);
  // Every batch recorded, oldest first.
  std::vector<BatchRecord> batches();
  // One batch by its row id.
  std::optional<BatchRecord> find_batch(std::int64_t row_id);
  // The latest batch recorded under this file name (the 837 file's base name).
  std::optional<BatchRecord> find_batch_by_file(std::string_view file_name);
  // Counts of rows, for reports and tests.
  std::uint64_t count_claims();
  std::uint64_t count_lines();

  // The submit run's recorder on this connection (created on first use).
  SubmissionRecorder& recorder();

 private:
  std::unique_ptr<sql::Connection> connection_;
  int schema_version_ = 0;
  std::unique_ptr<sql::Statement> claim_standing_;
  std::unique_ptr<sql::ListStatements> claims_by_id_, lines_by_claim_;
  std::unique_ptr<SubmissionRecorder> recorder_;
};

// Opens the ledger a URL names (see ledger_url.hpp). Throws LedgerUrlError for a URL it cannot
// use and LedgerError when opening fails (or the PostgreSQL server cannot be reached).
std::unique_ptr<Ledger> open_ledger(std::string_view url);

}  // namespace clearhouse::ledger
