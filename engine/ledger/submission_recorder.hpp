#pragma once
// Records a submit run in the ledger as one transaction. While the run streams, each accepted
// claim is staged in session-private TEMP tables (flat memory, and no hold on the ledger's
// write lock, so control numbers can still be allocated and committed mid-run); commit() then
// inserts the run's batches, claims and lines into the ledger in a single transaction, or
// nothing at all. Written once in the SQL both dialects accept.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

class SubmissionRecorder {
 public:
  // Creates (or empties) the staging tables on this connection.
  explicit SubmissionRecorder(sql::Connection& connection);
  ~SubmissionRecorder();
  SubmissionRecorder(const SubmissionRecorder&) = delete;
  SubmissionRecorder& operator=(const SubmissionRecorder&) = delete;

  // Stages a claim and its lines for the batch the caller numbered batch_key in this run, at
  // position batch_sequence (1, 2, ...) within it. claim.status is ignored: commit() records
  // 'submitted'.
  void stage(int batch_key, std::int64_t batch_sequence, const ClaimRecord& claim);
  // Ends the staging transaction so the connection is free for a committed allocation.
  void pause();

  // Inserts each batch (paired with its batch_key) and every claim and line staged for it, in
  // one transaction; returns the batches with their row ids. Throws LedgerError (and records
  // nothing) on failure, e.g. when a concurrent run recorded one of the same original claims.
  std::vector<BatchRecord> commit(std::vector<std::pair<int, BatchRecord>> batches, const std::string& submitted_at);
  // Drops everything staged.
  void discard();

  std::uint64_t staged_claims() const { return staged_claims_; }

 private:
  sql::Connection& c_;
  std::unique_ptr<sql::Statement> insert_claim_, insert_line_;
  bool staging_open_ = false;
  std::uint64_t staged_claims_ = 0;
};

}  // namespace clearhouse::ledger
