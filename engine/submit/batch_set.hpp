#pragma once
// The 837P files of one run, shared by `clearhouse submit` and `clearhouse secondary`: one
// interchange per submitter/receiver pair (DIR/<receiver>-<ISA13>.837), ISA13/GS06 and ST02
// from the ledger, up to N claims per transaction set, each claim written and staged in the
// ledger as it comes. close() finishes the temporary files; the caller commits the ledger
// (records()), then publish() renames them. abandon() removes them (nothing committed).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/model/claim.hpp"
#include "engine/submit/batch_file.hpp"
#include "engine/submit/submission_ledger.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::submit {

struct BatchSetOptions {
  std::filesystem::path out_dir;
  util::LocalTime when;                   // ISA09/10, GS04/05, BHT04/05
  bool production = true;                 // ISA15 P or T
  bool line_breaks = true;
  std::uint64_t max_claims_per_transaction = 5000;
};

// Where a claim went: its batch (file) and position in it (claims.batch_sequence).
struct PlacedClaim {
  int batch_key = 0;
  std::int64_t batch_sequence = 0;
};

class BatchSet {
 public:
  BatchSet(BatchSetOptions options, SubmissionLedger& ledger) : o_(std::move(options)), ledger_(ledger) {}

  // Writes the claim into its receiver's file and stages it in the ledger. Throws when the
  // writer refuses a value (the run is abandoned).
  PlacedClaim add(const model::Claim& c);
  // Closes every interchange and file; throws when a final name is already taken.
  void close();
  // The batches to commit, stamped `created_at`.
  std::vector<std::pair<int, ledger::BatchRecord>> records(const std::string& created_at);
  // After the commit: renames the files to their final names; returns their paths and adds their bytes.
  std::vector<std::string> publish(std::uint64_t& bytes);
  void abandon();
  bool empty() const { return batches_.empty(); }
  const BatchFile& batch(int batch_key) const { return *batches_[static_cast<std::size_t>(batch_key)]; }

 private:
  BatchFile& batch_for(const model::Claim& c);

  BatchSetOptions o_;
  SubmissionLedger& ledger_;
  std::vector<std::unique_ptr<BatchFile>> batches_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<int, std::string> st02_by_batch_;
  std::string key_;
  BatchFile* last_ = nullptr;
  model::Submitter last_submitter_;
  model::Receiver last_receiver_;
};

// One run per output directory at a time (submit and secondary alike): a concurrent run must not
// take this run's temporary files for leftovers. Held until destroyed; goes with the process,
// even on a crash. Creates the directory first. Throws std::runtime_error, saying why, when the
// directory or the lock file cannot be made.
class OutputDirectoryLock {
 public:
  explicit OutputDirectoryLock(const std::filesystem::path& dir);
  ~OutputDirectoryLock();
  OutputDirectoryLock(const OutputDirectoryLock&) = delete;
  OutputDirectoryLock& operator=(const OutputDirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace clearhouse::submit
