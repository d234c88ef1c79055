#pragma once
// What a submit run needs from the ledger, as an interface: duplicate checks, control numbers,
// staging the run's claims and committing them with its batches. LedgerSubmission is the real
// one (engine/ledger); UnrecordedSubmission keeps counters in memory and records nothing (for
// benchmarks that measure encounters -> 837P without the database).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/records.hpp"
#include "engine/model/claim.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::submit {

// What the ledger records of a submitted claim (lines with modifiers joined by ':'), written in
// transaction set st02 by `written` (null when clearhouse did not write it: intake).
ledger::ClaimRecord claim_record(const model::Claim& claim, const std::string& st02,
                                 const x12_837p::Claim837pWriter* written);

class SubmissionLedger {
 public:
  virtual ~SubmissionLedger() = default;
  virtual bool submitted_before(std::string_view payer_id, std::string_view claim_id) = 0;
  // Committed before returning (never reused, even when the run fails later).
  virtual std::uint64_t allocate(std::string_view sender_id, std::string_view receiver_id,
                                 ledger::ControlNumberKind kind) = 0;
  // Stages a claim written in transaction set st02 of the batch numbered batch_key, by `written`
  // (which keeps its loops), or null when clearhouse did not write it (intake forwards claims).
  virtual void stage(int batch_key, std::int64_t batch_sequence, const model::Claim& claim, const std::string& st02,
                     const x12_837p::Claim837pWriter* written) = 0;
  // One transaction: the batches and everything staged, or nothing (throws). A claim sent
  // again (after a front-door rejection, or as a replacement or void) resolves its active
  // worklist item in the same transaction. `within`, when given, runs inside that transaction
  // after the claims are in, with the batches' row ids (`clearhouse secondary` records its
  // coordination history there).
  virtual void commit(std::vector<std::pair<int, ledger::BatchRecord>> batches, const std::string& submitted_at,
                      const std::function<void(const std::vector<ledger::BatchRecord>&)>& within = {}) = 0;
  virtual void discard() = 0;
  // The hash recorded for a batch file of this name, if any (to finish an interrupted rename).
  virtual std::optional<std::string> recorded_hash(std::string_view file_name) = 0;
};

class LedgerSubmission final : public SubmissionLedger {
 public:
  explicit LedgerSubmission(ledger::Ledger& ledger) : ledger_(ledger) {}
  // Live at the payer: a duplicate. Sent and rejected at the front door: may go again, and
  // is remembered as a correction.
  bool submitted_before(std::string_view payer_id, std::string_view claim_id) override;
  std::uint64_t allocate(std::string_view sender_id, std::string_view receiver_id,
                         ledger::ControlNumberKind kind) override {
    return ledger_.allocate(sender_id, receiver_id, kind);
  }
  void stage(int batch_key, std::int64_t batch_sequence, const model::Claim& claim, const std::string& st02,
             const x12_837p::Claim837pWriter* written) override;
  // The batches, their claims, and what the corrections among them supersede on the worklist
  // (worklist::plan_correction), then `within`, in one transaction.
  void commit(std::vector<std::pair<int, ledger::BatchRecord>> batches, const std::string& submitted_at,
              const std::function<void(const std::vector<ledger::BatchRecord>&)>& within = {}) override;
  void discard() override;
  std::optional<std::string> recorded_hash(std::string_view file_name) override {
    auto batch = ledger_.find_batch_by_file(file_name);
    return batch ? std::optional<std::string>(std::move(batch->sha256)) : std::nullopt;
  }

 private:
  // A staged claim that corrects one the payer has: sent again after a front-door rejection,
  // or a replacement (7) or void (8). Only these can have a worklist item to supersede, so a
  // run of new claims reads nothing more at commit.
  struct Correction {
    std::string payer_id, claim_id, frequency_code;
    int batch_key = 0;
  };
  ledger::Ledger& ledger_;
  std::set<std::pair<std::string, std::string>, std::less<>> resent_after_rejection_;  // (payer, claim id)
  std::vector<Correction> corrections_;
};

class UnrecordedSubmission final : public SubmissionLedger {
 public:
  bool submitted_before(std::string_view, std::string_view) override { return false; }
  std::uint64_t allocate(std::string_view sender_id, std::string_view receiver_id,
                         ledger::ControlNumberKind kind) override {
    return ++counters_[std::make_tuple(std::string(sender_id), std::string(receiver_id), kind)];
  }
  void stage(int, std::int64_t, const model::Claim&, const std::string&, const x12_837p::Claim837pWriter*) override {}
  void commit(std::vector<std::pair<int, ledger::BatchRecord>>, const std::string&,
              const std::function<void(const std::vector<ledger::BatchRecord>&)>& = {}) override {}
  void discard() override {}
  std::optional<std::string> recorded_hash(std::string_view) override { return std::nullopt; }

 private:
  std::map<std::tuple<std::string, std::string, ledger::ControlNumberKind>, std::uint64_t> counters_;
};

}  // namespace clearhouse::submit
