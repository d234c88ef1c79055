#pragma once
// Records a submit run in the ledger as one transaction. While the run streams, each accepted
// claim is staged outside the database: encoded into a per-batch buffer in memory, and, past a
// memory bound, moved in chunks to an anonymous temporary file (flat memory for runs of any
// size). Staging writes nothing to the ledger and takes no write lock, so control numbers can
// still be allocated and committed mid-run; commit() then inserts the run's batches, claims
// and lines into the ledger in a single transaction, or nothing at all. Written once in the
// SQL both dialects accept.
//
// Between stage() and the next pause() the connection stays in one deferred transaction, so
// the run's duplicate lookups share one read snapshot (in SQLite's WAL mode a read transaction
// per lookup costs file-lock system calls).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {
namespace sql {
class BatchInsert;
}

class SubmissionRecorder {
 public:
  // Staged bytes kept in memory before they move to the temporary file.
  static constexpr std::size_t kDefaultMemoryBound = std::size_t{32} << 20;

  explicit SubmissionRecorder(sql::Connection& connection, std::size_t memory_bound = kDefaultMemoryBound);
  ~SubmissionRecorder();
  SubmissionRecorder(const SubmissionRecorder&) = delete;
  SubmissionRecorder& operator=(const SubmissionRecorder&) = delete;

  // Stages a claim and its lines for the batch the caller numbered batch_key in this run, at
  // position batch_sequence (1, 2, ...) within it. claim.status is ignored: commit() records
  // 'submitted'. Throws LedgerError when the temporary file cannot be written.
  void stage(int batch_key, std::int64_t batch_sequence, const ClaimRecord& claim);
  // Ends the read transaction staging keeps open, so the connection is free for a committed
  // allocation (Ledger::allocate calls it).
  void pause();

  // Inserts each batch (paired with its batch_key) and every claim and line staged for it (in
  // the order staged), in one transaction; returns the batches with their row ids. Throws
  // LedgerError (and records nothing) on failure, e.g. when a concurrent run recorded one of
  // the same original claims.
  std::vector<BatchRecord> commit(std::vector<std::pair<int, BatchRecord>> batches, const std::string& submitted_at);
  // commit() in steps, for a caller that writes more in the same transaction: pause(), open a
  // sql::Transaction, insert(), the caller's writes, commit it, then finish() with what
  // insert() returned (drops the staging, refreshes statistics after a large run).
  std::vector<BatchRecord> insert(std::vector<std::pair<int, BatchRecord>> batches, const std::string& submitted_at);
  void finish(const std::vector<BatchRecord>& recorded);
  // Drops everything staged.
  void discard();

  std::uint64_t staged_claims() const { return staged_claims_; }

 private:
  struct Staging;
  static constexpr std::size_t kClaimsPerInsert = 32;  // claims sent before their ids are looked up
  void insert_records(std::string_view bytes, std::int64_t batch_id, const std::string& submitted_at);
  void refresh_statistics(const std::vector<BatchRecord>& batches);

  sql::Connection& c_;
  std::size_t memory_bound_;
  std::unique_ptr<Staging> staging_;
  std::unique_ptr<sql::Statement> insert_batch_, claim_rows_;
  std::unique_ptr<sql::BatchInsert> insert_claims_, insert_lines_, insert_parties_, insert_renderings_;
  std::string parties_;  // the staged claim's parties, packed (reused)
  bool reading_ = false;  // the deferred transaction is open
  std::uint64_t staged_claims_ = 0;
};

}  // namespace clearhouse::ledger
